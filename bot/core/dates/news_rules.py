"""Rules for the expressions wire copy uses beyond plain dates: today and tonight, quarters and halves,
holidays, years spelled out, "a decade ago", and days counted from the last date named."""

from __future__ import annotations

import re

from bot.core.dates.holidays import SPELLINGS
from bot.core.dates.rules import _ANAPHORA, _FULL_MONTH, _YEAR, Mention, _mention, _modifier, _month, rule
from bot.core.periods import WEEKDAY_NAMES

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 2}
_REL_YEAR = {"this": 0, "last": -1, "next": 1}
_UNIT_ANAPHORA = {**_ANAPHORA, "that same": 0}  # lookups only: the rule's pattern spells the words
_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
_ONES = {w: n for n, w in enumerate("one two three four five six seven eight nine".split(), start=1)}


_GENERIC_BEFORE = re.compile(r"(?:(?<!\bas )\bof|\bthe)\s*$", re.I)
# A quarter or a half of a game is no date: a sentence that speaks of play keeps its year-less ones out.
_PLAY = re.compile(
    r"\b(?:games?|scored?|scoring|touchdowns?|quarterback|halftime|half-time|overtime|yards?|"
    r"innings?|points? (?:lead|behind)|free throws?|field goals?|penalt(?:y|ies)|whistle|minutes? left)\b",
    re.I,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘'(—–-])\s*$")


# The day the story is dated, not "today's Russia" or "Europe of today".
@rule(
    r"\b(?:(?P<today>today|tonight)\b(?!['’]s [A-Z])|(?:later |early |earlier )?this "
    r"(?P<part>morning|afternoon|evening)\b|(?P<last>last night)\b)",
    re.I,
    needs=("unit", "today"),
)
def _today(match: re.Match[str]) -> Mention | None:
    if match.group("today") and _GENERIC_BEFORE.search(match.string, 0, match.start()):
        return None  # "the world of today", "the today show"
    word = match.group(0)
    if word.isupper() or (word[0].isupper() and not _SENTENCE_START.search(match.string, 0, match.start())):
        return None  # a name in mid-sentence: "USA Today", "Russia Today", "CBS This Morning"
    return _mention(match, "day", relation="ago", offset=-1 if match.group("last") else 0)


@rule(
    rf"\b(?:(?P<rel>[Tt]his|[Ll]ast|[Nn]ext) year['’]s |(?:[Tt]he |[Ii]ts )?{_YEAR} |[Tt]he |[Ii]ts )?"
    r"(?:fiscal[- ])?(?P<q>first|second|third|fourth|First|Second|Third|Fourth)[- ](?:fiscal[- ])?quarter\b"
    rf"(?: of (?:fiscal )?(?P<year2>(?:1[89]|20)\d\d)\b)?",
    needs=("unit", "quarter"),
)
def _quarter_named(match: re.Match[str]) -> Mention:
    quarter = _ORDINALS[match.group("q").lower()]
    year = match.group("year") or match.group("year2")
    if year:
        return _mention(match, "quarter", year=int(year), quarter=quarter)
    if _PLAY.search(match.string):
        return None
    if match.group("rel"):  # "last year's third quarter"
        return _mention(match, "quarter", relation="ago", quarter=quarter, offset=_REL_YEAR[match.group("rel").lower()])
    return _mention(match, "quarter", relation="bare", quarter=quarter)


@rule(
    r"\b(?:the )?(?P<rel>latest|current|this|last|past|previous|next|coming) (?:fiscal )?quarter\b(?! of\b)"
    r"|\b(?P<the>the) quarter\b(?! of\b|['’]s? )",
    re.I,
    needs=("unit", "quarter"),
)
def _quarter_relative(match: re.Match[str]) -> Mention | None:
    if _PLAY.search(match.string):
        return None
    if match.group("the"):
        return _mention(match, "quarter", relation="anaphoric")  # the quarter just named
    rel = match.group("rel").lower()
    relation = "this" if rel in ("current", "this") else "next" if rel in ("next", "coming") else "last"
    return _mention(match, "quarter", relation=relation)


# A half only with its year, or as the adjective of results ("first-half profit"): "the first half" of a
# match or of a century is no date.
@rule(
    r"\b(?:the )?(?P<h>first|second|last)(?: half of (?:fiscal )?(?:(?P<year>(?:1[89]|20)\d\d)|"
    r"(?P<rel>this|last|next) year|(?P<the>the|this) year)\b"
    r"|-half\b(?! (?:goals?|lead|penalty|strike|try|tries|touchdown|substitute)\b))",
    re.I,
    needs=("unit", "half"),
)
def _half(match: re.Match[str]) -> Mention | None:
    half = _ORDINALS[match.group("h").lower()]
    if match.group("year"):
        return _mention(match, "half", year=int(match.group("year")), half=half)
    offset = _REL_YEAR[match.group("rel").lower()] if match.group("rel") else 0
    if match.group("rel") or match.group("the"):
        return _mention(match, "half", relation="ago", half=half, offset=offset)
    if _PLAY.search(match.string):
        return None  # "a first-half goal"
    return _mention(match, "half", relation="bare", half=half)


# Capitalised as written ("the Fourth of July", "New Year's Day"); lower-case "easter" is no holiday.
_HOLIDAY = "|".join(
    " ".join({"the": "[Tt]he", "of": "of"}.get(w, w.capitalize()) for w in s.split()).replace("'", "['’]")
    for s in sorted(SPELLINGS, key=len, reverse=True)
)


@rule(
    rf"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his) )?\b(?P<name>{_HOLIDAY})\b(?:,? {_YEAR}\b)?"
    r"(?! (?:trees?|cards?|carols?|shopping|season|spirit|presents?|gifts?|markets?|lights|music|songs?|"
    r"decorations?|holidays?|Island)\b)",
    needs=("month", "holiday"),
)
def _holiday(match: re.Match[str]) -> Mention | None:
    name = match.group("name")
    key = SPELLINGS[re.sub(r"['’]", "'", name.lower())]
    year = match.group("year")
    if year:
        return _mention(match, "day", "name", year=int(year), holiday=key)
    relation = match.group("rel").lower() if match.group("rel") else "bare"
    return _mention(match, "day", "rel" if match.group("rel") else "name", relation=relation, holiday=key)


@rule(
    rf"\b(?:(?P<month>{_FULL_MONTH}) )?(?:the year )?(?:nineteen|Nineteen) (?P<tens>{'|'.join(_TENS)})"
    rf"(?:[- ](?P<ones>{'|'.join(_ONES)}))?\b|\bthe year two thousand\b",
    needs=("unit", "spelled"),
)
def _spelled_year(match: re.Match[str]) -> Mention:
    if not match.group("tens"):
        return _mention(match, "year", year=2000)
    year = 1900 + _TENS[match.group("tens")] + _ONES.get(match.group("ones") or "", 0)
    if match.group("month"):
        return _mention(match, "month", year=year, month=_month(match))
    return _mention(match, "year", year=year)


@rule(r"\b(?P<n>a|an|one|two|three|four|five|\d)\s+decades?\s+ago\b", re.I, ("unit", "ago"))
def _decades_ago(match: re.Match[str]) -> Mention:
    number = match.group("n").lower()
    count = int(number) if number.isdigit() else {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}.get(number, 0)
    count = count or {"four": 4, "five": 5}[number]
    return _mention(match, "year", relation="ago", offset=-10 * count)


# "The year-ago quarter", "year-earlier results": the year before the story, or before the quarter just named.
@rule(
    r"\b(?:the )?(?:comparable |corresponding )?year-(?:ago|earlier)\b(?: (?:first |second |third |fourth )?"
    r"(?:quarter|period)\b)?",
    re.I,
    ("unit", "year-"),
)
def _year_ago(match: re.Match[str]) -> Mention:
    return _mention(match, "year", relation="ago", offset=-1)


@rule(
    r"\b(?P<which>that same|that|the same|the following|the next|the previous|the preceding) "
    r"(?P<unit>day|morning|afternoon|evening|night|week|month)\b(?! (?:in|of|when|that)\b)"
    # "a day before" only at a clause's end: "a day before the debate" counts from the debate
    r"|\b(?:a|one) (?P<unit2>day|week|month) (?P<which2>later|earlier|before(?=\s*(?:[,.;:!?)]|$)))",
    re.I,
    needs=("unit", "anaphora"),
)
def _anaphoric_unit(match: re.Match[str]) -> Mention:
    which = (match.group("which") or match.group("which2")).lower()
    unit = (match.group("unit") or match.group("unit2")).lower()
    unit = unit if unit in ("week", "month") else "day"
    return _mention(match, unit, relation="anaphoric", offset=_UNIT_ANAPHORA[which])


# "The weekend": the one just past, or the coming one in a future clause; named by its week.
@rule(r"\b(?:over |during |at )?the weekend\b(?!['’]s)", re.I, ("unit", "weekend"))
def _weekend(match: re.Match[str]) -> Mention:
    return _mention(match, "week", relation="bare", weekday=5)


@rule(rf"\b(?P<month>{_FULL_MONTH}) (?P<rel>last|next|this) year\b", needs=("month",))
def _month_of_a_year(match: re.Match[str]) -> Mention:
    return _mention(match, "month", relation="ago", month=_month(match), offset=_REL_YEAR[match.group("rel")])


@rule(r"\b(?:the )?current (?:fiscal |calendar )?year\b", re.I, ("unit", "current"))
def _current_year(match: re.Match[str]) -> Mention:
    return _mention(match, "year", relation="this")


# "Late last year", "early next month": the part of a relative period ("earlier this year" is left whole).
@rule(
    r"\b(?P<mod>early|mid|late|the (?:start|beginning|middle|end) of)[ -](?P<rel>this|last|next) "
    r"(?P<unit>week|month|year)\b",
    re.I,
    needs=("unit", "part-rel"),
)
def _part_of_relative(match: re.Match[str]) -> Mention:
    return _mention(match, match.group("unit").lower(), relation=match.group("rel").lower(), modifier=_modifier(match))


# Market reports: "shares rose 3% for the week" is the week of the story.
@rule(
    r"\b(?:for|during|over|in) (?P<the>the week)\b(?! (?:of|before|after|ending|ended|to)\b|['’]s)",
    re.I,
    ("unit", "the week"),
)
def _the_week(match: re.Match[str]) -> Mention:
    return _mention(match, "week", "the", relation="this")


# A clock time folds into its day, at the day's precision: "5 p.m. EST Tuesday", "midnight Friday".
@rule(
    r"\b(?:\d{1,2}(?::\d\d)?\s*[ap]\.m\.|noon|midnight)(?:,? (?:EST|EDT|GMT|BST))?,?\s+(?:on\s+)?"
    rf"(?P<weekday>{'|'.join(WEEKDAY_NAMES)})\b(?!s\b)",
    needs=("unit", "weekday", "clock"),
)
def _clock_weekday(match: re.Match[str]) -> Mention:
    return _mention(match, "day", relation="bare", weekday=WEEKDAY_NAMES.index(match.group("weekday")))


# Results: "net rose 5% for the year" is the year of the story.
@rule(
    r"\b(?:for|in|during|over) (?P<the>the (?:full |fiscal |calendar )?year)\b"
    r"(?! (?:of|before|after|ended|ending|to|that|when|in|earlier|later|ago)\b|['’]s|-)",
    re.I,
    ("unit", "the year"),
)
def _the_year(match: re.Match[str]) -> Mention:
    return _mention(match, "year", "the", relation="this")
