"""Dates as users type them into `date:`, `start:` and `end:`, read as the calendar period they name.

Nothing a user leaves out is taken from today: `2022` is the whole year and `Sep 2022` the whole month. Only
words that point at today name a period counted from it — `last spring`, `this year`, `yesterday`, and a month,
season or day named without its year (`November`, `5 Sept`), which is the latest one up to today. Replies say
which period they read (see `understood`), so the year such a phrase got is never hidden.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from bot.core.article import PubDate
from bot.core.dates.events import resolve
from bot.core.dates.mentions import find_mentions
from bot.core.dates.typed_forms import HINT, cleaned, exact_period, range_parts
from bot.core.periods import MONTH_ABBREVIATIONS, Period, day_period, period_label, week_period
from bot.core.replies.markdown import echo
from bot.core.replies.reply import UserError

# dateparser reads what our own forms and rules do not ('September the 5th, 2022', 'in 3 days'), but left to
# itself it fills the parts a text leaves out from today ('H1 2024' → 1 Dec 2024): it must find a day, a
# month and a year in the text, or a count of days or weeks from today.
_RELATIVE_DAYS = re.compile(r"\b(?:ago|yesterday|today|tomorrow|fortnight|days?|weeks?)\b", re.I)
_DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
_YEAR = re.compile(r"\b\d{4}\b")


def _from_rules(text: str, today: dt.date) -> Period | None:
    """The period when the whole input is one expression the article rules know."""
    for attempt in (text, f"in {text}", f"the {text}"):
        mentions = find_mentions(attempt)
        if (
            len(mentions) != 1
            or attempt[mentions[0].end :].strip(" ,.")
            or attempt[: mentions[0].start].strip() not in ("", "in", "the")
        ):
            continue
        period, _ = resolve(mentions[0], PubDate(today), None, "before")
        if period is not None and mentions[0].modifier:  # "late 2022": its last third, as a range of days
            return Period(period.first, period.last, "range", f"{period.first.isoformat()}/{period.last.isoformat()}")
        if period is not None:
            return period
    return None


def _from_dateparser(text: str, today: dt.date) -> Period | None:
    if not re.search(r"\d", text) and not _RELATIVE_DAYS.search(text):
        return None
    settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": dt.datetime.combine(today, dt.time())}
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        return None
    if not _YEAR.search(text) and not _RELATIVE_DAYS.search(text):  # '90s' is not 90 seconds ago
        return None
    return day_period(found.date())


_WEEK_OF = re.compile(r"(?:the\s+)?week\s+of\s+(.+)", re.I)  # as replies label a week: 'week of 12 Sep 2022'


def _single(text: str, today: dt.date) -> Period | None:
    """One period (no range) as typed, or None when it is not one."""
    if week := _WEEK_OF.fullmatch(text):
        day = _single(week.group(1), today)
        return week_period(day.first) if day is not None and day.granularity == "day" else None
    return exact_period(text) or _from_rules(text, today) or _from_dateparser(text, today)


def _range(text: str, today: dt.date) -> Period | None:
    """A range typed into one option: 'between March and May 2023', '2022-2023', 'since 2022', 'before 2014'."""
    parts = range_parts(text)
    if parts is None:
        return None
    start_text, end_text, start_side, end_side = parts
    end = _single(end_text, today) if end_text else None
    start = None
    if start_text and end_text and not _YEAR.search(start_text):
        # 'March to May 2023', '5 to 9 September 2022': the start takes the end's year (and month)
        words = end_text.split()
        for cut in range(1, len(words)):
            start = _single(f"{start_text} {' '.join(words[cut:])}", today)
            if start is not None:
                break
    if start_text and start is None:
        start = _single(start_text, today)
    if (start_text and start is None) or (end_text and end is None):
        raise UserError(f"I can't read both ends of {echo(text, 80)}. {HINT}")
    first = dt.date.min if start is None else (start.first if start_side == "from" else start.last + dt.timedelta(1))
    last = dt.date.max if end is None else (end.last if end_side == "to" else end.first - dt.timedelta(1))
    if first > last:
        raise UserError(f"{echo(text, 80)} ends before it starts; swap its ends. {HINT}")
    return Period(first, last, "range", f"{first.isoformat()}/{last.isoformat()}")


def parse_period(text: str, today: dt.date) -> Period:
    """The period a user means by `text`, relative phrases counted from `today`; UserError if unreadable."""
    try:
        words = cleaned(text, today)
        if not words:
            raise UserError(f"That date is empty. {HINT}")
        period = _range(words, today) or _single(words, today)
    except (ValueError, OverflowError) as error:  # year 0, a day past the calendar's end
        raise UserError(f"{echo(text.strip(), 80)} is not on the calendar. {HINT}") from error
    if period is None:
        raise UserError(f"I can't read {echo(text.strip(), 80)} as a date. {HINT}")
    return period


def parse_range(date: str | None, start: str | None, end: str | None, today: dt.date) -> Period | None:
    """The period asked for by `date:` or `start:`/`end:` (either end open); None when none is given."""
    if not (date or start or end):
        return None
    low, high = dt.date.min, dt.date.max
    if date:
        asked = parse_period(date, today)
        low, high = asked.first, asked.last
    if start:
        start_period = parse_period(start, today)
        low = max(low, start_period.first) if date else start_period.first
    if end:
        end_period = parse_period(end, today)
        high = min(high, end_period.last) if date else end_period.last
    if start and end and end_period.last < start_period.first:
        raise UserError(
            f"The end ({echo(end.strip(), 40)}) comes before the start ({echo(start.strip(), 40)}); "
            "swap them or widen the range."
        )
    if low > high:
        raise UserError("Those options leave no days between them; try `date:` alone or a wider range.")
    if date and not (start or end):
        return asked
    return Period(low, high, "range", f"{low.isoformat()}/{high.isoformat()}")


def _starting(day: dt.date) -> str:
    """The coarsest period starting on `day`: '2022', 'Mar 2023', '5 Mar 2023'."""
    if (day.month, day.day) == (1, 1):
        return str(day.year)
    if day.day == 1:
        return f"{MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"
    return period_label(day, day, "day")


def understood(period: Period) -> str:
    """The period a reply read, as a reader says it: 'Sep 2022', 'H1 2024', 'Mar – May 2023', 'since 2022'."""
    first, last = period.first, period.last
    if period.granularity != "range":
        return period_label(first, last, period.granularity, period.value)
    if first == dt.date.min:
        return "any date" if last == dt.date.max else f"before {_starting(last + dt.timedelta(1))}"
    if last == dt.date.max:
        return f"since {_starting(first)}"
    following = last + dt.timedelta(1)
    if (first.month, first.day, following.month, following.day) == (1, 1, 1, 1):  # whole years
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if first.day == 1 and following.day == 1:  # whole months
        low, high = (period_label(day, day, "month") for day in (first, last))
        if low == high:
            return low
        return f"{low.removesuffix(f' {last.year}')} – {high}"
    if first.year != last.year:
        return f"{period_label(first, first, 'day')} – {period_label(last, last, 'day')}"
    return period_label(first, last, "day")
