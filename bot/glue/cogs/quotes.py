"""/quote random."""

from __future__ import annotations

from discord import Interaction, app_commands
from discord.ext import commands

from bot.glue.render import autocompleter, expensive, respond


class Quotes(commands.GroupCog, group_name="quote", group_description="Quotations from the articles"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="random", description="A real quotation with who said it and where")
    @app_commands.describe(speaker="Only quotations by this person or body", article="Only from this article",
                           topic="A word or phrase the quotation must be about")
    @expensive
    @app_commands.autocomplete(speaker=autocompleter("quote random", "speaker"),
                               article=autocompleter("quote random", "article"))
    async def random(self, interaction: Interaction, speaker: str | None = None, article: str | None = None,
                     topic: str | None = None) -> None:
        await respond(interaction, "quote random", speaker=speaker, article=article, topic=topic)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Quotes(bot))
