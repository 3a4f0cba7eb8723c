"""Time expressions in article text, resolved against the article's publication date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.core.text import truncate

if TYPE_CHECKING:
    from bot.core.articles import Article

Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade"]
Modifier = Literal["start", "mid", "end"] | None
Tense = Literal["past", "expected"]

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_MONTH_NAMES.split("|"), start=1)}
_FULL_DATE = re.compile(rf"\b({_MONTH_NAMES}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES}) (\d{{4}})\b")
_YEAR = re.compile(r"(?<![$\d,.])\b(1[89]\d\d|20\d\d)\b(?!\s*(?:%|percent|billion|million))")


@dataclass(frozen=True)
class Event:
    """A dated mention: the expression, the period it names, and what happened then."""

    article_id: str
    text: str
    start: int  # offsets of the expression in Article.body
    end: int
    sentence: str
    description: str
    first: dt.date | None  # the period the expression names, inclusive; None when unresolved
    last: dt.date | None
    granularity: Granularity
    modifier: Modifier = None
    approximate: bool = False
    tense: Tense = "past"
    kind: Literal["mention", "published"] = "mention"

    @property
    def resolved(self) -> bool:
        return self.first is not None


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def extract_events(article: Article) -> list[Event]:
    """Dated events of one article: explicit full dates, months with a year, and bare years."""
    events: list[Event] = []
    if article.published:
        events.append(Event(
            article_id=article.id, text=article.published.label(), start=0, end=0, sentence="",
            description=f"Published: {article.headline}", first=article.published.value,
            last=article.published.value, granularity=article.published.precision,
            approximate=article.published.provenance == "estimated", kind="published",
        ))
    for sentence in article.sentences:
        taken: list[tuple[int, int]] = []
        for pattern in (_FULL_DATE, _MONTH_YEAR, _YEAR):
            for match in pattern.finditer(sentence.text):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                groups = match.groups()
                if pattern is _FULL_DATE:
                    day = dt.date(int(groups[2]), _MONTH_NUMBER[groups[0].lower()], int(groups[1]))
                    first, last, granularity = day, day, "day"
                elif pattern is _MONTH_YEAR:
                    first, last = month_span(int(groups[1]), _MONTH_NUMBER[groups[0].lower()])
                    granularity = "month"
                else:
                    first, last, granularity = dt.date(int(groups[0]), 1, 1), dt.date(int(groups[0]), 12, 31), "year"
                events.append(Event(
                    article_id=article.id, text=match.group(0), start=sentence.start + match.start(),
                    end=sentence.start + match.end(), sentence=sentence.text,
                    description=truncate(sentence.text, 160), first=first, last=last, granularity=granularity,
                ))
    return sorted(events, key=lambda e: (e.first or dt.date.max, e.start))
