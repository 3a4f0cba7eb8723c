"""The written forms of typed dates: cleaning what was typed, the exact numeric forms, and the shapes of a range."""

from __future__ import annotations

import datetime as dt
import re

from bot.core.periods import (
    MONTH_NUMBERS,
    Period,
    day_period,
    half_period,
    month_period,
    quarter_period,
    season_period,
    year_period,
)
from bot.core.replies.reply import UserError
from bot.core.script import plain_typed

EXAMPLES = (
    "`2022`, `Sep 2022`, `2022-09-05`, `5 Sept 2022`, `spring 2024`, `Q1 2023`, `H1 2024`, `the 2010s`, `early 2022`"
)
RANGES = "`2022-2023`, `March to May 2023`, `since 2022`, `before 2014` (or `start:` and `end:`)"
HINT = f"Try {EXAMPLES}; for a range, {RANGES}."

_MONTHS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH_WORD = re.compile(rf"\b(?:{_MONTHS})\b", re.I)
_KEPT_MARKS = "-–—/.,'"  # what dates are written with; '?', '!', emoji and other symbols are not part of one
_TWO_DIGIT_YEAR = re.compile(r"'(\d{2})\b")  # Sep '22
_TWO_DIGIT_DECADE = re.compile(r"(?<![\d'])'?(\d0)s\b")  # the 90s, '90s
_ISO_TIME = re.compile(r"(?<=\d)T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b")  # 2022-09-05T10:00Z
_LEAD_WORDS = re.compile(r"^(?:(?:in|on|during|at)\s+)?(?:(?:the\s+)?(?:year|month)(?:\s+of)?\s+)?", re.I)

_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")  # 05/09/2022: day first, as most write it
_ISO_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")  # 2022-09, 2022/09, 2022.09
_MONTH_OF_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")  # 09/2022
_YEAR_THEN_MONTH = re.compile(rf"(\d{{4}})\s*[-/.]?\s*({_MONTHS})\.?", re.I)  # 2022 September
_MONTH_THEN_YEAR = re.compile(rf"({_MONTHS})\.?\s*[-/.]\s*(\d{{4}})", re.I)  # Sep-2022, Sept./2022
_HALF = re.compile(r"h([12])\s*(\d{4})|([12])h\s*(\d{4})|(\d{4})\s*-?\s*h([12])", re.I)
_QUARTER = re.compile(r"q([1-4])\s*(\d{4})|([1-4])q\s*(\d{4})|(\d{4})\s*-?\s*q([1-4])", re.I)

_WINTER = re.compile(r"winter\s+(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})", re.I)  # Winter 2022–23: one season
_BETWEEN = re.compile(r"(?:between|from)\s+(.+?)\s+(?:and|to|until|till|through|thru|-|–|—)\s+(.+)", re.I)
_YEARS = re.compile(r"(\d{4})\s*([-–—/])\s*(\d{4}|\d{2})")  # 2022-2023, 2014–15
_SINCE = re.compile(r"(since|from|after|starting(?:\s+(?:in|from))?)\s+(.+)", re.I)
_UNTIL = re.compile(r"(before|prior\s+to|until|till|up\s+to|through|by)\s+(.+)", re.I)
_SPAN = re.compile(r"(.+?)(?:\s+(?:to|until|till|through|thru)\s+|\s+[-–—]\s+|\s*[–—]\s*)(.+)", re.I)


def _full_year(two_digits: str, today: dt.date) -> int:
    """'22 → 2022, '98 → 1998: the century that puts it nearest to today, no later than next year."""
    year = today.year // 100 * 100 + int(two_digits)
    return year - 100 if year > today.year + 1 else year


def cleaned(text: str, today: dt.date) -> str:
    """A typed date as the forms below read it: invisible and full-width characters made plain, symbols and
    emoji dropped ('2022?', '2022 🎉'), two-digit years in full, lead words gone ('year 2022'), months capitalised
    (the text rules only trust capitalised months)."""
    text = _ISO_TIME.sub("", plain_typed(text).replace("’", "'").replace("‘", "'"))
    text = "".join(c if c.isalnum() or c.isspace() or c in _KEPT_MARKS else " " for c in text)
    text = _TWO_DIGIT_DECADE.sub(lambda m: f"{_full_year(m.group(1), today)}s", text)
    text = _TWO_DIGIT_YEAR.sub(lambda m: str(_full_year(m.group(1), today)), text)
    text = " ".join(text.replace(",", ", ").split()).strip(" .,'")
    text = _LEAD_WORDS.sub("", text)
    return _MONTH_WORD.sub(lambda m: m.group(0).capitalize(), text)


def _month(year: str | int, month: str | int) -> Period:
    if not 1 <= int(month) <= 12:
        raise UserError(f"There is no month {int(month)}. {HINT}")
    return month_period(int(year), int(month))


def exact_period(text: str) -> Period | None:
    """The period of a date written in one of the exact numeric forms; None for any other text."""
    if text.isdigit() and len(text) == 4:
        return year_period(int(text))
    if match := _ISO_DAY.fullmatch(text):
        return day_period(dt.date(*map(int, match.groups())))
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        return day_period(dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
    if match := _ISO_MONTH.fullmatch(text):
        return _month(*match.groups())
    if match := _MONTH_OF_YEAR.fullmatch(text):
        return _month(match.group(2), match.group(1))
    if match := _YEAR_THEN_MONTH.fullmatch(text):
        return _month(match.group(1), MONTH_NUMBERS[match.group(2).lower()])
    if match := _MONTH_THEN_YEAR.fullmatch(text):
        return _month(match.group(2), MONTH_NUMBERS[match.group(1).lower()])
    if match := _HALF.fullmatch(text):
        half, year = [g for g in match.groups() if g]
        return half_period(*((int(year), int(half)) if len(half) == 1 else (int(half), int(year))))
    if (match := _WINTER.fullmatch(text)) and int(match.group(2)) % 100 == (int(match.group(1)) + 1) % 100:
        return season_period(int(match.group(1)), "WI")
    if match := _QUARTER.fullmatch(text):
        quarter, year = [g for g in match.groups() if g]
        return quarter_period(*((int(year), int(quarter)) if len(quarter) == 1 else (int(quarter), int(year))))
    return None


RangeParts = tuple[str | None, str | None, str, str]


def range_parts(text: str) -> RangeParts | None:
    """A range's two ends as typed, and how each bounds it: (start, end, 'from' or 'after', 'to' or 'before').
    An open end is None: 'since 2022' → ('2022', None, 'from', 'to'). None when the text is not a range."""
    if _WINTER.fullmatch(text):
        return None
    if match := _BETWEEN.fullmatch(text):
        return match.group(1), match.group(2), "from", "to"
    if match := _YEARS.fullmatch(text):
        first, mark, second = match.groups()
        if len(second) == 2:
            if mark in "-/" and int(second) <= 12:
                return None  # 2022-09: a month
            second = str(int(first) // 100 * 100 + int(second))
        return (first, second, "from", "to") if int(second) > int(first) else None
    if match := _SINCE.fullmatch(text):
        return match.group(2), None, "after" if match.group(1).lower() == "after" else "from", "to"
    if match := _UNTIL.fullmatch(text):
        word = match.group(1).lower().split()[0]
        return None, match.group(2), "from", "before" if word in ("before", "prior") else "to"
    if match := _SPAN.fullmatch(text):
        return match.group(1), match.group(2), "from", "to"
    return None
