"""Answer for /help: what the bot can do, with examples."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.replies.reply import Field, Page, Reply


def help_reply(article_count: int, entries: Iterable[tuple[str, str, tuple[str, ...]]]) -> Reply:
    """One field per command: (name, what it does, examples as typed)."""
    fields = [Field(name, what + "".join(f"\n`{example}`" for example in examples)) for name, what, examples in entries]
    page = Page(
        title="News archive — what I can do",
        description=f"I answer from an archive of {article_count} news articles. Every answer cites its article.",
        fields=fields,
    )
    return Reply([page])
