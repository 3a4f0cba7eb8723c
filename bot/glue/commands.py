"""The command table as discord.py app commands: options, autocomplete, cooldowns, permissions, answering."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands

from bot.app import App
from bot.archive.files import too_large
from bot.commands import GROUPS
from bot.core.replies.limits import ATTACHMENT_BYTES
from bot.core.replies.reply import UserError
from bot.core.text import size_label
from bot.glue.invocations import invocation_for
from bot.glue.replies import show
from bot.invocation import Command, Option

log = logging.getLogger(__name__)

DEFER_AFTER_SECONDS = 2.0  # Discord fails an interaction not answered within 3 s


def _app(interaction: discord.Interaction) -> App:
    """The App the bot answering this interaction serves (bot.glue.client.ArchiveMixin.app)."""
    return interaction.client.app  # type: ignore[attr-defined]


async def respond(
    interaction: discord.Interaction,
    command: Command,
    options: dict[str, str | None],
    attachment: discord.Attachment | None = None,
) -> None:
    """Answer a slash command: defer if the answer is slow, then show the reply with its buttons."""
    app = _app(interaction)
    with app.busy():  # the whole exchange counts as in flight, so shutdown waits for the send too
        upload = await _read(interaction, attachment) if attachment is not None else None
        invocation = await invocation_for(interaction, command, options, upload)
        task = asyncio.ensure_future(app.answer(invocation))
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER_SECONDS)
        if not done and not interaction.response.is_done():
            await interaction.response.defer(thinking=True)
        await show(interaction, await task, command.name)


async def _read(interaction: discord.Interaction, attachment: discord.Attachment) -> tuple[str, bytes]:
    """An uploaded file's name and bytes, refused before reading when it is larger than an article can be
    (BOT_MAX_ARTICLE_BYTES) or than Discord lets anyone upload there (nothing that size is a real upload)."""
    name = f"“{attachment.filename[:100]}”"
    discord_limit = getattr(interaction, "filesize_limit", None) or ATTACHMENT_BYTES
    if attachment.size > discord_limit:
        raise UserError(
            f"I can't add {name}: {size_label(attachment.size)} is more than Discord's upload limit"
            f" here ({size_label(discord_limit)})."
        )
    if problem := too_large(attachment.size, _app(interaction).max_article_bytes):
        raise UserError(f"I can't add {name}: {problem}.")
    await interaction.response.defer(ephemeral=True, thinking=True)  # a download can take longer than 3 s
    interaction.extras["deferred_privately"] = True  # the answer that replaces "thinking…" stays private
    return attachment.filename, await attachment.read()


def user_cooldown(interaction: discord.Interaction) -> app_commands.Cooldown | None:
    """Per-user cooldown from the settings (0 uses turns it off)."""
    settings = interaction.client.settings  # type: ignore[attr-defined]
    if settings.cooldown_uses <= 0:
        return None
    return app_commands.Cooldown(settings.cooldown_uses, settings.cooldown_seconds)


# One check for every command with `user_cooldown`: they share one budget per user.
shared_user_cooldown = app_commands.checks.dynamic_cooldown(user_cooldown, key=lambda interaction: interaction.user.id)


def autocompleter(command: Command, option: Option):
    """An autocomplete callback for one option; it never raises (Discord shows nothing on failure)."""

    async def complete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            pairs = _app(interaction).autocomplete(command.name, option.name, current or "")
        except Exception:
            log.exception("autocomplete failed for /%s %s", command.name, option.name)
            return []
        return [app_commands.Choice(name=name, value=value) for name, value in pairs]

    return complete


class PostableChannel(app_commands.Transformer):
    """A channel the bot can post a message in (text or announcement), as Discord resolved it: no cache needed."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return [discord.ChannelType.text, discord.ChannelType.news]

    async def transform(self, interaction: discord.Interaction, value: Any) -> Any:
        return value


def _typed(value: Any) -> str | None:
    """An option's value as the App reads it: text, "true"/"false", a file's name, a channel's id."""
    if isinstance(value, discord.Attachment):
        return value.filename
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, app_commands.AppCommandChannel | app_commands.AppCommandThread):
        return str(value.id)
    return value


