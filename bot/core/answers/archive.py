"""Answers about the archive itself: /corpus status, its history (newest first), and a removed article by name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.core.corpus import Corpus
from bot.core.lexicon import fold
from bot.core.replies.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE
from bot.core.replies.reply import Field, Page, Reply, paginate
from bot.core.text import truncate

PER_PAGE = 10
DONE = {"add": "added", "remove": "removed", "restore": "restored"}
HOW = {
    "upload": "an upload",
    "url": "a link",
    "feed": "a followed feed",
    "cli": "the command line",
    "import": "an import",
    "discord": "Discord",
}


@dataclass(frozen=True)
class Entry:
    """One change to the archive, as the state store records it."""

    action: str
    article_id: str
    headline: str
    via: str
    by_user: int | None
    by_guild: int | None
    at: str
    change_id: str = ""
    seq: int = 0

    def by(self) -> str:
        """Who made it, as Discord shows a user (a mention that pings nobody: replies allow none)."""
        if self.by_user is None:
            return "the command line" if self.via in ("cli", "import") else "the bot"
        server = f" in server {self.by_guild}" if self.by_guild else " in a direct message"
        return f"<@{self.by_user}>{server}"

    def line(self) -> str:
        when = dt.datetime.fromisoformat(self.at)
        stamp = f"<t:{int(when.timestamp())}:f>"
        return (
            f"`#{self.seq}` **{DONE.get(self.action, self.action)}** `{self.article_id}` — "
            f"“{truncate(self.headline, 90)}” · {stamp} · by {self.by()} via {HOW.get(self.via, self.via)}"
        )

    def as_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "action": self.action,
            "id": self.article_id,
            "headline": self.headline,
            "at": self.at,
            "by": self.by_user if self.by_user is not None else self.by(),
            "guild": self.by_guild,
            "via": self.via,
        }


def history_reply(entries: list[Entry]) -> Reply:
    if not entries:
        return Reply.notice(
            "Archive history", "Nothing has changed yet: the archive is the corpus folder as shipped.", changes=[]
        )
    pages = paginate("Archive history", [entry.line() for entry in entries], per_page=PER_PAGE, footer="Newest first")
    return Reply(pages, ephemeral=True, data={"changes": [entry.as_json() for entry in entries]})


def find_removed(removed: dict[str, str], typed: str) -> str | None:
    """The removed article (id → headline) that `typed` names: its id, or its headline (typed in full or as
    the start of it, any case)."""
    if typed in removed:
        return typed
    key = fold(typed).strip()
    if not key:
        return None
    for article_id, headline in sorted(removed.items()):
        if fold(headline).strip() == key or article_id.lower() == key:
            return article_id
    starts = [article_id for article_id, headline in sorted(removed.items()) if fold(headline).startswith(key)]
    return starts[0] if len(starts) == 1 else None


def removed_choices(removed: dict[str, str], current: str) -> list[tuple[str, str]]:
    """Autocomplete for /corpus restore: the removed articles (id → headline) whose headline or id holds what
    was typed, newest ids last as the dict has them; (headline, id) pairs within Discord's limits."""
    typed = fold(current).strip()
    pairs = [
        (truncate(headline, CHOICE_NAME), truncate(article_id, CHOICE_VALUE))
        for article_id, headline in removed.items()
        if not typed or typed in fold(headline) or typed in article_id.lower()
    ]
    return pairs[:AUTOCOMPLETE_CHOICES]


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
