"""Answer for /help: what the bot can do, with examples."""

from __future__ import annotations

from bot.core.replies import Field, Page, Reply

EXAMPLES = [
    ("/article search", "Find the articles that answer a question; typos and spellings like Kiev are fine.",
     "`/article search query: kharkiv counter-offensive`\n`/article search query: missiles start: 2024`"),
    ("/article show", "One article: summary, quotes and dated events.",
     "`/article show article: Ukraine’s coming counter-offensive`"),
    ("/quote random", "A real quotation with its speaker; no repeats in a channel until all were shown.",
     "`/quote random speaker: Zelensky`\n`/quote random topic: breakthrough`"),
    ("/timeline", "The dated events the articles mention, in order, with their sources.",
     "`/timeline date: September 2022`\n`/timeline start: 2014 end: spring 2023 query: crimea`"),
    ("/corpus status", "How many articles, quotes and events are loaded, and any warnings.", "`/corpus status`"),
]


def help_reply(article_count: int) -> Reply:
    fields = [Field(name, f"{what}\n{example}") for name, what, example in EXAMPLES]
    page = Page(
        title="News archive — what I can do",
        description=f"I answer from an archive of {article_count} news articles. Every answer cites its article.",
        fields=fields,
    )
    return Reply([page])
