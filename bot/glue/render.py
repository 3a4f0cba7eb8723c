"""Core replies as discord.py objects: embeds from the one payload renderer, safe mentions, replies sent."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.app import Invocation
from bot.core.replies import Reply, message_payload

if TYPE_CHECKING:
    from bot.glue.client import ArchiveBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
DEFER_AFTER_SECONDS = 2.0  # Discord fails an interaction not answered within 3 s


def embed_for(reply: Reply, page: int = 0) -> discord.Embed:
    return discord.Embed.from_dict(message_payload(reply, page)["embeds"][0])


def invocation_for(interaction: discord.Interaction, command: str, _can_manage: bool = False,
                   **options: str | None) -> Invocation:
    return Invocation(
        command=command,
        options={k: v for k, v in options.items() if v is not None},
        user_id=interaction.user.id,
        guild_id=interaction.guild_id,
        channel_id=interaction.channel_id or 0,
        can_manage=_can_manage,
    )


async def respond(interaction: discord.Interaction, command: str, _can_manage: bool = False,
                  **options: str | None) -> None:
    """Answer a slash command: defer if the answer is slow, then show the reply with its buttons."""
    client: ArchiveBot = interaction.client  # type: ignore[assignment]
    with client.app.busy():  # the whole exchange counts as in flight, so shutdown waits for the send too
        task = asyncio.ensure_future(client.app.answer(invocation_for(interaction, command, _can_manage, **options)))
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER_SECONDS)
        if not done:
            await interaction.response.defer(thinking=True)
        await show(interaction, await task, command)


async def show(interaction: discord.Interaction, reply: Reply, command: str) -> None:
    """Send a reply as the interaction's answer (or follow-up, once deferred), with its buttons."""
    from bot.glue.pages import ReplyView

    view = ReplyView.for_reply(reply, interaction.user.id, command)
    kwargs = {"embed": embed_for(reply), "allowed_mentions": NO_MENTIONS}
    if view is not None:
        kwargs["view"] = view
    if not interaction.response.is_done():
        sent = await interaction.response.send_message(ephemeral=reply.ephemeral, **kwargs)
        message = sent.resource if isinstance(sent.resource, discord.InteractionMessage) else None
    else:
        if reply.ephemeral:
            # Discord ignores `ephemeral` on the follow-up that replaces a public "thinking…" message:
            # remove that message so a private notice stays private.
            await interaction.delete_original_response()
        message = await interaction.followup.send(ephemeral=reply.ephemeral, wait=True, **kwargs)
    if view is not None:
        view.message = message


def user_cooldown(interaction: discord.Interaction) -> app_commands.Cooldown | None:
    """Per-user cooldown on expensive commands, from the settings (0 uses turns it off)."""
    settings = interaction.client.settings  # type: ignore[attr-defined]
    if settings.cooldown_uses <= 0:
        return None
    return app_commands.Cooldown(settings.cooldown_uses, settings.cooldown_seconds)


expensive = app_commands.checks.dynamic_cooldown(user_cooldown, key=lambda interaction: interaction.user.id)


def choices(pairs: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=name, value=value) for name, value in pairs]


def autocompleter(command: str, option: str):
    """An autocomplete callback for one option; it never raises (Discord shows nothing on failure)."""

    async def complete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        client: ArchiveBot = interaction.client  # type: ignore[assignment]
        try:
            return choices(client.app.autocomplete(command, option, current or ""))
        except Exception:
            log.exception("autocomplete failed for /%s %s", command, option)
            return []

    return complete
