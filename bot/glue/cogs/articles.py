"""/article search and /article show."""

from __future__ import annotations

from discord import Interaction, app_commands
from discord.ext import commands

from bot.glue.render import autocompleter, expensive, respond


class Articles(commands.GroupCog, group_name="article", group_description="Find and read articles"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="search", description="Find the articles that best answer a question")
    @app_commands.describe(
        query="Words to look for; typos are fine",
        start="Published on or after (e.g. 2022, Sep 2022, 2022-09-05)",
        end="Published on or before",
        publication="Only articles from this publication",
    )
    @expensive
    @app_commands.autocomplete(query=autocompleter("article search", "query"),
                               publication=autocompleter("article search", "publication"))
    async def search(self, interaction: Interaction, query: app_commands.Range[str, 1, 200],
                     start: str | None = None, end: str | None = None, publication: str | None = None) -> None:
        await respond(interaction, "article search", query=query, start=start, end=end, publication=publication)

    @app_commands.command(name="show", description="One article: summary, quotes and dated events")
    @app_commands.describe(article="Headline or id of the article")
    @app_commands.autocomplete(article=autocompleter("article show", "article"))
    async def show(self, interaction: Interaction, article: app_commands.Range[str, 1, 200]) -> None:
        await respond(interaction, "article show", article=article)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Articles(bot))
