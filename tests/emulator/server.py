"""A loopback Discord: REST under /api/v10 and a gateway websocket, recording every request the bot makes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import discord
import yarl
from aiohttp import web

from . import interactions, payloads
from .exchange import DEFAULT_TIMEOUT, Answer, Exchange
from .gateway import Gateway
from .interactions import DiscordError
from .payloads import Person, snowflake
from .routes import (
    ROUTES,
    Fault,
    Request,
    armed_fault,
    fault_response,
    json_response,
    match_route,
    read_body,
    unknown_message,
)
from .spec import limit_problems

log = logging.getLogger(__name__)
API_PREFIX = "/api/v10"


@dataclass
class DiscordEmulator:
    """REST + gateway on 127.0.0.1 with an ephemeral port; use `async with DiscordEmulator() as discord_:`."""

    application_id: int = field(default_factory=snowflake)
    guild_id: int = field(default_factory=snowflake)
    channel_id: int = field(default_factory=snowflake)
    strict: bool = True  # answer 400 (code 50035) to bodies over Discord's limits, as Discord does
    token: str | None = None  # when set, any other token gets 401 (REST) or close code 4004 (gateway)

    def __post_init__(self) -> None:
        self.bot = Person(self.application_id, "ArchiveBot", bot=True)
        self.user = Person(snowflake(), "asker")
        self.other_user = Person(snowflake(), "bystander")
        self.uploaded: dict[str, bytes] = {}  # attachment id → bytes, served under /attachments/
        self.attachment_downloads = 0
        self.requests: list[Request] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}  # guild id (None: global) → synced
        self.messages: dict[int, dict[str, Any]] = {}
        self.exchanges: dict[str, Exchange] = {}  # by interaction token
        self.faults: list[Fault] = []
        self.errors: list[str] = []  # exceptions inside the emulator's own handlers
        self.guilds: dict[int, list[int]] = {self.guild_id: [self.channel_id]}  # guild id → channel ids
        self.recommended_shards = 1  # what GET /gateway/bot tells a client that does not choose its shards
        self.gateway = Gateway(self)
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -------------------------------------------------------------------------------------
    async def start(self) -> DiscordEmulator:
        app = web.Application()
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/attachments/{attachment_id}/{filename}", self._serve_attachment)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # the ephemeral port the OS chose
        return self

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DiscordEmulator:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @contextlib.contextmanager
    def patched_discord(self) -> Iterator[None]:
        """Point discord.py's class-level REST base and gateway URL here, restoring them afterwards."""
        route_base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = route_base, gateway

    # --- waiting --------------------------------------------------------------------------------------
    def notify(self) -> None:
        self._changed.set()

    async def wait_for(self, ready: Callable[[], Any], timeout: float = DEFAULT_TIMEOUT) -> Any:
        """Wait until `ready()` returns something truthy (checked after every request and gateway event)."""
        async with asyncio.timeout(timeout):
            while not (result := ready()):
                self._changed.clear()
                await self._changed.wait()
        return result

    async def wait_for_commands(self, guild_id: int | None = None, timeout: float = DEFAULT_TIMEOUT) -> list[dict]:
        """The command set once the bot has synced it (to `guild_id`, or globally for None)."""
        return await self.wait_for(lambda: self.commands.get(guild_id), timeout)

    def requests_to(self, method: str, route: str) -> list[Request]:
        return [r for r in self.requests if r.method == method and r.route == route]

    # --- interactions ---------------------------------------------------------------------------------
    async def add_guild(self, guild_id: int | None = None, channels: int = 1) -> tuple[int, list[int]]:
        """A further guild with `channels` text channels, announced at once if its shard is connected."""
        guild_id = guild_id or snowflake()
        self.guilds[guild_id] = [snowflake() for _ in range(channels)]
        await self.gateway.announce(guild_id)
        return guild_id, self.guilds[guild_id]

    async def invoke(
        self,
        command: str,
        options: dict[str, Any] | None = None,
        user: Person | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
    ) -> Exchange:
        """Send a slash command, e.g. `invoke("article search", {"query": "kharkiv"})`."""
        return await interactions.send_command(self, command, options, user, None, guild_id, channel_id)

    async def autocomplete(
        self,
        command: str,
        options: dict[str, Any],
        focused: str,
        user: Person | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
    ) -> Exchange:
        """Send an autocomplete request (type 4) with `focused` the option being typed."""
        return await interactions.send_command(self, command, options, user, focused, guild_id, channel_id)

    def post(self, content: str, author: Person | None = None, embeds: list[dict[str, Any]] | None = None) -> int:
        """A message a member wrote in the emulator's channel (something to run a message menu on)."""
        stored = payloads.message(
            snowflake(),
            self.channel_id,
            self.guild_id,
            author or self.other_user,
            {"content": content, "embeds": embeds or []},
            self.application_id,
        )
        self.messages[int(stored["id"])] = stored
        return int(stored["id"])

    def channel(self, channel_id: int | None = None) -> dict[str, Any]:
        """A text channel of the emulator's guild as a channel option sends it (resolved, with permissions)."""
        channel_id = channel_id or self.channel_id
        return {
            "id": str(channel_id),
            "type": 0,
            "name": f"news-{channel_id % 1000}",
            "guild_id": str(self.guild_id),
            "permissions": payloads.ALL_PERMISSIONS,
        }

    def upload(self, filename: str, data: bytes, content_type: str = "text/plain") -> dict[str, Any]:
        """A file a member attached to a command, served on loopback as Discord's CDN serves it."""
        attachment_id = snowflake()
        self.uploaded[str(attachment_id)] = data
        url = f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{filename}"
        return {
            "id": str(attachment_id),
            "filename": filename,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
        }

    async def _serve_attachment(self, http: web.Request) -> web.Response:
        data = self.uploaded.get(http.match_info["attachment_id"])
        self.attachment_downloads += 1
        return web.Response(body=data) if data is not None else web.Response(status=404)

    async def menu(self, name: str, message_id: int, user: Person | None = None) -> Exchange:
        """Run a message context-menu entry (Apps → name) on a message."""
        return await interactions.send_message_menu(self, name, message_id, user)

    async def press(self, message_id: int, custom_id: str, user: Person | None = None) -> Exchange:
        """Press a button on a message the bot sent (type 3)."""
        return await interactions.press_button(self, message_id, custom_id, user)

    def message(self, message_id: int) -> dict[str, Any]:
        """The message as it stands now, after every edit."""
        return self.messages[message_id]

    def buttons(self, message_id: int) -> dict[str, dict[str, Any]]:
        """The buttons on a message by label (ids are the layout's, e.g. `pages:next`)."""
        rows = self.messages[message_id].get("components") or []
        return {
            button.get("label", ""): button
            for row in rows
            for button in row.get("components", [])
            if button.get("type") == 2
        }

    # --- faults ---------------------------------------------------------------------------------------
    def fail(
        self,
        method: str,
        route: str,
        status: int = 429,
        times: int = 1,
        retry_after: float = 0.05,
        is_global: bool = False,
    ) -> Fault:
        """Make the next `times` requests to `route` (an OpenAPI template) answer `status` (429, 500…)."""
        fault = Fault(method, route, status, times, retry_after, is_global)
        self.faults.append(fault)
        return fault

    def slow(self, method: str, route: str, seconds: float, times: int = 1) -> Fault:
        """Make the next `times` requests to `route` wait `seconds` before being served normally."""
        fault = Fault(method, route, 0, times, delay=seconds)
        self.faults.append(fault)
        return fault

    # --- REST -----------------------------------------------------------------------------------------
    async def _handle(self, http: web.Request) -> web.StreamResponse:
        path = "/" + http.match_info["tail"]
        matched = match_route(http.method, path)
        body, files = await read_body(http)
        request = Request(
            http.method,
            path,
            matched[0] if matched else None,
            matched[1] if matched else {},
            dict(http.query),
            body,
            files=files,
        )
        self.requests.append(request)
        self.notify()  # a waiter may be interested in the request itself, before it is answered
        try:
            fault = armed_fault(self.faults, request)
            if fault is not None and fault.delay:
                await asyncio.sleep(fault.delay)
            response = (
                self._refuse_token(http)
                or (fault_response(fault) if fault and fault.status else None)
                or self._refuse_invalid(request)
            )
            if response is None and matched is None:
                response = json_response(
                    {"message": f"404: Not Found (emulator has no {http.method} {path})", "code": 0}, 404
                )
            if response is None:
                handler = next(name for m, t, name in ROUTES if (m, t) == (http.method, request.route))
                response = getattr(self, "_" + handler)(request)
        except DiscordError as error:
            response = json_response({"message": str(error), "code": error.code}, error.status)
        except Exception as error:  # a bug in the emulator: 400 so discord.py does not retry, and remembered
            log.exception("emulator failed on %s %s", http.method, path)
            self.errors.append(f"{http.method} {path}: {error!r}")
            response = json_response({"message": f"emulator error: {error!r}", "code": 0}, 400)
        request.status = response.status
        self.notify()
        return response

    def _refuse_token(self, http: web.Request) -> web.Response | None:
        # interaction callbacks and webhooks are authorised by their token in the path, not the header
        tail = http.match_info["tail"]
        if self.token is None or tail.startswith(("interactions/", "webhooks/")):
            return None
        if http.headers.get("Authorization") == f"Bot {self.token}":
            return None
        return json_response({"message": "401: Unauthorized", "code": 0}, 401)

    def _refuse_invalid(self, request: Request) -> web.Response | None:
        if not self.strict or request.route is None:
            return None
        problems = limit_problems(request.method, request.route, request.body)
        if not problems:
            return None
        log.warning("emulator refused %s %s: %s", request.method, request.path, problems)
        return json_response({"message": "Invalid Form Body", "code": 50035, "errors": {"_errors": problems}}, 400)

    def _current_user(self, request: Request) -> web.Response:
        return json_response({**self.bot.user(), "verified": True, "mfa_enabled": False, "locale": "en-US"})

    def _application(self, request: Request) -> web.Response:
        return json_response(
            {
                "id": str(self.application_id),
                "name": self.bot.name,
                "icon": None,
                "description": "Emulated application",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": self.user.user(),
                "verify_key": secrets.token_hex(32),
                "team": None,
                "flags": 0,
                "summary": "",
                "rpc_origins": [],
                "interactions_endpoint_url": None,
                "bot": self.bot.user(),
            }
        )

    def _gateway(self, request: Request) -> web.Response:
        return json_response(
            {
                "url": self.gateway_url,
                "shards": self.recommended_shards,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            }
        )

    def _list_commands(self, request: Request) -> web.Response:
        guild = request.params.get("guild_id")
        return json_response(self.commands.get(int(guild) if guild else None, []))

    def _sync_commands(self, request: Request) -> web.Response:
        guild = request.params.get("guild_id")
        synced = [
            {
                **command,
                "id": str(snowflake()),
                "application_id": str(self.application_id),
                "version": str(snowflake()),
                "type": command.get("type", 1),
                "description": command.get("description", ""),  # "" for a context-menu entry, as Discord says
                "default_member_permissions": command.get("default_member_permissions"),
                "nsfw": command.get("nsfw", False),
                "options": command.get("options") or [],
                **({"guild_id": guild} if guild else {}),
            }
            for command in request.body or []
        ]
        self.commands[int(guild) if guild else None] = synced
        return json_response(synced)

    def _callback(self, request: Request) -> web.Response:
        return json_response(interactions.callback_response(self, request))

    def _followup(self, request: Request) -> web.Response:
        exchange = self.exchanges.get(request.params["webhook_token"])
        original = self.messages.get(exchange.original_message_id) if exchange else None
        if original is not None and original["flags"] & interactions.LOADING:
            # Discord turns the "thinking…" message into the first follow-up; the deferral set ephemerality
            ephemeral = original["flags"] & interactions.EPHEMERAL
            stored = payloads.edit(original, {**(request.body or {}), "flags": ephemeral}, request.files)
        else:
            stored = self._store_message(request.body, exchange, request.files)
        if exchange is not None:
            exchange.record(Answer("followup", request.body, int(stored["id"])))
        return json_response(stored)

    def _webhook_message(self, request: Request) -> tuple[Exchange | None, dict[str, Any] | None]:
        exchange = self.exchanges.get(request.params["webhook_token"])
        wanted = request.params.get("message_id")
        message_id = int(wanted) if wanted else exchange.original_message_id if exchange else None
        return exchange, self.messages.get(message_id) if message_id else None

    def _get_webhook_message(self, request: Request) -> web.Response:
        _, stored = self._webhook_message(request)
        return json_response(stored) if stored else unknown_message()

    def _edit_webhook_message(self, request: Request) -> web.Response:
        exchange, stored = self._webhook_message(request)
        if stored is None:
            return unknown_message()
        payloads.edit(stored, request.body or {})
        if exchange is not None:
            exchange.record(Answer("edit", request.body or {}, int(stored["id"])))
        return json_response(stored)

    def _delete_webhook_message(self, request: Request) -> web.Response:
        exchange, stored = self._webhook_message(request)
        if stored is None:
            return unknown_message()
        del self.messages[int(stored["id"])]
        if exchange is not None:
            exchange.record(Answer("delete", {}, int(stored["id"])))
        return web.Response(status=204)

    def _create_message(self, request: Request) -> web.Response:
        return json_response(self._store_message(request.body, None))

    def _edit_message(self, request: Request) -> web.Response:
        stored = self.messages.get(int(request.params["message_id"]))
        return json_response(payloads.edit(stored, request.body or {})) if stored else unknown_message()

    def _store_message(
        self, body: dict[str, Any] | None, exchange: Exchange | None, files: dict[str, bytes] | None = None
    ) -> dict[str, Any]:
        metadata, channel_id, guild_id = None, self.channel_id, self.guild_id
        if exchange is not None:
            metadata = {
                "id": str(exchange.id),
                "type": exchange.payload["type"],
                "user": exchange.payload["member"]["user"],
            }
            channel_id, guild_id = int(exchange.payload["channel_id"]), int(exchange.payload["guild_id"])
        stored = payloads.message(
            snowflake(), channel_id, guild_id, self.bot, body or {}, self.application_id, metadata, files
        )
        self.messages[int(stored["id"])] = stored
        return stored
