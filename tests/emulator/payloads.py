"""JSON objects shaped the way Discord sends them: users, a guild, messages and interactions."""

from __future__ import annotations

import datetime as dt
import itertools
import secrets
import time
from dataclasses import dataclass
from typing import Any

DISCORD_EPOCH_MS = 1420070400000
ALL_PERMISSIONS = str((1 << 50) - 1)
_increment = itertools.count()


def snowflake() -> int:
    """A fresh id with the current time in it, as discord.py derives `created_at` from ids."""
    return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(_increment) % 4096)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


@dataclass(frozen=True)
class Person:
    """A Discord account the emulator knows: the bot itself or someone who types commands."""

    id: int
    name: str
    bot: bool = False
    permissions: str = ALL_PERMISSIONS  # their permissions in the channel, as interactions carry them

    def user(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
        }

    def member(self) -> dict[str, Any]:
        return {
            "user": self.user(),
            "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "permissions": self.permissions,
        }


def channel(channel_id: int, guild_id: int) -> dict[str, Any]:
    return {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(guild_id),
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "parent_id": None,
        "flags": 0,
    }


def guild(guild_id: int, channel_ids: int | list[int], bot: Person, owner: Person) -> dict[str, Any]:
    """A GUILD_CREATE payload: its text channels, the @everyone role, the bot as a member."""
    channel_ids = [channel_ids] if isinstance(channel_ids, int) else channel_ids
    everyone = {
        "id": str(guild_id),
        "name": "@everyone",
        "permissions": ALL_PERMISSIONS,
        "position": 0,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }
    return {
        "id": str(guild_id),
        "name": "Emulated server",
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "owner_id": str(owner.id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": [everyone],
        "emojis": [],
        "stickers": [],
        "features": [],
        "mfa_level": 0,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "vanity_url_code": None,
        "description": None,
        "banner": None,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": None,
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
        "joined_at": now_iso(),
        "large": False,
        "unavailable": False,
        "member_count": 3,
        "members": [bot.member()],
        "channels": [
            {**channel(c, guild_id), "position": n, "name": f"channel-{n}" if n else "general"}
            for n, c in enumerate(channel_ids)
        ],
        "threads": [],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def message(
    message_id: int,
    channel_id: int,
    guild_id: int | None,
    author: Person,
    body: dict[str, Any],
    application_id: int,
    interaction: dict[str, Any] | None = None,
    files: dict[str, bytes] | None = None,
) -> dict[str, Any]:
    """The message Discord would store for a create request body (and the files uploaded with it)."""
    stored = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author.user(),
        "content": body.get("content") or "",
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts")),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments(files or {}),
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "pinned": False,
        "type": 20 if interaction else 0,
        "flags": body.get("flags") or 0,
        "application_id": str(application_id),
        "webhook_id": str(application_id) if interaction else None,
    }
    if guild_id is not None:
        stored["guild_id"] = str(guild_id)
    if interaction:
        stored["interaction_metadata"] = interaction
    return stored


def edit(stored: dict[str, Any], body: dict[str, Any], files: dict[str, bytes] | None = None) -> dict[str, Any]:
    """Apply an edit body to a stored message: only the keys present change; files uploaded are added."""
    previous = stored.get("attachments") or []
    for key in ("content", "embeds", "components", "flags"):
        if key in body:
            empty: Any = "" if key == "content" else 0 if key == "flags" else []
            stored[key] = body[key] if body[key] is not None else empty
    if "attachments" in body:  # an edit keeps the attachments it names by id
        kept = {str(a.get("id")) for a in body["attachments"] or []}
        stored["attachments"] = [a for a in previous if a["id"] in kept]
    if files:
        stored["attachments"] = (stored.get("attachments") or []) + attachments(files)
    stored["edited_timestamp"] = now_iso()
    return stored


def interaction(
    kind: int,
    data: dict[str, Any],
    *,
    application_id: int,
    guild_id: int,
    channel_id: int,
    user: Person,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload of type 2 (command), 3 (component) or 4 (autocomplete)."""
    payload = {
        "id": str(snowflake()),
        "application_id": str(application_id),
        "type": kind,
        "data": data,
        "token": "tok_" + secrets.token_urlsafe(24),
        "version": 1,
        "guild_id": str(guild_id),
        "guild": {"id": str(guild_id), "locale": "en-US", "features": []},
        "channel_id": str(channel_id),
        "channel": channel(channel_id, guild_id),
        "member": user.member(),
        "app_permissions": ALL_PERMISSIONS,
        "locale": "en-GB",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild_id)},
        "context": 0,
        "attachment_size_limit": 8 * 1024 * 1024,
    }
    if message is not None:
        payload["message"] = message
    return payload


# 7 (a channel) and 11 (an attachment) travel by id; their objects go in the interaction's resolved data
OPTION_TYPES = {
    3: str,
    4: int,
    5: bool,
    7: lambda channel: channel["id"],
    10: float,
    11: lambda attachment: attachment["id"],
}


def command_options(
    definition: dict[str, Any], path: list[str], values: dict[str, Any], focused: str | None
) -> list[dict[str, Any]]:
    """The `options` list of an interaction for `path` (subcommand names) and the given option values.

    Types come from the synced definition, so a test cannot send an option the bot never declared.
    """
    options = definition.get("options") or []
    if path:
        sub = next((o for o in options if o["name"] == path[0] and o["type"] in (1, 2)), None)
        if sub is None:
            raise KeyError(f"/{definition['name']} has no subcommand {path[0]!r}")
        return [{"type": sub["type"], "name": sub["name"], "options": command_options(sub, path[1:], values, focused)}]
    declared = {o["name"]: o for o in options}
    built = []
    for name, value in values.items():
        if name not in declared:
            raise KeyError(f"/{definition['name']} has no option {name!r}; declared: {sorted(declared)}")
        kind = declared[name]["type"]
        option = {"type": kind, "name": name}
        if name == focused:  # Discord sends what the user has typed so far, always as a string
            option.update(value=str(value), focused=True)
        else:
            option["value"] = OPTION_TYPES.get(kind, str)(value)
        built.append(option)
    return built


def attachments(files: dict[str, bytes]) -> list[dict[str, Any]]:
    """Attachment objects for uploaded files, as Discord returns them (the bytes stay in the request)."""
    made = []
    for filename, data in files.items():
        attachment_id = snowflake()
        url = f"https://cdn.discordapp.com/attachments/0/{attachment_id}/{filename}"
        made.append({"id": str(attachment_id), "filename": filename, "size": len(data), "url": url, "proxy_url": url})
    return made
