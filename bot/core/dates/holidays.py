"""Holidays that news names instead of a date, and the day each falls on in a given year (US-centred, as the
wire copy the rules are written for)."""

from __future__ import annotations

import datetime as dt


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return dt.date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th such weekday of a month (0 = Monday); n = -1 for the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _election_day(year: int) -> dt.date | None:
    # the Tuesday after the first Monday of November, in even years
    return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1) if year % 2 == 0 else None


# Each holiday by the key the rules give it, and its day in a year.
HOLIDAYS = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "easter": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "election day": _election_day,
}
# How texts write them, lower-cased, to the key above.
SPELLINGS = {
    "christmas day": "christmas",
    "christmas": "christmas",
    "christmas eve": "christmas eve",
    "new year's day": "new year's day",
    "new year's eve": "new year's eve",
    "independence day": "independence day",
    "the fourth of july": "independence day",
    "july fourth": "independence day",
    "valentine's day": "valentine's day",
    "halloween": "halloween",
    "veterans day": "veterans day",
    "thanksgiving": "thanksgiving",
    "thanksgiving day": "thanksgiving",
    "labor day": "labor day",
    "memorial day": "memorial day",
    "easter": "easter",
    "easter sunday": "easter",
    "good friday": "good friday",
    "election day": "election day",
}


# A capitalised word every written holiday holds (the trigger the holiday rule needs first).
HOLIDAY_WORDS = (
    "Christmas",
    "New Year",
    "Independence",
    "Fourth",
    "Valentine",
    "Halloween",
    "Veterans",
    "Thanksgiving",
    "Labor Day",
    "Memorial",
    "Easter",
    "Good Friday",
    "Election Day",
)


def holiday_date(key: str, year: int) -> dt.date | None:
    return HOLIDAYS[key](year)
