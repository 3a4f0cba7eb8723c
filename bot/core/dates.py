"""Time expressions in article text as events, resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.core.mentions import sentence_mentions
from bot.core.periods import (
    Period,
    day_period,
    decade_period,
    month_period,
    quarter_period,
    season_period,
    week_period,
    year_period,
)
from bot.core.timex import Mention

if TYPE_CHECKING:
    from bot.core.article import Article, PubDate

Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade"]
Modifier = Literal["start", "mid", "end"] | None
Tense = Literal["past", "expected"]

GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4, "decade": 5}
# Words that put a clause in the future (or in a plan), whatever the tense of its other verbs.
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going to|expected to|set to|plans? to|planned to|aims? to|"
    r"intends? to|poised to|is to|are to|due to|scheduled|upcoming|coming|should|must|"
    r"need to|might|(?-i:may))\b|['’]ll\b",
    re.I,
)
_WORD = re.compile(r"\S+")
_CLAUSE_BREAK = re.compile(r"\s*(?:;|—|–|:|\(|\)|\s-\s|,\s+(?=(?:but|while|whereas|although|though|and)\s))\s*")


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
    value: str | None = None  # TIMEX3-style: 2022-09-05, 2022-W37, 2022-09, 2022-SU, 2022-Q1, 2022, 200X

    @property
    def resolved(self) -> bool:
        return self.first is not None


def clause_tense(clause: str) -> Tense:
    return "expected" if _FUTURE.search(clause) else "past"


def clause_span(sentence: str, start: int) -> tuple[int, int]:
    """The clause of a sentence that holds the character at `start`, between dashes, semicolons, brackets."""
    low, high = 0, len(sentence)
    for brk in _CLAUSE_BREAK.finditer(sentence):
        if brk.end() <= start:
            low = brk.end()
        elif brk.start() > start:
            high = brk.start()
            break
    return low, high


def describe(sentence: str, start: int, end: int, most: int = 20, clause: tuple[int, int] | None = None) -> str:
    """What happened: the clause around the expression (its span, when known), trimmed to about 12–20 words."""
    low, high = clause or clause_span(sentence, start)
    if len(sentence[low:high].split()) < 8:
        low, high = 0, len(sentence)
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence[low:high])]
    if len(words) > most:
        at = next((i for i, (_, b) in enumerate(words) if low + b > start), len(words) - 1)
        first = max(0, min(at - 8, len(words) - most))
        words = words[first : first + most]
    text = sentence[low + words[0][0] : low + words[-1][1]].strip(" ,;")
    if low + words[0][0] > 0:
        text = "…" + text
    if low + words[-1][1] < len(sentence.rstrip(' .!?■”"')):
        text = text.rstrip(".,;") + "…"
    return text


def _candidates(mention: Mention, year: int) -> list[Period]:
    """The periods a year-less month, season or day could be, around a given year."""
    found = []
    for candidate in (year - 1, year, year + 1):
        if mention.season:
            found.append(season_period(candidate, mention.season))
        elif mention.day and mention.month:
            try:
                last = dt.date(candidate, mention.month, mention.last_day) if mention.last_day else None
                found.append(day_period(dt.date(candidate, mention.month, mention.day), last))
            except ValueError:
                continue  # 29 February of a common year
        elif mention.weekday is None:
            found.append(month_period(candidate, mention.month))
    return found


def _shift(day: dt.date, unit: str, count: int) -> dt.date:
    if unit in ("day", "week"):
        return day + dt.timedelta(days=count * (7 if unit == "week" else 1))
    if unit == "month":
        index = day.year * 12 + day.month - 1 + count
        return dt.date(index // 12, index % 12 + 1, 1)
    return dt.date(day.year + count, 1, 1)


def _period_at(unit: str, day: dt.date) -> Period:
    return {
        "day": day_period,
        "week": week_period,
        "month": lambda d: month_period(d.year, d.month),
        "year": lambda d: year_period(d.year),
    }[unit](day)


def _absolute(mention: Mention) -> Period:
    if mention.granularity == "decade":
        return decade_period(mention.year)
    if mention.season:
        return season_period(mention.year, mention.season)
    if mention.quarter:
        return quarter_period(mention.year, mention.quarter)
    if mention.day:
        last = dt.date(mention.year, mention.month, mention.last_day) if mention.last_day else None
        return day_period(dt.date(mention.year, mention.month, mention.day), last)
    return month_period(mention.year, mention.month) if mention.month else year_period(mention.year)


def from_anchor(mention: Mention, anchor: Period, tense: Tense) -> Period:
    """A year-less or relative expression placed against the publication date (or its estimate)."""
    ref = anchor.first
    if mention.weekday is not None:
        back = (ref.weekday() - mention.weekday) % 7
        if mention.relation == "this":
            return day_period(ref - dt.timedelta(days=ref.weekday() - mention.weekday))
        if mention.relation == "next" or (mention.relation == "bare" and tense == "expected"):
            return day_period(ref + dt.timedelta(days=(mention.weekday - ref.weekday()) % 7 or 7))
        return day_period(ref - dt.timedelta(days=back or (7 if mention.relation == "last" else 0)))
    if mention.month or mention.season:
        options = _candidates(mention, ref.year)
        if anchor.granularity == "year" and mention.relation in ("bare", "this"):
            return next(p for p in options if p.first.year == ref.year)
        if mention.relation == "last":
            return [p for p in options if p.last < ref][-1]
        if mention.relation == "next":
            return next(p for p in options if p.first > anchor.last)
        if mention.relation == "this":
            return next(
                (p for p in options if p.first <= ref <= p.last),
                next(p for p in options if p.first.year == ref.year),
            )
        if tense == "expected":
            return next(p for p in options if p.last >= ref)
        return [p for p in options if p.first <= ref][-1]
    unit = mention.granularity
    offset = {"this": 0, "last": -1, "next": 1}.get(mention.relation, mention.offset)
    return _period_at(unit, _shift(ref, unit, offset))


def resolve(
    mention: Mention, published: PubDate | None, previous_year: int | None, tense: Tense
) -> tuple[Period | None, bool]:
    """The period a mention names and whether it is approximate; (None, False) when nothing anchors it."""
    if mention.relation == "absolute":
        return _absolute(mention), False
    if mention.relation == "anaphoric":
        return (year_period(previous_year + mention.offset), False) if previous_year else (None, False)
    if published is None:
        return None, False
    anchor = published.period()
    try:
        period = from_anchor(mention, anchor, tense)
    except (IndexError, StopIteration):
        return None, False  # "February 29" with no leap year around the anchor
    # A relative day or week is no finer than the estimate it counts from ("this week" in "c. Jul 2024").
    if (
        mention.month is None
        and mention.season is None
        and GRANULARITY_RANK[period.granularity] < GRANULARITY_RANK[anchor.granularity]
    ):
        period = _period_at(anchor.granularity, period.first)
    return period, published.provenance == "estimated"


def _final_tense(period: Period | None, published: PubDate | None, clause_says: Tense) -> Tense:
    if period and published:
        anchor = published.period()
        if period.first > anchor.last:
            return "expected"
        if period.last < anchor.first:
            return "past"
    return clause_says


def published_event(article: Article) -> Event:
    published = article.published
    period = published.period()
    return Event(
        article_id=article.id,
        text=published.label(),
        start=0,
        end=0,
        sentence="",
        description=f"Published: {article.headline}",
        first=period.first,
        last=period.last,
        granularity=period.granularity,
        approximate=published.provenance == "estimated",
        kind="published",
        value=period.value,
    )


def extract_events(article: Article) -> list[Event]:
    """Every dated mention of an article, plus its publication, in reading order."""
    events: list[Event] = [published_event(article)] if article.published else []
    previous_year: int | None = None
    for sentence, mentions in sentence_mentions(article.body, article.sentences):
        for mention in mentions:
            low, high = clause_span(sentence.text, mention.start)
            tense = clause_tense(sentence.text[low:high])
            period, approximate = resolve(mention, article.published, previous_year, tense)
            if mention.relation == "anaphoric" and period is None:
                continue  # "that year" with no year before it points nowhere we can tell
            if period is not None and period.granularity != "decade":
                previous_year = period.first.year
            events.append(
                Event(
                    article_id=article.id,
                    text=mention.text,
                    start=sentence.start + mention.start,
                    end=sentence.start + mention.end,
                    sentence=sentence.text,
                    description=describe(sentence.text, mention.start, mention.end, clause=(low, high)),
                    first=period.first if period else None,
                    last=period.last if period else None,
                    granularity=period.granularity if period else mention.granularity,
                    modifier=mention.modifier,
                    approximate=approximate,
                    tense=_final_tense(period, article.published, tense),
                    value=period.value if period else None,
                )
            )
    return events
