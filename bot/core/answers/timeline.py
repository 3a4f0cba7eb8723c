"""Answer for /timeline: dated events in order, grouped by year."""

from __future__ import annotations

import datetime as dt

from bot.core.corpus import Corpus
from bot.core.dates import Event
from bot.core.replies import Reply, UserError, paginate
from bot.core.text import truncate


def parse_user_date(text: str) -> tuple[dt.date, dt.date]:
    """A day, month or year as typed by a user, as the inclusive period it names."""
    from bot.core.articles import parse_date_text
    from bot.core.dates import month_span

    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    day = parse_date_text(text)
    if day:
        return day.value, day.value
    parts = text.replace(",", " ").split()
    if len(parts) == 2 and parts[1].isdigit():
        found = parse_date_text(f"{parts[0]} 1 {parts[1]}")
        if found:
            return month_span(found.value.year, found.value.month)
    raise UserError(f"I can't read “{truncate(text, 100)}” as a date. Try `2022`, `Sep 2022` or `2022-09-05`.")


def event_label(event: Event) -> str:
    if event.first is None:
        return event.text
    if event.granularity == "day":
        text = f"{event.first.day} {event.first:%b %Y}"
    elif event.granularity == "month":
        text = f"{event.first:%b %Y}"
    else:
        text = str(event.first.year)
    return f"c. {text}" if event.approximate else text


def timeline_reply(corpus: Corpus, date: str | None = None, start: str | None = None, end: str | None = None,
                   query: str | None = None, article: str | None = None) -> Reply:
    low, high = dt.date.min, dt.date.max
    if date:
        low, high = parse_user_date(date)
    if start:
        low = parse_user_date(start)[0]
    if end:
        high = parse_user_date(end)[1]
    if low > high:
        raise UserError("The end of the range comes before its start; swap `start` and `end`.")
    events = [e for e in corpus.events if e.resolved and e.first <= high and e.last >= low]
    if query:
        words = query.lower().split()
        events = [e for e in events if all(w in (e.sentence + e.description).lower() for w in words)]
    if article:
        found = corpus.article(article)
        if found is None:
            raise UserError(f"No article is called “{truncate(article, 100)}”; pick one from the list.")
        events = [e for e in events if e.article_id == found.id]
    if not events:
        return Reply.notice("No events", "No dated event matches that. Try a wider range, e.g. `date: 2022`.")
    lines: list[str] = []
    year = None
    events.sort(key=lambda e: (e.first, e.last, e.article_id, e.start))
    for event in events:
        if event.first.year != year:
            year = event.first.year
            lines.append(f"__**{year}**__")
        source = truncate(corpus.articles[event.article_id].headline, 60)
        lines.append(f"**{event_label(event)}** — {truncate(event.description, 200)} *({source})*")
    data = {"events": [{"article_id": e.article_id, "text": e.text, "first": str(e.first), "last": str(e.last),
                        "granularity": e.granularity} for e in events]}
    return Reply(paginate("Timeline", lines), data=data)
