"""An interaction read as an Invocation of a command in the table, with the invoker's authority."""

from __future__ import annotations

import discord

from bot.invocation import Command, Invocation


async def invocation_for(
    interaction: discord.Interaction,
    command: Command,
    options: dict[str, str | None],
    upload: tuple[str, bytes] | None = None,
) -> Invocation:
    """The invocation, with the invoker's authority (Manage Server here, the bot's owner) checked only for the
    commands that need it."""
    can_manage = is_owner = False
    if command.manage_only or command.archive_admin:
        # default_member_permissions only hides a command, and a server can override it: check again here.
        can_manage = bool(interaction.permissions.manage_guild)
        is_owner = await interaction.client.is_owner(interaction.user)
    return Invocation(
        command=command.name,
        options={k: v for k, v in options.items() if v is not None},
        guild_id=interaction.guild_id,
        channel_id=interaction.channel_id or 0,
        can_manage=can_manage,
        is_owner=is_owner,
        upload=upload,
        user_id=interaction.user.id,
    )
