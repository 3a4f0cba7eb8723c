"""Answer for /corpus status: what the bot knows and what it had to skip."""

from __future__ import annotations

import datetime as dt

from bot.core.corpus import Corpus
from bot.core.replies.reply import Field, Page, Reply
from bot.core.text import truncate


def status_reply(corpus: Corpus, reloaded_at: dt.datetime, title: str = "Corpus status") -> Reply:
    warnings = [f"`{a.id}`: {'; '.join(a.warnings)}" for a in corpus.articles.values() if a.warnings]
    fields = [
        Field("Articles", str(len(corpus.articles)), inline=True),
        Field("Quotations", str(len(corpus.quotations())), inline=True),
        Field("Dated events", str(len(corpus.timeline_events())), inline=True),
        Field("Loaded", f"<t:{int(reloaded_at.timestamp())}:R> ({reloaded_at:%Y-%m-%d %H:%M} UTC)"),
        Field("Corpus version", f"`{corpus.version()}` in the process that answered", inline=True),
    ]
    if warnings:
        fields.append(Field("Warnings", truncate("\n".join(warnings), 1000)))
    if corpus.errors:
        fields.append(Field("Skipped files", truncate("\n".join(corpus.errors), 1000)))
    data = {
        "articles": len(corpus.articles),
        "quotes": len(corpus.quotations()),
        "errors": corpus.errors,
        "version": corpus.version(),
    }
    return Reply([Page(title=title, fields=fields)], data=data)
