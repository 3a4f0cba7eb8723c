"""/corpus status (anyone) and /corpus reload (Manage Server or the bot's owner)."""

from __future__ import annotations

from discord import Interaction, app_commands
from discord.ext import commands

from bot.glue.render import respond


class CorpusAdmin(commands.GroupCog, group_name="corpus", group_description="The article archive itself"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="status", description="Articles, quotes and events loaded, and any warnings")
    async def status(self, interaction: Interaction) -> None:
        await respond(interaction, "corpus status")

    @app_commands.command(name="reload", description="Re-read the article folder without a restart")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.cooldown(1, 30.0, key=lambda interaction: interaction.guild_id)
    async def reload(self, interaction: Interaction) -> None:
        # default_permissions only hides the command; a server can override it, so check again here.
        allowed = bool(interaction.permissions.manage_guild) or await self.bot.is_owner(interaction.user)
        await respond(interaction, "corpus reload", _can_manage=allowed)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(CorpusAdmin(bot))
