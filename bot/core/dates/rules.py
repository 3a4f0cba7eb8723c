"""Rules that find time expressions in text and say what each names, before it is anchored to a date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.core.lexicon import NUMBER_WORDS
from bot.core.periods import MONTH_NAMES, MONTH_NUMBERS, SEASONS, WEEKDAY_NAMES

# "current": the day a report is about, the last day the text named if it named one, else the day of writing
Relation = Literal["absolute", "bare", "this", "last", "next", "ago", "anaphoric", "current"]

# Month names are matched only capitalised, so "may" the verb never counts; abbreviations need a day or year.
_FULL_MONTH = "|".join(MONTH_NAMES)
_SHORT_MONTH = "|".join(s.capitalize() for s in MONTH_NUMBERS if s.capitalize() not in MONTH_NAMES)  # Jan … Sept|Sep …
_MONTH = rf"(?P<month>{_FULL_MONTH}|{_SHORT_MONTH})\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_RANGE = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_PART = r"(?i:(?P<mod>early|mid|late|the (?:start|beginning|middle|end) of)[ -])"
_SEASON = "(?P<season>" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in SEASONS) + ")"  # [Ss]pring|…
# A number that only looks like a year: money, counts of things, parts of bigger numbers.
_NOT_A_YEAR_AFTER = (
    r"(?![\d%]|[.,]\d|-\d|\s*(?:percent|per cent|troops|soldiers|people|men|shells|rounds|drones|"
    r"missiles|tanks|km|kilometres|kilometers|miles|metres|meters|dollars|euros|pounds|tonnes|"
    r"tons|votes|deaths|casualties|hours|feet|billion|million)\b)"
)
# Two rules that run on most sentences with a number or a unit, written to begin with a character class so
# that the regex engine skips at C speed to where they can match (5× faster; tests compare them with these
# plain forms):
#   (?<![\d,.$£€#-])(?<!No\. )\b{_YEAR}
#   (?i)(?<!\bthe )\b(?P<rel>this|last|next)\s+(?P<unit>week|weekend|month|year)\b
_YEAR_ALONE = r"(?P<year>[12](?<![\d,.$£€#-][12])(?<!No\. [12])(?<!\w[12])(?:(?<=1)[89]\d\d|(?<=2)0\d\d))"
_THIS_UNIT = (
    r"(?P<rel>[TtLlNn](?<!\w.)(?i:(?<!\bthe .)(?:(?<=t)his|(?<=l)ast|(?<=n)ext)))"
    r"(?i:\s+(?P<unit>week|weekend|month|year)\b)"
)
_MODIFIERS = {
    "early": "start",
    "the start of": "start",
    "the beginning of": "start",
    "mid": "mid",
    "the middle of": "mid",
    "late": "end",
    "the end of": "end",
}
_ANAPHORA = {
    "that": 0,
    "the same": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
    "later": 1,
    "earlier": -1,
    "before": -1,
}


@dataclass(frozen=True)
class Mention:
    """One time expression as written: its span in the searched text and the calendar pieces it gives."""

    text: str
    start: int
    end: int
    granularity: str  # day, week, month, season, quarter, year, decade
    relation: Relation = "absolute"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    last_day: int | None = None  # the end of a day range such as "June 7 to 8"
    season: str | None = None  # SP, SU, FA, WI
    quarter: int | None = None
    half: int | None = None  # 1 or 2: "the first half"
    holiday: str | None = None  # a key of bot.core.dates.holidays.HOLIDAYS
    weekday: int | None = None  # 0 = Monday
    offset: int = 0  # units back or forward, for "two weeks ago" and "the following year"
    modifier: str | None = None
    either_order: bool = False  # a numeric date both day-first and month-first could read: 3/4/2023


Builder = Callable[[re.Match[str]], Mention | None]
RULES: list[tuple[re.Pattern[str], Builder, tuple[str, ...]]] = []  # in order: on a tie the earlier rule wins


def rule(pattern: str, flags: int = 0, needs: tuple[str, ...] = ("digit",)) -> Callable[[Builder], Builder]:
    """Register a rule with the trigger words every match of it contains, by name (bot.core.dates.mentions
    searches for them, and tries the rule only on a text that holds them all)."""

    def register(builder: Builder) -> Builder:
        RULES.append((re.compile(pattern, flags), builder, needs))
        return builder

    return register


def _mention(match: re.Match[str], granularity: str, group: str | int = 0, **parts: object) -> Mention:
    start = match.start(group) if isinstance(group, int) else match.start(group)
    return Mention(match.string[start : match.end()], start, match.end(), granularity, **parts)


def _modifier(match: re.Match[str]) -> str | None:
    found = match.groupdict().get("mod")
    return _MODIFIERS[found.lower()] if found else None


def _month(match: re.Match[str]) -> int:
    return MONTH_NUMBERS[match.group("month").lower().rstrip(".")]


def _day_parts(match: re.Match[str]) -> dict[str, object] | None:
    day, day2, year = int(match.group("day")), match.group("day2"), match.group("year")
    # the longest the month can be: "30 February" or "31 April" is not a date (29 February only in leap years)
    longest = calendar.monthrange(int(year) if year else 2000, _month(match))[1]
    if not 1 <= day <= longest or (day2 and not day < int(day2) <= longest):
        return None
    return {
        "relation": "absolute" if year else "bare",
        "year": int(year) if year else None,
        "month": _month(match),
        "day": day,
        "last_day": int(day2) if day2 else None,
    }


@rule(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])", needs=("digit", "iso-dash"))
def _iso_date(match: re.Match[str]) -> Mention | None:
    year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return _mention(match, "day", year=year, month=month, day=day)


@rule(rf"\b{_MONTH} {_DAY}{_DAY_RANGE}(?:,? {_YEAR})?\b(?!\.?\d|,\d)", needs=("digit", "month"))
def _month_day(match: re.Match[str]) -> Mention | None:
    parts = _day_parts(match)
    return _mention(match, "day", **parts) if parts else None


@rule(rf"(?<![\d,.$])\b{_DAY}{_DAY_RANGE} (?:of )?{_MONTH}\b(?:,? {_YEAR}\b)?", needs=("digit", "month"))
def _day_month(match: re.Match[str]) -> Mention | None:
    parts = _day_parts(match)
    return _mention(match, "day", **parts) if parts else None


@rule(rf"\b{_PART}?{_MONTH},? (?:of )?{_YEAR}\b{_NOT_A_YEAR_AFTER}", needs=("digit", "month"))
def _month_year(match: re.Match[str]) -> Mention:
    return _mention(match, "month", year=int(match.group("year")), month=_month(match), modifier=_modifier(match))


@rule(rf"\b(?:[Tt]he )?{_PART}?{_SEASON},? (?:of )?{_YEAR}\b{_NOT_A_YEAR_AFTER}", needs=("digit", "season"))
def _season_year(match: re.Match[str]) -> Mention:
    return _mention(
        match,
        "season",
        year=int(match.group("year")),
        season=SEASONS[match.group("season").lower()],
        modifier=_modifier(match),
    )


@rule(rf"(?<![\d$])\b(?:{_PART}|(?i:(?P<mid>mid)-)){_YEAR}\b{_NOT_A_YEAR_AFTER}", needs=("digit", "part-year"))
def _part_of_year(match: re.Match[str]) -> Mention:
    return _mention(match, "year", year=int(match.group("year")), modifier=_modifier(match) or "mid")


@rule(rf"\b(?:[Tt]he )?{_PART}?(?P<decade>1[89]\d0|20\d0)['’]?s\b", needs=("digit", "decade"))
def _decade(match: re.Match[str]) -> Mention:
    return _mention(match, "decade", year=int(match.group("decade")), modifier=_modifier(match))


@rule(
    rf"\b(?:(?:[Tt]he )?(?P<q>first|second|third|fourth) quarter of|Q(?P<qn>[1-4]),?) {_YEAR}\b",
    needs=("digit", "quarter"),
)
def _quarter(match: re.Match[str]) -> Mention:
    quarter = (
        int(match.group("qn"))
        if match.group("qn")
        else ["first", "second", "third", "fourth"].index(match.group("q")) + 1
    )
    return _mention(match, "quarter", year=int(match.group("year")), quarter=quarter)


@rule(rf"{_YEAR_ALONE}\b{_NOT_A_YEAR_AFTER}")
def _year(match: re.Match[str]) -> Mention:
    return _mention(match, "year", year=int(match.group("year")))


# A month without day or year counts only after a preposition or a modifier: "in May", "last October".
@rule(
    rf"(?:\b(?P<prep>[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f|"
    rf"[Ff]or(?= (?!May\b)))\s+)?"  # "for May" is as often Theresa May
    rf"(?:(?P<rel>(?i:last|next|this))\s+|{_PART})?(?P<month>{_FULL_MONTH})\b(?!\s*\d)(?!['’]s\b)",
    needs=("month",),
)
def _bare_month(match: re.Match[str]) -> Mention | None:
    if not (match.group("prep") or match.group("rel") or match.group("mod")):
        return None
    relation = match.group("rel").lower() if match.group("rel") else "bare"
    start = "rel" if match.group("rel") else "mod" if match.group("mod") else "month"
    return _mention(match, "month", start, relation=relation, month=_month(match), modifier=_modifier(match))


@rule(
    rf"\b(?:(?P<rel>(?i:this past|this|last|next|the))[ ]|{_PART}|(?P<poss>['’]s) ){_SEASON}\b"
    rf"(?! of (?!(?:1[89]|20)\d\d))",
    needs=("season",),
)
def _bare_season(match: re.Match[str]) -> Mention | None:
    rel = (match.group("rel") or "").lower()
    if match.group("season").lower() == "fall" and (rel == "the" or match.group("poss")):
        return None  # "the fall of Bakhmut", "Russia's fall"
    relation = {"this past": "last", "this": "this", "last": "last", "next": "next"}.get(rel, "bare")
    group = "season" if match.group("poss") else "rel" if rel else "mod"
    return _mention(
        match,
        "season",
        group,
        relation=relation,
        season=SEASONS[match.group("season").lower()],
        modifier=_modifier(match),
    )


@rule(_THIS_UNIT, needs=("unit",))
def _relative_unit(match: re.Match[str]) -> Mention | None:
    if match.group("unit")[0].isupper():
        return None  # a title: ABC's "This Week"
    unit = match.group("unit").lower()
    return _mention(match, "week" if unit == "weekend" else unit, relation=match.group("rel").lower())


@rule(r"\bthe new year\b", re.I, ("unit", "the new year"))
def _new_year(match: re.Match[str]) -> Mention:
    return _mention(match, "year", relation="next", modifier="start")


@rule(
    rf"\b(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.I,
    needs=("unit", "ago"),
)
def _ago(match: re.Match[str]) -> Mention:
    number = match.group("n").lower()
    count = int(number) if number.isdigit() else NUMBER_WORDS[number]
    return _mention(match, match.group("unit").lower(), relation="ago", offset=-count)


@rule(r"\b(?P<word>yesterday|tomorrow)\b", re.I, ("unit", "yesterday"))
def _yesterday(match: re.Match[str]) -> Mention | None:
    if re.search(r"\b(?:of|the)\s+$", match.string[max(0, match.start() - 5) : match.start()], re.I):
        return None  # "the people of tomorrow"
    return _mention(match, "day", relation="ago", offset=-1 if match.group("word").lower() == "yesterday" else 1)


# A weekday alone counts too ("the talks collapsed Friday"), but not in a name: "Black Monday", "Super Tuesday".
# The pattern begins with the weekday, so that the search skips at C speed to one; what comes before it is
# read by the builder.
_BEFORE_WEEKDAY = re.compile(
    r"(?:\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)|(?P<name>\b(?:Black|Super|Cyber|Good|Holy|Ash|Easter|Palm|Maundy)))\s+$"
)


@rule(
    rf"\b(?P<weekday>{'|'.join(WEEKDAY_NAMES)})\b(?!s\b)(?! (?:Times|Night Football|Club)\b)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
    needs=("unit", "weekday"),
)
def _weekday(match: re.Match[str]) -> Mention | None:
    before = _BEFORE_WEEKDAY.search(match.string, max(0, match.start() - 10), match.start())
    if before and before.group("name"):
        return None
    start = before.start("rel") if before else match.start()
    return Mention(
        match.string[start : match.end()],
        start,
        match.end(),
        "day",
        relation=before.group("rel").lower() if before else "bare",
        weekday=WEEKDAY_NAMES.index(match.group("weekday")),
    )


@rule(
    r"\b(?P<which>that|the same|the following|the next|the previous|the preceding) year\b"
    r"|\ba year (?P<which2>later|earlier|before)\b(?! than\b)|\bthe year (?P<which3>before)\b",
    re.I,
    needs=("unit", "year"),
)
def _anaphoric_year(match: re.Match[str]) -> Mention:
    which = (match.group("which") or match.group("which2") or match.group("which3")).lower()
    return _mention(match, "year", relation="anaphoric", offset=_ANAPHORA[which])
