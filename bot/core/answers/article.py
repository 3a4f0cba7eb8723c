"""Answers for /article search and /article show."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from bot.core.answers.timeline import event_label
from bot.core.article import Article
from bot.core.corpus import Corpus, one_per_sentence
from bot.core.dates.typed import parse_range
from bot.core.lookup import find_publication
from bot.core.quotes.names import name_key
from bot.core.quotes.quotations import Quote
from bot.core.reading.summary import summary
from bot.core.replies import limits
from bot.core.replies.reply import Field, Page, Reply
from bot.core.search.index import Hit, QueryPlan
from bot.core.search.query_match import groups_matched, matched_offsets
from bot.core.text import truncate


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


# A question about what someone said: "what did Scholz say about Ukraine", "who said ...", "Putin quotes".
_SPEECH = re.compile(r"\b(?:say|says|said|saying|quote|quotes|quoted|told|tell|claim|claimed|warn|warned)\b", re.I)


def _quoted_passages(corpus: Corpus, query: str, hits: list[Hit]) -> list[Hit]:
    """For a question about what someone said: each hit's passage becomes the quotation by a person the
    query names, and the articles that quote them come first (the order among each kind kept)."""
    if not _SPEECH.search(query):
        return hits
    typed = set(name_key(query).split())
    quoted: list[Hit] = []
    others: list[Hit] = []
    for hit in hits:
        by_them = [q for q in _article_quotes(corpus, hit.article_id) if _named_in(q, typed)]
        if by_them:
            quote = by_them[0]
            quoted.append(dataclasses.replace(hit, passage=quote.sentence))
        else:
            others.append(hit)
    return quoted + others


_WHEN = re.compile(r"^\s*(?:when|what\s+(?:date|day|year|month))\b", re.I)


def _dated_passages(corpus: Corpus, query: str, plan: QueryPlan, hits: list[Hit]) -> list[Hit]:
    """For a "when did …" question: each hit's passage becomes its dated sentence that matches the query best,
    with the date in front; the articles that date it come first."""
    if not _WHEN.search(query):
        return hits
    index = corpus.index
    dated: list[Hit] = []
    others: list[Hit] = []
    for hit in hits:
        scored = []
        for event in corpus.events:
            if event.article_id != hit.article_id or event.kind != "mention" or not event.resolved:
                continue
            matched = groups_matched(index.vocabulary, plan, event.sentence)
            if matched:
                at = event.sentence.find(event.text)
                near = min((abs(o - at) for o in matched_offsets(index.vocabulary, plan, event.sentence)), default=999)
                scored.append((-matched, near, event.start, event))
        if scored:
            best = min(scored, key=lambda s: s[:3])[3]  # most query words, then the date nearest to them
            dated.append(dataclasses.replace(hit, passage=f"{event_label(best)}: {best.sentence}"))
        else:
            others.append(hit)
    return dated + others


def _article_quotes(corpus: Corpus, article_id: str) -> list[Quote]:
    return [q for q in corpus.quotations() if q.article_id == article_id and q.who]


def _named_in(quote: Quote, typed: set[str]) -> bool:
    """Whether the query names the quotation's speaker (by a surname or a full name, any spelling)."""
    names = [n for n in (quote.speaker_full, quote.speaker) if n]
    return any(name_key(n).split()[-1:] and name_key(n).split()[-1] in typed for n in names)


