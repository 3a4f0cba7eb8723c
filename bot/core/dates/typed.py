"""Dates as users type them into `date:`, `start:` and `end:`, read as the calendar period they name."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from bot.core.article import PubDate
from bot.core.dates.events import resolve
from bot.core.dates.mentions import find_mentions
from bot.core.periods import MONTH_NUMBERS, Period, day_period, month_period
from bot.core.replies.reply import UserError
from bot.core.text import truncate

EXAMPLES = (
    "`2022`, `Sep 2022`, `September 2022`, `2022-09-05`, `5 Sept 2022`, `spring 2024`, `Q1 2023`, "
    "`the 2010s`, `early 2022`, `09/2022`, `last year`"
)
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\b", re.I)
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_NUMERIC_MONTH = re.compile(r"(\d{1,2})[/.](\d{4})")  # 09/2022
_NUMERIC_DAY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _normalised(text: str) -> str:
    """Month names capitalised (the text rules only trust capitalised months) and spacing tidied."""
    text = " ".join(text.replace(",", ", ").split()).strip(" .,")
    text = re.sub(r"^(?:in|on|during)\s+", "", text, flags=re.I)
    return _MONTH_WORD.sub(lambda m: m.group(0).capitalize(), text)


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


def parse_period(text: str, today: dt.date) -> Period:
    """The period a user means by `text`, relative phrases counted from `today`; UserError if unreadable."""
    try:
        return _parse_period(text, today)
    except (ValueError, OverflowError) as error:  # year 0, a day past the calendar's end
        raise UserError(f"“{truncate(text.strip(), 80)}” is not on the calendar. Try {EXAMPLES}.") from error


def _parse_period(text: str, today: dt.date) -> Period:
    cleaned = _normalised(text)
    if not cleaned:
        raise UserError(f"That date is empty. Try {EXAMPLES}.")
    iso_month = _ISO_MONTH.fullmatch(cleaned)
    numeric_month = _NUMERIC_MONTH.fullmatch(cleaned)
    if iso_month or numeric_month:
        year, month = iso_month.groups() if iso_month else reversed(numeric_month.groups())
        if not 1 <= int(month) <= 12:
            raise UserError(f"There is no month {month}. Try {EXAMPLES}.")
        return month_period(int(year), int(month))
    numeric = _NUMERIC_DAY.fullmatch(cleaned)
    if numeric:  # 05/09/2022 is read day first, as most of the world writes it
        try:
            return day_period(dt.date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1))))
        except ValueError:
            pass
    period = _from_rules(cleaned, today)
    if period is None and re.search(r"\d|ago|yesterday|day\b", cleaned, re.I):
        found = dateparser.parse(
            cleaned,
            languages=["en"],
            settings={
                "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
                "PREFER_DATES_FROM": "past",
                "DATE_ORDER": "DMY",
            },
        )
        period = day_period(found.date()) if found else None
    if period is None:
        raise UserError(f"I can't read “{truncate(text.strip(), 80)}” as a date. Try {EXAMPLES}.")
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
            f"The end ({truncate(end.strip(), 40)}) comes before the start "
            f"({truncate(start.strip(), 40)}); swap them or widen the range."
        )
    if low > high:
        raise UserError("Those options leave no days between them; try `date:` alone or a wider range.")
    if date and not (start or end):
        return asked
    return Period(low, high, "range", f"{low.isoformat()}/{high.isoformat()}")
