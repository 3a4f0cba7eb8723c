"""Rules for the expressions histories and features use: year ranges ("2009–2010", "1957–58"), centuries,
and seasons or months counted from the story's last date ("the following spring", "that June")."""

from __future__ import annotations

import datetime as dt
import re

from bot.core.dates.rules import _FULL_MONTH, _SEASON, Mention, _mention, _modifier, _month, rule
from bot.core.periods import SEASONS

_ORDINAL_CENTURIES = {
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}
_RANGE_DASH = r"\s?[-–—]\s?"
_LONGEST_RANGE = 30  # years: "1914–18", "1939–1945"; a wider span reads as two numbers, not one range


def _second_year(first: int, written: str) -> int | None:
    """The end of a range whose start is `first`: '58' after 1957 is 1958; None when it is not later."""
    year = first // 100 * 100 + int(written) if len(written) == 2 else int(written)
    if len(written) == 2 and year <= first:
        year += 100  # "1999–00"
    return year if 0 < year - first <= _LONGEST_RANGE else None


# The first year of a range ("2009" in "2009-2010", which the year rule leaves as a number with a dash after it).
@rule(
    rf"(?<![\d,.$£€#-])\b(?P<year>(?:1[89]|20)\d\d)(?={_RANGE_DASH}(?P<end>\d\d(?:\d\d)?)\b(?![-–]\d|%|,\d|\.\d))",
    needs=("digit", "range"),
)
def _range_start(match: re.Match[str]) -> Mention | None:
    if _second_year(int(match.group("year")), match.group("end")) is None:
        return None
    return _mention(match, "year", year=int(match.group("year")))


# … and its last year, written whole or by its last two digits ("1957–58").
@rule(
    rf"(?<=\d)(?<=\b(?:1[89]|20)\d\d){_RANGE_DASH}(?P<end>\d\d(?:\d\d)?)\b(?![-–]\d|%|,\d|\.\d)",
    needs=("digit", "range"),
)
def _range_end(match: re.Match[str]) -> Mention | None:
    text = match.string[: match.start()]
    first = int(text[-4:])
    if len(text) > 4 and (text[-5].isdigit() or text[-5] in ",.$£€#"):
        return None
    year = _second_year(first, match.group("end"))
    return _mention(match, "year", "end", year=year) if year else None


@rule(
    r"\b(?:(?P<mod>early|mid|late|the (?:start|beginning|middle|end) of the)[ -])?"
    r"(?:(?P<n>[12]?\d)(?:st|nd|rd|th)|(?P<word>" + "|".join(_ORDINAL_CENTURIES) + r"))[ -]century\b",
    re.I,
    needs=("unit", "century"),
)
def _century(match: re.Match[str]) -> Mention | None:
    number = int(match.group("n")) if match.group("n") else _ORDINAL_CENTURIES[match.group("word").lower()]
    if not 1 <= number <= 21:
        return None
    modifier = _modifier(match) if match.group("mod") else None
    if match.group("mod") and match.group("mod").lower().endswith(" the"):
        modifier = {"the start of the": "start", "the beginning of the": "start", "the middle of the": "mid"}.get(
            match.group("mod").lower(), "end"
        )
    return _mention(match, "century", year=(number - 1) * 100, modifier=modifier)


