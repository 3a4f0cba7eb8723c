"""Placing a year-less or relative mention on the calendar against a reference period (the publication
date, its estimate, or the last date the text named)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from bot.core.dates.holidays import holiday_date
from bot.core.dates.rules import Mention
from bot.core.periods import (
    Period,
    day_period,
    decade_period,
    half_period,
    month_period,
    quarter_period,
    season_period,
    week_period,
    year_period,
)

Tense = Literal["past", "expected"]
# How to choose among a year-less expression's occurrences: as the clause's tense says, or ("before") the
# latest begun by the reference day, as a user means "November" typed into a search.
Direction = Literal["past", "expected", "before"]


_REPORTING_LAG = 60  # days


def _candidate(mention: Mention, year: int) -> Period | None:
    if mention.season:
        return season_period(year, mention.season)
    if mention.holiday:
        day = holiday_date(mention.holiday, year)
        return day_period(day) if day else None
    if mention.quarter:
        return quarter_period(year, mention.quarter)
    if mention.half:
        return half_period(year, mention.half)
    if mention.day and mention.month:
        try:
            last = dt.date(year, mention.month, mention.last_day) if mention.last_day else None
            return day_period(dt.date(year, mention.month, mention.day), last)
        except ValueError:
            return None  # 29 February of a common year
    if mention.month and mention.weekday is None:
        return month_period(year, mention.month)
    return None


def candidates(mention: Mention, year: int) -> list[Period]:
    """The periods a year-less month, season, quarter, holiday or day could be, around a given year."""
    return [p for y in (year - 1, year, year + 1) if (p := _candidate(mention, y)) is not None]


def shift(day: dt.date, unit: str, count: int) -> dt.date:
    if unit in ("day", "week"):
        return day + dt.timedelta(days=count * (7 if unit == "week" else 1))
    if unit in ("month", "quarter"):
        months = 3 if unit == "quarter" else 1
        index = day.year * 12 + day.month - 1 + count * months
        return dt.date(index // 12, index % 12 + 1, 1)
    return dt.date(day.year + count, 1, 1)


def period_at(unit: str, day: dt.date) -> Period:
    return {
        "day": day_period,
        "week": week_period,
        "month": lambda d: month_period(d.year, d.month),
        "quarter": lambda d: quarter_period(d.year, (d.month - 1) // 3 + 1),
        "half": lambda d: half_period(d.year, 1 if d.month <= 6 else 2),
        "year": lambda d: year_period(d.year),
    }[unit](day)


_CENTURY_THIRDS = {"start": (0, 33), "mid": (34, 66), "end": (67, 99)}


def century_period(first_year: int, modifier: str | None) -> Period:
    """'The 19th century': 1800–1899 (TIMEX3 '18', drawn as a decade's span is), or the third of it that
    'early', 'mid' or 'late' names."""
    low, high = _CENTURY_THIRDS.get(modifier or "", (0, 99))
    first, last = dt.date(first_year + low, 1, 1), dt.date(first_year + high, 12, 31)
    return Period(first, last, "decade", f"{first_year // 100:02d}")


def absolute(mention: Mention) -> Period:
    if mention.granularity == "century":
        return century_period(mention.year, mention.modifier)
    if mention.granularity == "decade":
        return decade_period(mention.year)
    if mention.season:
        return season_period(mention.year, mention.season)
    if mention.quarter:
        return quarter_period(mention.year, mention.quarter)
    if mention.half:
        return half_period(mention.year, mention.half)
    if mention.holiday:
        day = holiday_date(mention.holiday, mention.year)
        if day is None:
            raise ValueError(mention.holiday)
        return day_period(day)
    if mention.day:
        last = dt.date(mention.year, mention.month, mention.last_day) if mention.last_day else None
        return day_period(dt.date(mention.year, mention.month, mention.day), last)
    return month_period(mention.year, mention.month) if mention.month else year_period(mention.year)


def _distance(period: Period, ref: dt.date) -> int:
    if period.first > ref:
        return (period.first - ref).days
    return max(0, (ref - period.last).days)


def _weekday(mention: Mention, ref: dt.date, tense: Direction) -> Period:
    if mention.relation == "this":
        return day_period(ref - dt.timedelta(days=ref.weekday() - mention.weekday))
    if mention.relation == "next":
        return day_period(ref + dt.timedelta(days=(mention.weekday - ref.weekday()) % 7 or 7))
    if mention.relation == "bare" and tense == "expected":  # "talks resume Friday": today or the coming one
        return day_period(ref + dt.timedelta(days=(mention.weekday - ref.weekday()) % 7))
    back = (ref.weekday() - mention.weekday) % 7  # the most recent such day, at most 6 days back
    return day_period(ref - dt.timedelta(days=back or (7 if mention.relation == "last" else 0)))


def from_anchor(mention: Mention, anchor: Period, tense: Direction) -> Period:
    """A year-less or relative expression placed against the publication date (or its estimate)."""
    ref = anchor.first
    if mention.weekday is not None:
        day = _weekday(mention, ref, tense)
        return week_period(day.first) if mention.granularity == "week" else day  # "the weekend"
    if mention.relation == "ago" and mention.quarter:  # "last year's third quarter"
        return quarter_period(ref.year + mention.offset, mention.quarter)
    if mention.relation == "ago" and mention.half:
        return half_period(ref.year + mention.offset, mention.half)
    if mention.relation == "ago" and mention.month and not mention.day:  # "June last year"
        return month_period(ref.year + mention.offset, mention.month)
    if mention.month or mention.season or mention.holiday or mention.quarter or mention.half:
        options = candidates(mention, ref.year)
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
        if (mention.quarter or mention.half) and tense == "expected":
            # results are reported after the quarter ends: one ended within two months is still the one meant
            return next(p for p in options if (ref - p.last).days <= _REPORTING_LAG)
        if tense == "expected":
            return next(p for p in options if p.last >= ref)
        if mention.quarter or mention.half or tense == "before":  # reported results: the latest begun
            return [p for p in options if p.first <= ref][-1]
        # The clause says nothing of the future, which is not to say it speaks of the past ("payable Nov. 21"):
        # the occurrence nearest the date, a coming one counted twice as far (the past is likelier).
        return min(options, key=lambda p: (_distance(p, ref) * (2 if p.first > ref else 1), p.first > ref))
    unit = mention.granularity
    offset = {"this": 0, "last": -1, "next": 1}.get(mention.relation, mention.offset)
    return period_at(unit, shift(ref, unit, offset))


def from_previous(mention: Mention, previous: Period) -> Period | None:
    """'The next day', 'that same week', 'the following month' counted from the last date the text named;
    None when that date is coarser than the unit ("in March … the next day")."""
    unit = mention.granularity
    if unit == "quarter":  # "the quarter": only the one just named
        return previous if previous.granularity == "quarter" else None
    order = ("day", "week", "month")
    if unit not in order or previous.granularity not in order or order.index(previous.granularity) > order.index(unit):
        return None
    if previous.first != previous.last and unit == "day":
        return None  # a range of days: which one "the next day" follows is unclear
    return period_at(unit, shift(previous.first, unit, mention.offset))
