"""One error handler for every app command (after Red's RedTree.on_error): short ephemeral replies."""

from __future__ import annotations

import logging

import aiohttp
import discord
from discord import app_commands

from bot.core.replies.reply import UserError

log = logging.getLogger(__name__)

GENERIC_APOLOGY = "Sorry, something went wrong on my side while answering. It has been logged; please try again."


def user_message(error: BaseException) -> str | None:
    """What to tell the user about an error they can act on; None for a bug of ours."""
    if isinstance(error, app_commands.CommandInvokeError | app_commands.TransformerError):
        inner = error.__cause__ or getattr(error, "original", None)
        if isinstance(inner, UserError):
            return str(inner)
    if isinstance(error, UserError):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.MissingPermissions | app_commands.CheckFailure):
        return "You are not permitted to use this command here."
    if isinstance(error, app_commands.TransformerError):
        return f"I couldn't read “{str(error.value)[:100]}” for that option."
    return None


async def apologise(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user, ephemerally, by reply or follow-up depending on whether we already answered."""
    message = user_message(error)
    if message is None:
        command = interaction.command.qualified_name if interaction.command else "component"
        log.error("unexpected error in %s", command, exc_info=error)
        message = GENERIC_APOLOGY
    try:
        if interaction.response.is_done():
            if interaction.response.type == discord.InteractionResponseType.deferred_channel_message:
                # a public "thinking…" would turn the follow-up public: remove it so the apology stays private
                await interaction.delete_original_response()
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        else:
            await interaction.response.send_message(
                message, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
    except (discord.HTTPException, aiohttp.ClientError, RuntimeError):
        # Discord refused, the network failed, or the HTTP session closed during shutdown: nothing more to say.
        log.warning("could not deliver an error message for interaction %s", interaction.id)


class ArchiveTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await apologise(interaction, error)