# "The following spring", "that summer", "the previous winter", "the next March": counted from the last
# period the story named, not from the day it was published.
_WHICH = {"that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}
_WHICH |= {"the preceding": -1}


_STORY_WHICH = (
    r"\b(?P<which>[Tt]hat same|[Tt]hat|[Tt]he same|[Tt]he following|[Tt]he next|[Tt]he previous|[Tt]he preceding) "
)
_NO_YEAR_AFTER = r"\b(?! of (?:1[89]|20)\d\d)(?! \d)"


@rule(rf"{_STORY_WHICH}{_SEASON}{_NO_YEAR_AFTER}", needs=("season", "anaphora"))
def _story_season(match: re.Match[str]) -> Mention:
    season = SEASONS[match.group("season").lower()]
    return _mention(match, "season", relation="anaphoric", season=season, offset=_WHICH[match.group("which").lower()])


@rule(rf"{_STORY_WHICH}(?P<month>{_FULL_MONTH}){_NO_YEAR_AFTER}", needs=("month", "anaphora"))
def _story_month(match: re.Match[str]) -> Mention:
    return _mention(
        match, "month", relation="anaphoric", month=_month(match), offset=_WHICH[match.group("which").lower()]
    )


# A clock time with its zone names a day of the story: the last day named, else the day of writing:
# "markets closed at 16:08 UTC", "0800 GMT", "6:40 p.m. (GMT +8)".
@rule(
    r"\b(?:(?:[01]?\d|2[0-3]):?[0-5]\d\s*(?:UTC|GMT)\b(?:\s*[+-]\s*\d{1,2})?"
    r"|\d{1,2}(?::[0-5]\d)?\s*[ap]\.m\.(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}\)|\s*(?:UTC|GMT|[ECMP][SD]T)\b))",
    needs=("digit", "clock zone"),
)
def _clock(match: re.Match[str]) -> Mention:
    return _mention(match, "day", relation="current")


# The day of a market report: "to end the day at 7,114", "late in the day", "shares rose 3% on the day".
@rule(
    r"\b(?:(?:end|ended|ending|close|closed|closing|finish|finished|start|started|begin|began)(?: of)? |"
    r"(?:on|for|during|over|in|through(?:out)?) )(?P<the>the day)\b"
    r"(?! (?:of|before|after|when|that|in|on|which|it|he|she|they|and)\b|['’]s|-)",
    re.I,
    needs=("unit", "the day"),
)
def _the_day(match: re.Match[str]) -> Mention:
    return _mention(match, "day", "the", relation="current")


# Decades by their last two digits: "the '80s", "in the 70s".
@rule(r"(?P<decade>[2-9]0)(?:(?<=\bthe [2-9]0)|(?<=['’][2-9]0))['’]?s\b", re.I, needs=("digit", "decade"))
def _short_decade(match: re.Match[str]) -> Mention:
    start = match.start("decade") - (1 if match.string[match.start("decade") - 1] in "'’" else 0)
    return Mention(
        match.string[start : match.end()], start, match.end(), "decade", year=1900 + int(match.group("decade"))
    )


# Numeric dates in running text and key-date lists: "12.03.2024" (dots: always day first), "3/4/2023" and
# "7/8/07" (slashes: day first where the day is above 12, else as the article writes its dates — see
# numeric_day_first).
@rule(
    r"(?<![\d/.,])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:1[89]|20)\d\d|(?<=/)\d\d)(?![\d/]|\.\d)",
    needs=("digit", "numeric date"),
)
def _numeric_date(match: re.Match[str]) -> Mention | None:
    a, b, written = int(match.group("a")), int(match.group("b")), match.group("y")
    year = int(written) if len(written) == 4 else 2000 + int(written) if int(written) < 70 else 1900 + int(written)
    dotted = match.group("sep") == "."
    day, month = (a, b) if dotted or a > 12 else (b, a) if b > 12 else (a, b)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    either = not dotted and a <= 12 and b <= 12 and a != b
    return _mention(match, "day", year=year, month=month, day=day, either_order=either)


_DAY_ABOVE_TWELVE = re.compile(
    r"(?<![\d/.])(?:1[3-9]|2\d|3[01])[/.][01]?\d[/.]\d{2,4}\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b"
)
_MONTH_FIRST = re.compile(r"(?<![\d/.])[01]?\d/(?:1[3-9]|2\d|3[01])/\d{2,4}\b")
_EUROPEAN = re.compile(r"[£€]\s?\d|\d\s?€|\b(?:GMT|BST|CET|CEST)\b")


def numeric_day_first(text: str) -> bool:
    """Whether an article writes numeric dates day first: one of them with a day above 12 or with dots
    says so, one with its second number above 12 says not; else pounds, euros or a European time zone."""
    if _DAY_ABOVE_TWELVE.search(text):
        return True
    if _MONTH_FIRST.search(text):
        return False
    return bool(_EUROPEAN.search(text))
