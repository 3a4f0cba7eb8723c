"""The emulated gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME → RESUMED, dispatches."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from . import payloads

if TYPE_CHECKING:
    from .server import DiscordEmulator

log = logging.getLogger(__name__)
HEARTBEAT_INTERVAL_MS = 41250


class Gateway:
    """One session at a time; a dropped connection can be resumed on a new one."""

    def __init__(self, emulator: DiscordEmulator) -> None:
        self.emulator = emulator
        self.socket: web.WebSocketResponse | None = None  # the connection that has identified or resumed
        self.sockets: set[web.WebSocketResponse] = set()
        self.session_id = secrets.token_hex(16)
        self.sequence = 0
        self.received: list[dict[str, Any]] = []  # every frame the client sent, in order
        self.identified = 0
        self.resumed = 0
        self.connections = 0

    async def handle(self, http: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(http)
        self.connections += 1
        self.sockets.add(socket)
        try:
            await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS},
                                              "s": None, "t": None}))
            async for frame in socket:
                if frame.type is not WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                self.received.append(message)
                await self._answer(socket, message)
                self.emulator.notify()
        finally:
            self.sockets.discard(socket)
            if self.socket is socket:
                self.socket = None
            self.emulator.notify()
        return socket

    async def _answer(self, socket: web.WebSocketResponse, message: dict[str, Any]) -> None:
        op = message.get("op")
        if op == 1:
            await socket.send_str(json.dumps({"op": 11, "d": None, "s": None, "t": None}))
        elif op == 2:
            expected = self.emulator.token
            if expected is not None and (message.get("d") or {}).get("token") != expected:
                await socket.close(code=4004, message=b"Authentication failed.")
                return
            self.identified += 1
            self.socket, self.sequence, self.session_id = socket, 0, secrets.token_hex(16)
            emulator = self.emulator
            await self.dispatch("READY", {
                "v": 10, "user": {**emulator.bot.user(), "verified": True, "mfa_enabled": False},
                "guilds": [{"id": str(emulator.guild_id), "unavailable": True}],
                "session_id": self.session_id, "resume_gateway_url": emulator.gateway_url,
                "shard": [0, 1], "application": {"id": str(emulator.application_id), "flags": 0},
                "private_channels": [], "relationships": [], "presences": [], "guild_join_requests": [],
                "geo_ordered_rtc_regions": [], "user_settings": {}, "auth": {}, "session_type": "normal",
            })
            await self.dispatch("GUILD_CREATE", payloads.guild(emulator.guild_id, emulator.channel_id,
                                                                emulator.bot, emulator.user))
        elif op == 6:
            data = message.get("d") or {}
            if data.get("session_id") != self.session_id:
                await socket.send_str(json.dumps({"op": 9, "d": False, "s": None, "t": None}))
                return
            self.resumed += 1
            self.socket = socket
            await self.dispatch("RESUMED", {})

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH (op 0) to the identified connection."""
        if self.socket is None or self.socket.closed:
            raise RuntimeError(f"cannot dispatch {event}: no client is connected to the gateway")
        self.sequence += 1
        await self.socket.send_str(json.dumps({"op": 0, "t": event, "s": self.sequence, "d": data}))

    async def wait_connected(self, timeout: float = 5.0) -> None:
        """Wait until a client has identified (or resumed) on an open connection."""
        await self.emulator.wait_for(lambda: self.socket is not None and not self.socket.closed, timeout)

    async def drop(self, code: int = 4000, message: bytes = b"emulated disconnect") -> None:
        """Close the current connection with `code`; 4000–4003 and 4005–4009 make discord.py resume."""
        if self.socket is not None:
            socket, self.socket = self.socket, None
            await socket.close(code=code, message=message)

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT, which makes discord.py reconnect and resume."""
        if self.socket is not None:
            await self.socket.send_str(json.dumps({"op": 7, "d": None, "s": None, "t": None}))

    async def close_all(self) -> None:
        self.socket = None
        await asyncio.gather(*(s.close(code=1001, message=b"emulator stopping") for s in list(self.sockets)),
                             return_exceptions=True)
