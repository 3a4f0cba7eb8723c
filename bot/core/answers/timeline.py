"""Answer for /timeline: dated events in order, grouped by year, each date shown at its real precision."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import asdict
from typing import Any

from bot.core.corpus import Corpus, one_per_sentence
from bot.core.dates.events import Event
from bot.core.dates.typed import parse_range, understood
from bot.core.periods import Period, period_label
from bot.core.replies.markdown import echo
from bot.core.replies.reply import Reply, UserError, paginate
from bot.core.search.query_match import nothing_to_match, searchable, text_matches
from bot.core.text import truncate


def event_label(event: Event) -> str:
    if event.first is None or event.last is None:
        return event.text
    return period_label(
        event.first, event.last, event.granularity, event.value or "", event.modifier, event.approximate
    )


def _about(corpus: Corpus, events: list[Event], query: str) -> list[Event]:
    """The events whose sentence matches the query as /article search matches an article: the same words,
    forms, spellings and typo corrections."""
    index = corpus.index
    plan = index.plan(searchable(query))
    if plan.unknown:  # a word no article prints: no event is about all the words
        return []
    articles = {index.ids[row] for row in index.rows_with_all(plan)}
    return [
        e
        for e in events
        if e.article_id in articles and text_matches(index.vocabulary, plan, f"{e.sentence} {e.description}")
    ]


def _is_coarser(event: Event, asked: Period | None) -> bool:
    """An event dated less precisely than what was asked: a longer period that reaches beyond the asked one
    ('2022' when September 2022, or a range inside 2022, is asked). One rule for `date:` and `start:`/`end:`."""
    if asked is None:
        return False
    reaches_beyond = event.first < asked.first or event.last > asked.last
    return reaches_beyond and (event.last - event.first) > (asked.last - asked.first)


def _groups(events: list[Event]) -> list[list[Event]]:
    """Events naming the same date (value, part, precision) together: 2014 in three articles is one line."""
    grouped: dict[tuple[Any, ...], list[Event]] = {}
    for event in events:
        grouped.setdefault((event.value, event.modifier, event.approximate, event.tense), []).append(event)
    return sorted(grouped.values(), key=lambda g: (g[0].first, -(g[0].last - g[0].first).days, g[0].value or ""))


def _stems(text: str) -> set[str]:
    return {word[:6] for word in re.findall(r"[a-z]{5,}", text.lower())}


def _common_stems(corpus: Corpus) -> set[str]:
    """Stems in more than a tenth of the dated sentences ('Ukraine', 'Russia'): they tell no events apart."""
    return corpus.derived(_count_common_stems)


def _count_common_stems(corpus: Corpus) -> set[str]:
    counts = Counter(stem for sentence in {e.sentence for e in corpus.events} for stem in _stems(sentence))
    return {stem for stem, count in counts.items() if count > max(2, len(corpus.events) // 10)}


def _clusters(corpus: Corpus, group: list[Event]) -> list[list[Event]]:
    """Mentions of one date that share at least two telling words (Crimea, annexed) are one event."""
    common = _common_stems(corpus)
    clusters: list[tuple[set[str], list[Event]]] = []
    for event in group:
        words = _stems(event.sentence or event.description) - common
        for stems, members in clusters:
            if members[0].kind == event.kind and (len(words & stems) >= 2 or event.sentence == members[0].sentence):
                members.append(event)
                stems |= words
                break
        else:
            clusters.append((words, [event]))
    return [members for _, members in clusters]


def _sources(corpus: Corpus, events: list[Event]) -> str:
    sources: list[str] = []
    for event in events:
        headline = truncate(corpus.articles[event.article_id].headline, 48)
        if headline not in sources:
            sources.append(headline)
    return " · ".join(sources[:3]) + (f" · +{len(sources) - 3} more" if len(sources) > 3 else "")


def _line(corpus: Corpus, group: list[Event]) -> str:
    prefix = f"**{event_label(group[0])}**" + (" (expected)" if group[0].tense == "expected" else "")
    clusters = _clusters(corpus, group)
    if len(clusters) == 1:
        return f"{prefix} — {truncate(group[0].description, 180)} *({_sources(corpus, group)})*"
    articles = len({e.article_id for e in group})
    lines = [f"{prefix} — {len(clusters)} mentions in {articles} article{'s' if articles > 1 else ''}"]
    lines += [f"  • {truncate(c[0].description, 160)} *({_sources(corpus, c)})*" for c in clusters]
    return "\n".join(lines)


def _year_heading(group: list[Event]) -> str:
    event = group[0]
    return f"{event.first.year // 10 * 10}s" if event.granularity == "decade" else str(event.first.year)


def _event_data(corpus: Corpus, event: Event, during: bool) -> dict[str, Any]:
    data = asdict(event)
    data.update(
        first=str(event.first),
        last=str(event.last),
        label=event_label(event),
        during=during,
        headline=corpus.articles[event.article_id].headline,
    )
    return data


def timeline_reply(
    corpus: Corpus,
    date: str | None = None,
    start: str | None = None,
    end: str | None = None,
    query: str | None = None,
    article: str | None = None,
    today: dt.date | None = None,
) -> Reply:
    asked = parse_range(date, start, end, today or dt.date.today())
    events = [e for e in corpus.events if e.resolved]
    if asked is not None:
        events = [e for e in events if e.first <= asked.last and e.last >= asked.first]
    if query and query.strip():
        if why := nothing_to_match(corpus.index, query):
            text = f"`query:` {echo(query, 80)} {why}; try words an event is about, e.g. `crimea`."
            return Reply.notice("Nothing to search for", text, events=[])
        events = _about(corpus, events, query)
    if article:
        found = corpus.article(article)
        if found is None:
            raise UserError(f"No article is called {echo(article, 100)}; pick one from the list.")
        events = [e for e in events if e.article_id == found.id]
    events = one_per_sentence(events)
    if not events:
        within = f" in {understood(asked)}" if asked is not None else ""
        return Reply.notice(
            "No events",
            f"No dated event{within} matches that. Try a wider range, e.g. `date: 2022`, or fewer keywords.",
            events=[],
        )
    coarse = [e for e in events if _is_coarser(e, asked)]
    precise = [e for e in events if not _is_coarser(e, asked)]
    lines: list[str] = []
    heading = None
    for group in _groups(precise):
        if _year_heading(group) != heading:
            heading = _year_heading(group)
            lines.append(f"__**{heading}**__")
        lines.append(_line(corpus, group))
    if coarse:
        lines.append("__**Also at this time, less precisely dated**__")
        lines.extend(_line(corpus, group) for group in _groups(coarse))
    title = "Timeline" + (f" · {understood(asked)}" if asked is not None else "")
    ordered = sorted(events, key=lambda e: (e.first, -(e.last - e.first).days, e.article_id, e.start))
    data = {
        "events": [_event_data(corpus, e, _is_coarser(e, asked)) for e in ordered],
        "period": {"first": str(asked.first), "last": str(asked.last)} if asked else None,
    }
    return Reply(paginate(title, lines), data=data)
