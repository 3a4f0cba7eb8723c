"""The one error handler: what a user is told for each kind of app-command error, and what is a bug of ours."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.core.replies.reply import UserError
from bot.glue.tree import user_message


def invoke_error(cause: BaseException) -> app_commands.CommandInvokeError:
    command = app_commands.Command(name="x", description="x", callback=_callback)
    error = app_commands.CommandInvokeError(command, cause)
    error.__cause__ = cause
    return error


async def _callback(interaction: discord.Interaction) -> None:  # a command needs a callback
    return None


def test_a_user_error_is_shown_as_it_is_even_when_discord_wraps_it() -> None:
    assert user_message(UserError("No article matches “x”.")) == "No article matches “x”."
    assert user_message(invoke_error(UserError("Try a year."))) == "Try a year."


def test_cooldowns_and_refused_checks_get_short_answers() -> None:
    cooldown = app_commands.CommandOnCooldown(app_commands.Cooldown(1, 30.0), retry_after=12.4)
    assert user_message(cooldown) == "Slow down a little: try again in 12 s."
    assert "not permitted" in user_message(app_commands.MissingPermissions(["manage_guild"]))
    assert "not permitted" in user_message(app_commands.CheckFailure())


def test_anything_else_is_a_bug_of_ours_and_gets_no_message_of_its_own() -> None:
    assert user_message(RuntimeError("boom")) is None
    assert user_message(invoke_error(KeyError("article"))) is None
