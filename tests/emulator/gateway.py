"""The emulated gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME → RESUMED, dispatches.

Each IDENTIFY opens a session for the shard it names (`"shard": [id, count]`, [0, 1] when absent); a guild's
events go to the session of shard `(guild_id >> 22) % count`, as Discord routes them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from . import payloads

if TYPE_CHECKING:
    from .server import DiscordEmulator

log = logging.getLogger(__name__)
HEARTBEAT_INTERVAL_MS = 41250
ABNORMAL_CLOSURE = 1006  # never sent in a close frame: the TCP connection just ends


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord sends a guild's events to."""
    return (guild_id >> 22) % shard_count


@dataclass
class Session:
    """One identified gateway session; it outlives its connection until it is invalidated."""

    shard: tuple[int, int]  # [shard id, shard count] as the client sent it in IDENTIFY
    session_id: str = field(default_factory=lambda: secrets.token_hex(16))
    socket: web.WebSocketResponse | None = None
    sequence: int = 0
    events: list[str] = field(default_factory=list)  # names of the dispatches sent, e.g. "GUILD_CREATE"
    guild_ids: list[int] = field(default_factory=list)  # guilds announced to this session

    @property
    def connected(self) -> bool:
        return self.socket is not None and not self.socket.closed


class Gateway:
    """Sessions by shard id; a dropped connection can be resumed on a new one."""

    def __init__(self, emulator: DiscordEmulator) -> None:
        self.emulator = emulator
        self.sessions: dict[int, Session] = {}  # by shard id
        self.sockets: set[web.WebSocketResponse] = set()
        self._transports: dict[web.WebSocketResponse, Any] = {}
        self.received: list[dict[str, Any]] = []  # every frame the client sent, in order
        self.identified = 0
        self.resumed = 0
        self.invalidated = 0  # RESUMEs answered with op 9 INVALID_SESSION
        self.connections = 0

    # --- the shard-0 session, for single-connection clients ---------------------------------------------
    @property
    def socket(self) -> web.WebSocketResponse | None:
        session = self.sessions.get(0)
        return session.socket if session is not None else None

    @property
    def session_id(self) -> str | None:
        session = self.sessions.get(0)
        return session.session_id if session is not None else None

    @property
    def shard_count(self) -> int:
        return next(iter(self.sessions.values())).shard[1] if self.sessions else 1

    def session_for(self, guild_id: int | None) -> Session | None:
        """The session a guild's events go to (shard 0's for events without a guild)."""
        shard = shard_of(guild_id, self.shard_count) if guild_id is not None else 0
        return self.sessions.get(shard)

    # --- connections -------------------------------------------------------------------------------------
    async def handle(self, http: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(http)
        self.connections += 1
        self.sockets.add(socket)
        self._transports[socket] = http.transport
        try:
            await socket.send_str(
                json.dumps({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}, "s": None, "t": None})
            )
            async for frame in socket:
                if frame.type is not WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                self.received.append(message)
                await self._answer(socket, message)
                self.emulator.notify()
        except ConnectionResetError:  # the client (or drop(1006)) ended the connection abruptly
            pass
        finally:
            self.sockets.discard(socket)
            self._transports.pop(socket, None)
            for session in self.sessions.values():
                if session.socket is socket:
                    session.socket = None
            self.emulator.notify()
        return socket

    async def _answer(self, socket: web.WebSocketResponse, message: dict[str, Any]) -> None:
        op, data = message.get("op"), message.get("d") or {}
        if op == 1:
            await socket.send_str(json.dumps({"op": 11, "d": None, "s": None, "t": None}))
        elif op == 2:
            await self._identify(socket, data)
        elif op == 6:
            session = next((s for s in self.sessions.values() if s.session_id == data.get("session_id")), None)
            if session is None:
                self.invalidated += 1
                await socket.send_str(json.dumps({"op": 9, "d": False, "s": None, "t": None}))
                return
            self.resumed += 1
            session.socket = socket
            await self._send(session, "RESUMED", {})

    async def _identify(self, socket: web.WebSocketResponse, data: dict[str, Any]) -> None:
        expected = self.emulator.token
        if expected is not None and data.get("token") != expected:
            await socket.close(code=4004, message=b"Authentication failed.")
            return
        shard_id, shard_count = data.get("shard") or [0, 1]
        if not 0 <= shard_id < shard_count:
            await socket.close(code=4010, message=b"Invalid shard.")
            return
        self.identified += 1
        session = self.sessions[shard_id] = Session((shard_id, shard_count), socket=socket)
        emulator = self.emulator
        guild_ids = [g for g in emulator.guilds if shard_of(g, shard_count) == shard_id]
        await self._send(
            session,
            "READY",
            {
                "v": 10,
                "user": {**emulator.bot.user(), "verified": True, "mfa_enabled": False},
                "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
                "session_id": session.session_id,
                "resume_gateway_url": emulator.gateway_url,
                "shard": [shard_id, shard_count],
                "application": {"id": str(emulator.application_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": [],
                "user_settings": {},
                "auth": {},
                "session_type": "normal",
            },
        )
        for guild_id in guild_ids:
            await self.announce(guild_id, session)

    async def announce(self, guild_id: int, session: Session | None = None) -> None:
        """Send GUILD_CREATE for a guild to its shard's session (as on READY or when the bot joins)."""
        session = session or self.session_for(guild_id)
        if session is None or not session.connected:
            return  # it will be announced when that shard identifies
        emulator = self.emulator
        session.guild_ids.append(guild_id)
        await self._send(
            session, "GUILD_CREATE", payloads.guild(guild_id, emulator.guilds[guild_id], emulator.bot, emulator.user)
        )

    async def _send(self, session: Session, event: str, data: dict[str, Any]) -> None:
        session.sequence += 1
        session.events.append(event)
        await session.socket.send_str(json.dumps({"op": 0, "t": event, "s": session.sequence, "d": data}))

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH (op 0) to the session of the shard that owns `data["guild_id"]`."""
        guild = data.get("guild_id")
        session = self.session_for(int(guild) if guild else None)
        if session is None or not session.connected:
            raise RuntimeError(
                f"cannot dispatch {event}: no client is connected to the gateway"
                + (f" for guild {guild}'s shard" if guild else "")
            )
        await self._send(session, event, data)

    async def wait_connected(self, timeout: float = 5.0, shards: int = 1) -> None:
        """Wait until `shards` sessions have identified (or resumed) on open connections."""
        await self.emulator.wait_for(lambda: sum(s.connected for s in self.sessions.values()) >= shards, timeout)

    # --- faults ------------------------------------------------------------------------------------------
    async def drop(self, code: int = 4000, message: bytes = b"emulated disconnect", shard: int = 0) -> None:
        """Close a shard's connection with `code` (1006: end the TCP connection without a close frame).

        4000–4003 and 4005–4009 make discord.py resume; so do 1000 and 1006 (Discord may send them)."""
        session = self.sessions.get(shard)
        if session is None or session.socket is None:
            return
        socket, session.socket = session.socket, None
        if code == ABNORMAL_CLOSURE:
            transport = self._transports.get(socket)
            if transport is not None:
                transport.abort()
            return
        await socket.close(code=code, message=message)

    def invalidate(self, shard: int = 0) -> None:
        """Forget a shard's session, so its next RESUME gets op 9 INVALID_SESSION and it must IDENTIFY."""
        session = self.sessions.get(shard)
        if session is not None:
            session.session_id = "invalidated-" + secrets.token_hex(8)

    async def request_reconnect(self, shard: int = 0) -> None:
        """Send op 7 RECONNECT, which makes discord.py reconnect and resume."""
        session = self.sessions.get(shard)
        if session is not None and session.connected:
            await session.socket.send_str(json.dumps({"op": 7, "d": None, "s": None, "t": None}))

    async def close_all(self) -> None:
        for session in self.sessions.values():
            session.socket = None
        await asyncio.gather(
            *(s.close(code=1001, message=b"emulator stopping") for s in list(self.sockets)), return_exceptions=True
        )
