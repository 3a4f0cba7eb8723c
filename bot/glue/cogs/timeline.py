"""/timeline."""

from __future__ import annotations

from discord import Interaction, app_commands
from discord.ext import commands

from bot.glue.render import autocompleter, expensive, respond


class Timeline(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="timeline", description="The dated events the articles mention, in order")
    @app_commands.describe(
        date="A day, month, season or year (e.g. 2022, Sep 2022, spring 2024, 2022-09-05)",
        start="From this date", end="Up to this date", query="Only events about these words",
        article="Only events from this article",
    )
    @expensive
    @app_commands.autocomplete(article=autocompleter("timeline", "article"))
    async def timeline(self, interaction: Interaction, date: str | None = None, start: str | None = None,
                       end: str | None = None, query: str | None = None, article: str | None = None) -> None:
        await respond(interaction, "timeline", date=date, start=start, end=end, query=query, article=article)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Timeline(bot))
