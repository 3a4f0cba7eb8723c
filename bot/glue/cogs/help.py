"""/help."""

from __future__ import annotations

from discord import Interaction, app_commands
from discord.ext import commands

from bot.glue.render import respond


class Help(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What this bot can do, with examples")
    async def help(self, interaction: Interaction) -> None:
        await respond(interaction, "help")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Help(bot))