def _parameter(option: Option) -> inspect.Parameter:
    annotation: Any = app_commands.Range[str, 1, option.max_length] if option.max_length else str
    if option.kind == "flag":
        annotation = bool
    elif option.kind == "file":
        annotation = discord.Attachment
    elif option.kind == "channel":
        annotation = app_commands.Transform[app_commands.AppCommandChannel, PostableChannel]
    if option.required:
        return inspect.Parameter(option.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=annotation)
    return inspect.Parameter(
        option.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=annotation | None
    )


def app_command(command: Command, parent: app_commands.Group | None = None) -> app_commands.Command:
    """One table entry as a discord.py command; its callback's signature is made from the entry's options."""

    async def callback(interaction: discord.Interaction, **options: Any) -> None:
        files = [value for value in options.values() if isinstance(value, discord.Attachment)]
        typed = {name: _typed(value) for name, value in options.items()}
        await respond(interaction, command, typed, files[0] if files else None)

    ordered = sorted(command.options, key=lambda o: not o.required)  # Discord lists required options first
    callback.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction)]
        + [_parameter(option) for option in ordered]
    )
    if command.options:
        app_commands.describe(**{o.name: o.description for o in command.options})(callback)
    completing = {o.name: autocompleter(command, o) for o in command.options if o.complete}
    if completing:
        app_commands.autocomplete(**completing)(callback)
    if command.user_cooldown:
        shared_user_cooldown(callback)
    if command.guild_cooldown_seconds:
        app_commands.checks.cooldown(1, command.guild_cooldown_seconds, key=lambda interaction: interaction.guild_id)(
            callback
        )
    if command.manage_only or command.archive_admin:
        # Hides the command from members without Manage Server; the App checks again when it runs.
        app_commands.default_permissions(manage_guild=True)(callback)
    return app_commands.Command(
        name=command.name.split()[-1], description=command.description, callback=callback, parent=parent
    )


def message_text(message: discord.Message) -> str:
    """What a message says: its text, and its embeds' titles and descriptions."""
    parts = [message.content or ""]
    parts += [part for embed in message.embeds for part in (embed.title, embed.description) if part]
    return "\n".join(parts)


def context_menu(command: Command) -> app_commands.ContextMenu:
    """A table entry with a `menu` as a message context-menu entry: the message's text is its one option."""

    async def callback(interaction: discord.Interaction, message: discord.Message) -> None:
        await respond(interaction, command, {command.options[0].name: message_text(message)})

    if command.user_cooldown:
        shared_user_cooldown(callback)
    return app_commands.ContextMenu(name=command.menu, callback=callback)


def app_commands_from(
    table: Iterable[Command],
) -> list[app_commands.Command | app_commands.Group | app_commands.ContextMenu]:
    """Top-level commands, groups (`/article …`, `/corpus feed …`) and message menus for the table, in its order.
    A top-level group whose commands all need a server is offered in servers only; one whose commands are all
    for Manage Server is shown only to those members (Discord applies both to top-level commands alone; the
    App still checks each command when it runs)."""
    table = [command for command in table if not command.internal]  # run by a reply's buttons only
    top: dict[str, app_commands.Command | app_commands.Group | app_commands.ContextMenu] = {}
    groups: dict[str, app_commands.Group] = {}

    def group_for(name: str) -> app_commands.Group:
        """The group `name` ('corpus', or 'corpus feed' inside 'corpus'), made when first needed."""
        if name not in groups:
            parent_name, _, own = name.rpartition(" ")
            parent = group_for(parent_name) if parent_name else None
            members = [c for c in table if c.name.startswith(name + " ")]
            flags: dict[str, Any] = {}
            if parent is None and all(c.server_only for c in members):
                flags["guild_only"] = True
            if parent is None and all(c.manage_only for c in members):
                flags["default_permissions"] = discord.Permissions(manage_guild=True)
            groups[name] = app_commands.Group(name=own, description=GROUPS[name], parent=parent, **flags)
            if parent is None:
                top[name] = groups[name]
        return groups[name]

    for command in table:
        if command.menu:
            top[command.menu] = context_menu(command)
            continue
        group_name, _, sub = command.name.rpartition(" ")
        if not group_name:
            top[command.name] = app_command(command)
            continue
        group = group_for(group_name)
        group.add_command(app_command(command, parent=group))
    return list(top.values())
