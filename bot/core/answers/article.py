"""Answers for /article search and /article show."""

from __future__ import annotations

import datetime as dt
import re

from bot.core.articles import Article, parse_date_text
from bot.core.corpus import Corpus
from bot.core.dates import month_span
from bot.core.replies import Field, Page, Reply, UserError
from bot.core.summary import summary
from bot.core.text import truncate

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}


def byline(article: Article) -> str:
    parts = [article.publication, article.author, article.date_label]
    return " · ".join(p for p in parts if p)


def escape_markdown(text: str) -> str:
    return re.sub(r"([\\*_~`|>#\[\]])", r"\\\1", text)


def bold_terms(passage: str, terms: tuple[str, ...]) -> str:
    """Bold whole words of the passage that match a query term; markdown in the text is escaped first."""
    escaped = escape_markdown(passage)
    if not terms:
        return escaped
    pattern = re.compile(
        r"(?<![\w\\])(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?!\w)",
        re.I,
    )
    return pattern.sub(r"**\1**", escaped)


def date_bounds(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day a typed date covers: '2022', 'Sep 2022', '2022-09', '2022-09-05'."""
    cleaned = text.strip().lower().rstrip(".")
    if re.fullmatch(r"\d{4}", cleaned):
        return dt.date(int(cleaned), 1, 1), dt.date(int(cleaned), 12, 31)
    month = re.fullmatch(r"(\d{4})-(\d{1,2})", cleaned)
    if month and 1 <= int(month.group(2)) <= 12:
        return month_span(int(month.group(1)), int(month.group(2)))
    month = re.fullmatch(r"([a-z]{3,9})\.? (\d{4})", cleaned)
    if month and month.group(1)[:3] in _MONTHS:
        return month_span(int(month.group(2)), _MONTHS[month.group(1)[:3]])
    day = parse_date_text(text)
    if day is None:
        raise UserError(f"I can't read the date “{truncate(text, 40)}”; try 2022, Sep 2022 or 2022-09-05.")
    return day.value, day.value


def _filters(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    first = date_bounds(start)[0] if start and start.strip() else None
    last = date_bounds(end)[1] if end and end.strip() else None
    if first and last and first > last:
        raise UserError("`start:` is after `end:`; swap them.")
    return first, last


def search_reply(
    corpus: Corpus,
    query: str,
    start: str | None = None,
    end: str | None = None,
    publication: str | None = None,
    limit: int = 5,
) -> Reply:
    query = query.strip()
    if not query:
        return Reply.notice(
            "Nothing to search for", "Type a few words, e.g. `/article search query: kharkiv`."
        )
    first, last = _filters(start, end)
    index = corpus.index
    plan = index.plan(query)
    hits = index.search(plan, limit=limit, start=first, end=last, publication=publication)
    if not hits:
        return _no_match(
            corpus,
            query,
            plan.corrected_text() if plan.corrections else None,
            filtered=bool(first or last or publication),
        )
    corrected = ", ".join(f"{typed} → {word}" for typed, word in plan.corrections.items())
    pages = []
    for rank, hit in enumerate(hits, start=1):
        article = corpus.articles[hit.article_id]
        footer = f"Result {rank} of {len(hits)} for “{truncate(query, 80)}”"
        pages.append(
            Page(
                title=article.headline,
                description=truncate(summary(article), 1000),
                fields=[
                    Field("Published", byline(article) or "undated", inline=True),
                    Field("Article id", f"`{article.id}`", inline=True),
                    Field("Matching passage", truncate(bold_terms(hit.passage, hit.matched), 1000)),
                ],
                footer=footer + (f" · spelling: {truncate(corrected, 200)}" if corrected else ""),
                url=article.url,
            )
        )
    results = [
        {"article_id": h.article_id, "score": h.score, "headline": corpus.articles[h.article_id].headline}
        for h in hits
    ]
    return Reply(pages, data={"query": query, "corrections": plan.corrections, "results": results})


def _no_match(corpus: Corpus, query: str, corrected: str | None, filtered: bool) -> Reply:
    """An ephemeral hint: the corrected spelling, the nearest headlines, or loosening the filters."""
    lines = [f"No article matches “{truncate(query, 200)}”" + (" with these filters." if filtered else ".")]
    if corrected and corrected != query.lower():
        lines.append(f"Did you mean **{escape_markdown(truncate(corrected, 200))}**?")
    nearest = [headline for headline, _ in corpus.index.suggest(query, limit=3)]
    if nearest:
        lines.append(
            "Nearest headlines:\n" + "\n".join(f"• {escape_markdown(truncate(h, 150))}" for h in nearest)
        )
    elif filtered:
        lines.append("Try without `start:`, `end:` or `publication:`.")
    return Reply.notice(
        "No match", "\n".join(lines), query=query, results=[], suggestions=nearest, did_you_mean=corrected
    )


def show_reply(corpus: Corpus, key: str) -> Reply:
    article = corpus.article(key)
    if article is None:
        suggestions = [headline for headline, _ in corpus.index.suggest(key, limit=3)]
        hint = "; ".join(f"“{s}”" for s in suggestions)
        return Reply.notice(
            "Unknown article",
            f"No article is called “{truncate(key, 200)}”." + (f" Did you mean {hint}?" if hint else ""),
        )
    fields = [
        Field("Published", byline(article) or "undated", inline=True),
        Field("Words", str(article.word_count), inline=True),
    ]
    quotes = [q for q in corpus.quotations() if q.article_id == article.id][:3]
    if quotes:
        fields.append(
            Field(
                "Quotes", "\n".join(truncate(f"“{q.text}” — {q.who or 'unattributed'}", 330) for q in quotes)
            )
        )
    events = [e for e in corpus.events if e.article_id == article.id and e.kind == "mention" and e.resolved][
        :5
    ]
    if events:
        fields.append(
            Field("Dated events", "\n".join(truncate(f"**{e.text}** — {e.description}", 200) for e in events))
        )
    description = summary(article)
    if article.standfirst and article.standfirst != description:
        description = f"*{article.standfirst}*\n\n{description}"
    page = Page(
        title=article.headline,
        description=truncate(description, 1500),
        fields=fields,
        footer=f"id {article.id}" + (f" · {article.rubric}" if article.rubric else ""),
        url=article.url,
    )
    return Reply([page], data={"article_id": article.id})
