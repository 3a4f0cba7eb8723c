"""The bot's slash commands, one cog per area; each only parses options and calls the App."""

EXTENSIONS = ("bot.glue.cogs.articles", "bot.glue.cogs.quotes", "bot.glue.cogs.timeline", "bot.glue.cogs.help",
              "bot.glue.cogs.corpus")