def _filters(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Publication-date bounds from what the user typed, read like /timeline reads dates."""
    period = parse_range(
        None, start if start and start.strip() else None, end if end and end.strip() else None, dt.date.today()
    )
    if period is None:
        return None, None
    return (period.first if period.first != dt.date.min else None, period.last if period.last != dt.date.max else None)


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
        return Reply.notice("Nothing to search for", "Type a few words, e.g. `/article search query: kharkiv`.")
    first, last = _filters(start, end)
    index = corpus.index
    if publication and publication.strip():
        named = find_publication(index.publications, publication)
        if named is None:
            known = ", ".join(index.publications) or "none"
            return Reply.notice(
                "Unknown publication",
                f"No article here is from “{escape_markdown(truncate(publication, 100))}”. Publications: {known}.",
                publications=index.publications,
            )
        publication = named
    plan = index.plan(query)
    hits = index.search(plan, limit=limit, start=first, end=last, publication=publication)
    hits = _dated_passages(corpus, query, plan, _quoted_passages(corpus, query, hits))
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
        description = summary(article)
        fields = [
            Field("Published", byline(article) or "undated", inline=True),
            Field("Article id", f"`{article.id}`", inline=True),
        ]
        if hit.passage.strip() not in summary(article):  # never the same sentence twice on one card
            fields.append(Field("Matching passage", truncate(bold_terms(hit.passage, hit.matched), 1000)))
        pages.append(
            Page(
                title=article.headline,
                description=truncate(description, 1000),
                fields=fields,
                footer=footer + (f" · spelling: {truncate(corrected, 200)}" if corrected else ""),
                url=article.url,
            )
        )
    if len(hits) > 1:  # the first page lists every result at a glance; a button opens each one's card
        pages[0].fields.append(Field(f"All {len(hits)} results", _at_a_glance(corpus, hits)))
    results = [
        {"article_id": h.article_id, "score": h.score, "headline": corpus.articles[h.article_id].headline} for h in hits
    ]
    jumps = [(str(rank), rank - 1) for rank in range(1, len(hits) + 1)] if len(hits) > 1 else []
    return Reply(pages, data={"query": query, "corrections": plan.corrections, "results": results}, jumps=jumps)


def _at_a_glance(corpus: Corpus, hits: list[Hit]) -> str:
    """One line per result: its number, headline, publication and date, and why it matched."""
    lines = []
    for rank, hit in enumerate(hits, start=1):
        article = corpus.articles[hit.article_id]
        where = " · ".join(p for p in (article.publication, article.date_label) if p)
        why = escape_markdown(truncate(" ".join(hit.passage.split()), 80))
        lines.append(
            f"`{rank}` **{escape_markdown(truncate(article.headline, 70))}**"
            + (f" · {where}" if where else "")
            + f"\n› {why}"
        )
    return fitted(lines, "page through them")


def _no_match(corpus: Corpus, query: str, corrected: str | None, filtered: bool) -> Reply:
    """An ephemeral hint: the corrected spelling, the nearest headlines, or loosening the filters."""
    lines = [f"No article matches “{truncate(query, 200)}”" + (" with these filters." if filtered else ".")]
    if corrected and corrected != query.lower():
        lines.append(f"Did you mean **{escape_markdown(truncate(corrected, 200))}**?")
    nearest = [headline for headline, _ in corpus.index.suggest(query, limit=3)]
    if nearest:
        lines.append("Nearest headlines:\n" + "\n".join(f"• {escape_markdown(truncate(h, 150))}" for h in nearest))
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
    quotes = _article_quotes(corpus, article.id)
    if quotes:
        lines = [truncate(f"“{q.text.rstrip(',;: ')}” — {q.who}", 330) for q in quotes]
        fields.append(Field("Quotes", fitted(lines, f"`/quote random article: {article.id}`")))
    events = sorted(
        one_per_sentence(
            [e for e in corpus.events if e.article_id == article.id and e.kind == "mention" and e.resolved]
        ),
        key=lambda e: (e.first, e.last),
    )
    if events:
        lines = [
            truncate(
                f"**{event_label(e)}**{' (expected)' if e.tense == 'expected' else ''} (“{e.text}”) — {e.description}",
                200,
            )
            for e in events
        ]
        fields.append(Field("Dated events", fitted(lines, f"`/timeline article: {article.id}`")))
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


def fitted(lines: list[str], more: str, limit: int = limits.FIELD_VALUE) -> str:
    """As many whole lines as fit in one field, then "…and N more — <where to see them>": never a silent cut."""
    shown: list[str] = []
    for number, line in enumerate(lines):
        left = len(lines) - number - 1
        tail = f"\n…and {left} more — {more}" if left else ""
        if len("\n".join([*shown, line])) + len(tail) > limit:
            break
        shown.append(line)
    if len(shown) < len(lines):
        shown.append(f"…and {len(lines) - len(shown)} more — {more}")
    return "\n".join(shown)
