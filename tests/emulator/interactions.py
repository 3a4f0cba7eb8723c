"""Sending INTERACTION_CREATE (commands, autocomplete, button presses) and answering interaction callbacks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import payloads
from .exchange import Answer, Exchange
from .payloads import Person

if TYPE_CHECKING:
    from .server import DiscordEmulator, Request

APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 2, 3, 4
EPHEMERAL, LOADING = 64, 128


class DiscordError(Exception):
    """An error Discord itself would answer, with its HTTP status and JSON error code."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


def find_command(emulator: DiscordEmulator, name: str, guild_id: int | None = None, kind: int = 1) -> dict[str, Any]:
    """A synced top-level command by name (kind 1: slash, 3: message menu): the guild's set first, then the
    global one."""
    for scope in (guild_id or emulator.guild_id, None):
        for command in emulator.commands.get(scope, []):
            if command["name"] == name and command.get("type", 1) == kind:
                return command
    synced = {scope: [c["name"] for c in cmds] for scope, cmds in emulator.commands.items()}
    raise KeyError(f"the bot has not synced a /{name} command (synced: {synced})")


async def send_command(
    emulator: DiscordEmulator,
    command: str,
    options: dict[str, Any] | None,
    user: Person | None,
    focused: str | None,
    guild_id: int | None = None,
    channel_id: int | None = None,
) -> Exchange:
    """Dispatch a slash command (or, with `focused`, an autocomplete request) typed as 'article search',
    in the emulator's first guild and channel unless others are given."""
    guild_id, channel_id = where(emulator, guild_id, channel_id)
    top, *path = command.strip().lstrip("/").split()
    definition = find_command(emulator, top, guild_id)
    data: dict[str, Any] = {
        "id": definition["id"],
        "name": top,
        "type": 1,
        "options": payloads.command_options(definition, path, dict(options or {}), focused),
    }
    if definition.get("guild_id"):
        data["guild_id"] = definition["guild_id"]
    objects = [value for value in (options or {}).values() if isinstance(value, dict)]
    uploads = {a["id"]: a for a in objects if "filename" in a}
    channels = {c["id"]: c for c in objects if "filename" not in c and "type" in c}
    if uploads or channels:  # attachment and channel options travel by id, their objects as resolved data
        data["resolved"] = {"attachments": uploads} if uploads else {}
        if channels:
            data["resolved"]["channels"] = channels
    kind = AUTOCOMPLETE if focused else APPLICATION_COMMAND
    return await _dispatch(
        emulator,
        payloads.interaction(
            kind,
            data,
            application_id=emulator.application_id,
            guild_id=guild_id,
            channel_id=channel_id,
            user=user or emulator.user,
        ),
    )


async def send_message_menu(emulator: DiscordEmulator, name: str, message_id: int, user: Person | None) -> Exchange:
    """Dispatch a message context-menu command (type 2, data type 3) on a message in the emulator's channel."""
    target = emulator.messages[message_id]
    guild_id, channel_id = int(target["guild_id"]), int(target["channel_id"])
    definition = find_command(emulator, name, guild_id, kind=3)
    data: dict[str, Any] = {
        "id": definition["id"],
        "name": name,
        "type": 3,
        "target_id": str(message_id),
        "resolved": {"messages": {str(message_id): target}},
    }
    if definition.get("guild_id"):
        data["guild_id"] = definition["guild_id"]
    payload = payloads.interaction(
        APPLICATION_COMMAND,
        data,
        application_id=emulator.application_id,
        guild_id=guild_id,
        channel_id=channel_id,
        user=user or emulator.user,
    )
    return await _dispatch(emulator, payload)


async def press_button(
    emulator: DiscordEmulator, message_id: int, custom_id: str, user: Person | None, component_type: int = 2
) -> Exchange:
    """Dispatch a press of the component `custom_id` on a message the bot sent."""
    stored = emulator.messages.get(message_id)
    if stored is None:
        raise KeyError(f"no message {message_id} in the emulator")
    ids = [c.get("custom_id") for row in stored.get("components", []) for c in row.get("components", [])]
    if custom_id not in ids:
        raise KeyError(f"message {message_id} has no component {custom_id!r}; it has {ids}")
    exchange = await _dispatch(
        emulator,
        payloads.interaction(
            MESSAGE_COMPONENT,
            {"custom_id": custom_id, "component_type": component_type},
            application_id=emulator.application_id,
            guild_id=int(stored.get("guild_id") or emulator.guild_id),
            channel_id=int(stored["channel_id"]),
            user=user or emulator.user,
            message=stored,
        ),
        original=message_id,
    )
    return exchange


def where(emulator: DiscordEmulator, guild_id: int | None, channel_id: int | None) -> tuple[int, int]:
    """(guild, channel) of an interaction: a guild's first channel when only the guild is given."""
    guild_id = guild_id or emulator.guild_id
    if guild_id not in emulator.guilds:
        raise KeyError(f"the emulator has no guild {guild_id}; add it with add_guild()")
    channels = emulator.guilds[guild_id]
    channel_id = channel_id or channels[0]
    if channel_id not in channels:
        raise KeyError(f"guild {guild_id} has no channel {channel_id}; it has {channels}")
    return guild_id, channel_id


async def _dispatch(emulator: DiscordEmulator, payload: dict[str, Any], original: int | None = None) -> Exchange:
    exchange = Exchange(payload, original_message_id=original)
    emulator.exchanges[exchange.token] = exchange
    await emulator.gateway.dispatch("INTERACTION_CREATE", payload)
    return exchange


def callback_response(emulator: DiscordEmulator, request: Request) -> dict[str, Any]:
    """Apply an interaction callback and answer it as Discord does with `?with_response=1`."""
    exchange = emulator.exchanges.get(request.params["interaction_token"])
    if exchange is None or str(exchange.id) != request.params["interaction_id"]:
        raise DiscordError(404, 10062, "Unknown interaction")
    if exchange.callback is not None:
        raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
    body = request.body or {}
    kind, data = body.get("type"), body.get("data") or {}
    stored = None
    if kind == 4:
        stored = emulator._store_message(data, exchange, request.files)
        exchange.original_message_id = int(stored["id"])
    elif kind == 5:
        flags = LOADING | (data.get("flags", 0) & EPHEMERAL)
        stored = emulator._store_message({"flags": flags}, exchange)
        exchange.original_message_id = int(stored["id"])
    elif kind in (6, 7) and exchange.original_message_id in emulator.messages:
        stored = emulator.messages[exchange.original_message_id]
        if kind == 7:
            payloads.edit(stored, data)
    exchange.record(Answer("callback", body, int(stored["id"]) if stored else None))
    answer: dict[str, Any] = {
        "interaction": {
            "id": str(exchange.id),
            "type": exchange.payload["type"],
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool((stored or {}).get("flags", 0) & EPHEMERAL),
        }
    }
    if stored is not None:
        answer["interaction"]["response_message_id"] = stored["id"]
        answer["resource"] = {"type": kind, "message": stored}
    elif kind is not None and kind != 8:
        answer["resource"] = {"type": kind}
    return answer
