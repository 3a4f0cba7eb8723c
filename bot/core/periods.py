"""The calendar: month, weekday and season names, calendar periods, and how a period is labelled."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

# English whatever the locale (strftime's %b and %B follow LC_TIME).
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)  # "Jan" … "Dec", as labels print them
# Every spelling of a month that texts and users write, in lower case: full, "sept", three letters.
MONTH_NUMBERS = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelling in dict.fromkeys((name.lower(), *(("sept",) if number == 9 else ()), name[:3].lower()))
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Seasons by their TIMEX3 codes: the name a label prints, the month the season begins (northern
# hemisphere, meteorological), and the words that name it.
_SEASON_TABLE = (
    ("SP", "Spring", 3, ("spring",)),
    ("SU", "Summer", 6, ("summer",)),
    ("FA", "Autumn", 9, ("autumn", "fall")),
    ("WI", "Winter", 12, ("winter",)),
)
SEASONS = {word: code for code, _, _, words in _SEASON_TABLE for word in words}  # "fall" → "FA"
SEASON_NAMES = {code: name for code, name, _, _ in _SEASON_TABLE}
SEASON_FIRST_MONTH = {code: month for code, _, month, _ in _SEASON_TABLE}


def month_number(word: str) -> int | None:
    """The month a word names, in full or cut short after three letters or more: 'Sep', 'Sept', 'Septem'."""
    word = word.lower()
    if len(word) >= 3:
        for number, name in enumerate(MONTH_NAMES, start=1):
            if name.lower().startswith(word):
                return number
    return None


@dataclass(frozen=True)
class Period:
    """A calendar period at a granularity, with its TIMEX3-style value."""

    first: dt.date
    last: dt.date
    granularity: str
    value: str


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def day_period(day: dt.date, last: dt.date | None = None) -> Period:
    value = day.isoformat() if last is None or last == day else f"{day.isoformat()}/{last.isoformat()}"
    return Period(day, last or day, "day", value)


def week_period(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    iso = day.isocalendar()
    return Period(monday, monday + dt.timedelta(days=6), "week", f"{iso.year}-W{iso.week:02d}")


def month_period(year: int, month: int) -> Period:
    return Period(*month_span(year, month), "month", f"{year}-{month:02d}")


def season_period(year: int, season: str) -> Period:
    first_month = SEASON_FIRST_MONTH[season]
    last_year, last_month = (year + 1, 2) if season == "WI" else (year, first_month + 2)
    return Period(dt.date(year, first_month, 1), month_span(last_year, last_month)[1], "season", f"{year}-{season}")


def quarter_period(year: int, quarter: int) -> Period:
    return Period(dt.date(year, 3 * quarter - 2, 1), month_span(year, 3 * quarter)[1], "quarter", f"{year}-Q{quarter}")


def half_period(year: int, half: int) -> Period:
    return Period(dt.date(year, 6 * half - 5, 1), month_span(year, 6 * half)[1], "half", f"{year}-H{half}")


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", str(year))


def decade_period(decade: int) -> Period:
    return Period(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade", f"{decade // 10}X")


_PART_WORDS = {"start": "early", "mid": "mid", "end": "late"}
_THIRDS = {"start": 0, "mid": 1, "end": 2}


def narrowed(period: Period, modifier: str | None) -> Period:
    """The part of a period that 'early', 'mid' or 'late' names: its first, middle or last third (a month by
    days 1–10, 11–20, 21–end; a decade by years 0–3, 4–6, 7–9; longer periods by whole months)."""
    if modifier not in _THIRDS or period.granularity in ("day", "week"):
        return period
    third = _THIRDS[modifier]
    first, last = period.first, period.last
    if period.granularity == "month":
        first = first.replace(day=(1, 11, 21)[third])
        last = last if third == 2 else first.replace(day=(10, 20)[third])
    elif period.granularity == "decade":
        first, last = dt.date(first.year + (0, 4, 7)[third], 1, 1), dt.date(first.year + (3, 6, 9)[third], 12, 31)
    else:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months % 3:
            return period
        start = first.year * 12 + first.month - 1 + third * months // 3
        end = start + months // 3 - 1
        first, last = dt.date(start // 12, start % 12 + 1, 1), month_span(end // 12, end % 12 + 1)[1]
    return Period(first, last, period.granularity, period.value)


def _day_month(day: dt.date) -> str:
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]}"


def period_label(
    first: dt.date,
    last: dt.date,
    granularity: str,
    value: str = "",
    modifier: str | None = None,
    approximate: bool = False,
) -> str:
    """A period as a reader says it: '5 Sep 2022', 'Sep 2022', 'Spring 2022', 'mid-2022', 'c. Jul 2024'."""
    if granularity == "day":
        if first == last:
            text = f"{_day_month(first)} {first.year}"
        elif (first.year, first.month) == (last.year, last.month):
            text = f"{first.day}–{_day_month(last)} {first.year}"
        else:
            text = f"{_day_month(first)} – {_day_month(last)} {last.year}"
    elif granularity == "week":
        text = f"week of {_day_month(first)} {first.year}"
    elif granularity == "month":
        text = f"{MONTH_ABBREVIATIONS[first.month - 1]} {first.year}"
    elif granularity == "season":
        season = SEASON_NAMES.get(value[-2:], "Season")
        year = int(value[:4]) if value[:4].isdigit() else first.year  # a narrowed winter still names its December
        text = f"{season} {year}" + (f"–{str(year + 1)[2:]}" if value.endswith("WI") or last.year != year else "")
    elif granularity == "quarter":
        text = f"Q{(first.month - 1) // 3 + 1} {first.year}"
    elif granularity == "half":
        text = f"H{1 if first.month <= 6 else 2} {first.year}"
    elif granularity == "decade":
        text = f"{first.year // 10 * 10}s"
    elif granularity == "year":
        text = str(first.year)
    else:
        text = f"{period_label(first, first, 'day')} – {period_label(last, last, 'day')}"
    if modifier:
        part = _PART_WORDS[modifier]
        if granularity == "season":
            text = text[0].lower() + text[1:]
        text = f"{part}-{text}" if part == "mid" else f"{part} {text}"
    return f"c. {text}" if approximate else text
