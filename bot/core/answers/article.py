"""Answers for /article search and /article show."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from itertools import groupby

from bot.core.answers.questions import (
    article_quotes,
    dated_passages,
    nothing_to_search,
    quoted_passages,
    who_said,
)
from bot.core.answers.quote_search import matching_quotes, quote_card, quote_data
from bot.core.answers.timeline import event_label
from bot.core.article import Article
from bot.core.corpus import Corpus, one_per_sentence
from bot.core.dates.typed import parse_range, understood
from bot.core.lookup import find_publication
from bot.core.reading.summary import summary
from bot.core.replies import limits
from bot.core.replies.markdown import echo, escape_markdown
from bot.core.replies.reply import Field, Page, Reply
from bot.core.search.index import Hit
from bot.core.search.query_match import searchable
from bot.core.text import truncate


def byline(article: Article) -> str:
    parts = [article.publication, article.author, article.date_label]
    return " · ".join(p for p in parts if p)


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


Filters = tuple[dt.date | None, dt.date | None, str | None]


def publication_filters(start: str | None, end: str | None) -> Filters:
    """Publication-date bounds from what the user typed, read like /timeline reads dates, and the period they
    make as a reply says it ('since Sep 2022'); all None when neither was given."""
    period = parse_range(
        None, start if start and start.strip() else None, end if end and end.strip() else None, dt.date.today()
    )
    if period is None:
        return None, None, None
    first = period.first if period.first != dt.date.min else None
    last = period.last if period.last != dt.date.max else None
    return first, last, understood(period)


def named_publication(corpus: Corpus, publication: str | None) -> str | Reply | None:
    """The publication a `publication:` option names, a notice listing them when it names none, or None."""
    if not (publication and publication.strip()):
        return None
    publications = corpus.index.publications
    named = find_publication(publications, publication)
    if named is None:
        return Reply.notice(
            "Unknown publication",
            f"No article here is from {echo(publication, 100)}. Publications: {', '.join(publications) or 'none'}.",
            publications=publications,
        )
    return named


def _who_said_first(corpus: Corpus, query: str, hits: list[Hit]) -> tuple[list[Hit], list]:
    """For "who said …": the quotation with those words, and its article moved first among the results."""
    words = who_said(query)
    quotes = matching_quotes(corpus, words) if words else []
    if not quotes:
        return hits, []
    quote = quotes[0]
    ours = [h for h in hits if h.article_id == quote.article_id]
    passage = quote.sentence
    first = dataclasses.replace(ours[0], passage=passage) if ours else Hit(quote.article_id, 0.0, passage, ())
    return [first, *(h for h in hits if h.article_id != quote.article_id)][: len(hits) or 1], [quote]


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
    if problem := nothing_to_search(corpus.index, query):
        return Reply.notice("Nothing to search for", problem, query=query, results=[])
    first, last, period = publication_filters(start, end)
    named = named_publication(corpus, publication)
    if isinstance(named, Reply):
        return named
    index = corpus.index
    plan = index.plan(searchable(query))
    hits = index.search(plan, limit=limit, start=first, end=last, publication=named)
    hits, quotes = _who_said_first(corpus, query, hits)
    hits = dated_passages(corpus, query, plan, quoted_passages(corpus, query, hits))
    filters = " · ".join(f for f in (named, f"published {period}" if period else None) if f)
    read = [f"{typed} → {word}" for typed, word in plan.readings.items() if typed != word]
    if not hits:
        corrected = plan.corrected_text() if plan.corrections else None
        return _no_match(corpus, query, corrected, filters, ", ".join(read))
    read += [f"{typed} → {word}" for typed, word in plan.corrections.items()]
    notes = "".join(f" · {n}" for n in (filters, f"read as: {truncate(', '.join(read), 200)}" if read else "") if n)
    pages = [
        result_page(corpus, hit, f"Result {rank} of {len(hits)} for “{truncate(query, 80)}”{notes}")
        for rank, hit in enumerate(hits, start=1)
    ]
    if len(hits) > 1:  # the first page lists every result at a glance; a button opens each one's card
        pages[0].fields.append(Field(f"All {len(hits)} results", _at_a_glance(corpus, hits)))
    jumps = [(str(rank), rank - 1) for rank in range(1, len(hits) + 1)] if len(hits) > 1 else []
    data = {
        "query": query,
        "corrections": plan.corrections,
        "readings": plan.readings,
        "filters": {"publication": named, "published": period},
        "results": [
            {"article_id": h.article_id, "score": h.score, "headline": corpus.articles[h.article_id].headline}
            for h in hits
        ],
    }
    if quotes:  # who said it comes first, then the articles
        words = who_said(query) or query
        pages.insert(0, quote_card(corpus, quotes[0], f"Who said “{truncate(words, 80)}”{notes}"))
        jumps = [("Quote", 0), *((label, page + 1) for label, page in jumps or [("1", 0)])]
        data["quote"] = quote_data(corpus, quotes[0])
    return Reply(pages, data=data, jumps=jumps)


def result_page(corpus: Corpus, hit: Hit, footer: str) -> Page:
    """One result's card: headline, summary, byline and id, and the passage that matched when it is not in
    the summary already."""
    article = corpus.articles[hit.article_id]
    description = summary(article)
    fields = [
        Field("Published", byline(article) or "undated", inline=True),
        Field("Article id", f"`{article.id}`", inline=True),
    ]
    if hit.passage.strip() not in description:  # never the same sentence twice on one card
        fields.append(Field("Matching passage", truncate(bold_terms(hit.passage, hit.matched), 1000)))
    return Page(
        title=article.headline, description=truncate(description, 1000), fields=fields, footer=footer, url=article.url
    )


def glance_line(rank: int, article: Article, why: str) -> str:
    """A result in one line and its reason: number, headline, publication and date, then '› why'."""
    where = " · ".join(p for p in (article.publication, article.date_label) if p)
    return (
        f"`{rank}` **{escape_markdown(truncate(article.headline, 70))}**"
        + (f" · {where}" if where else "")
        + f"\n› {escape_markdown(truncate(' '.join(why.split()), 80))}"
    )


def _at_a_glance(corpus: Corpus, hits: list[Hit]) -> str:
    """One line per result: its number, headline, publication and date, and why it matched."""
    lines = [glance_line(rank, corpus.articles[hit.article_id], hit.passage) for rank, hit in enumerate(hits, 1)]
    return fitted(lines, "page through them")


def _no_match(corpus: Corpus, query: str, corrected: str | None, filters: str, read: str = "") -> Reply:
    """An ephemeral hint: how a word in another script was read, the corrected spelling, the nearest headlines,
    or loosening the filters."""
    lines = [
        f"No article matches {echo(query, 200)}"
        + (f" (read as {escape_markdown(truncate(read, 200))})" if read else "")
        + (f" with these filters ({filters})." if filters else ".")
    ]
    if corrected and corrected != query.lower():
        lines.append(f"Did you mean **{escape_markdown(truncate(corrected, 200))}**?")
    nearest = [headline for headline, _ in corpus.index.suggest(query, limit=3)]
    if nearest:
        lines.append("Nearest headlines:\n" + "\n".join(f"• {escape_markdown(truncate(h, 150))}" for h in nearest))
    elif filters:
        lines.append("Try without `start:`, `end:` or `publication:`.")
    return Reply.notice(
        "No match", "\n".join(lines), query=query, results=[], suggestions=nearest, did_you_mean=corrected
    )


def _dated_lines(corpus: Corpus, article: Article) -> list[str]:
    """The article's dated events in order, one line per date: '2014' said twice is one line with both."""
    events = sorted(
        one_per_sentence(
            [e for e in corpus.events if e.article_id == article.id and e.kind == "mention" and e.resolved]
        ),
        key=lambda e: (e.first, e.last),
    )
    lines = []
    for (label, expected), same in groupby(events, key=lambda e: (event_label(e), e.tense == "expected")):
        same = list(same)
        typed = " / ".join(dict.fromkeys(f"“{e.text}”" for e in same))
        told = " · ".join(truncate(e.description, 200 // len(same)) for e in same)
        lines.append(truncate(f"**{label}**{' (expected)' if expected else ''} ({typed}) — {told}", 260))
    return lines


def show_reply(corpus: Corpus, key: str) -> Reply:
    article = corpus.article(key)
    if article is None:
        suggestions = [headline for headline, _ in corpus.index.suggest(key, limit=3)]
        hint = "; ".join(f"“{escape_markdown(s)}”" for s in suggestions)
        return Reply.notice(
            "Unknown article",
            f"No article is called {echo(key, 200)}." + (f" Did you mean {hint}?" if hint else ""),
        )
    fields = [
        Field("Published", byline(article) or "undated", inline=True),
        Field("Words", str(article.word_count), inline=True),
    ]
    quotes = article_quotes(corpus, article.id)
    if quotes:
        lines = [truncate(f"“{q.text.rstrip(',;: ')}” — {q.who}", 330) for q in quotes]
        fields.append(Field("Quotes", fitted(lines, f"`/quote random article: {article.id}`")))
    dated = _dated_lines(corpus, article)
    if dated:
        fields.append(Field("Dated events", fitted(dated, f"`/timeline article: {article.id}`")))
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
