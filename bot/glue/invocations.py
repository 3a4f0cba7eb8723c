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
    """The invocation, with `can_manage` checked only for commands that need it (Manage Server or owner)."""
    can_manage = False
    if command.manage_only:
        # default_member_permissions only hides a command, and a server can override it: check again here.
        can_manage = bool(interaction.permissions.manage_guild) or await interaction.client.is_owner(interaction.user)
    return Invocation(
        command=command.name,
        options={k: v for k, v in options.items() if v is not None},
        guild_id=interaction.guild_id,
        channel_id=interaction.channel_id or 0,
        can_manage=can_manage,
        upload=upload,
        user_id=interaction.user.id,
    )
