"""Answer for /help: what the bot can do, with examples."""

from __future__ import annotations

from bot.core.replies import Field, Page, Reply

EXAMPLES = [
    ("/article search", "Find the articles that answer a question.", "`/article search query: kharkiv counter-offensive`"),
    ("/article show", "One article: summary, quotes and dated events.", "`/article show article: Ukraine’s coming counter-offensive`"),
    ("/quote random", "A real quotation with its speaker, never the same twice in a row.", "`/quote random speaker: Zelensky`"),
    ("/timeline", "The dated events the articles mention, in order.", "`/timeline date: September 2022`"),
]


def help_reply(article_count: int) -> Reply:
    fields = [Field(name, f"{what}\n{example}") for name, what, example in EXAMPLES]
    page = Page(
        title="News archive — what I can do",
        description=f"I answer from an archive of {article_count} news articles. Every answer cites its article.",
        fields=fields,
    )
    return Reply([page])
