"""Rules that find time expressions in text and say what each names, before it is anchored to a date."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from bot.core.lexicon import NUMBER_WORDS
from bot.core.periods import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_NUMBERS, SEASONS, WEEKDAY_NAMES

Relation = Literal["absolute", "bare", "this", "last", "next", "ago", "anaphoric"]

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
    weekday: int | None = None  # 0 = Monday
    offset: int = 0  # units back or forward, for "two weeks ago" and "the following year"
    modifier: str | None = None


Builder = Callable[[re.Match[str]], Mention | None]
_RULES: list[tuple[re.Pattern[str], Builder, tuple[re.Pattern[str], ...]]] = []

# What every match of a rule must contain. Most sentences name no date: a quick search for these skips the
# rules that cannot match, which were most of the start-up time.
_DIGIT = re.compile(r"\d")
_ISO_DASH = re.compile(r"\d-\d")
_MONTH_START = re.compile("|".join(MONTH_ABBREVIATIONS))  # how every month name begins
_SEASON_WORD = re.compile("|".join(f"{word.capitalize()}|{word}" for word in SEASONS))
_PART_WORD = re.compile(r"early|mid|late|the (?:start|beginning|middle|end) of", re.I)
_DECADE_END = re.compile(r"0['’]?s")
_QUARTER = re.compile(r"quarter|Q")
# Searched in the lower-cased text (a case-insensitive search is several times slower). That is exact: under
# re.I a letter of these words matches only characters whose lower case is that letter; only i and s have
# other partners (ı, ſ), and these words have neither ("terday" stands for "yesterday").
_UNIT_WORD = re.compile(r"day|week|month|year|tomorrow")
_YEAR_WORD = re.compile("year")
_AGO = re.compile("ago")
_YESTERDAY = re.compile("terday|tomorrow")
_ON_LOWERED = {_UNIT_WORD, _YEAR_WORD, _AGO, _YESTERDAY}
_WEEKDAY = re.compile("|".join(WEEKDAY_NAMES))
# Every rule needs one of these first; a text with none of them names no date.
_FIRST_NEEDS = (_DIGIT, _MONTH_START, _SEASON_WORD, _UNIT_WORD)
# Triggers that are plain words, by their lower-case spellings: a lower-cased text without any of these
# cannot hold the trigger in any case.
_LOWER_CASE_SPELLINGS = {_SEASON_WORD: tuple(SEASONS)}
assert all(w.lower() in _LOWER_CASE_SPELLINGS[_SEASON_WORD] for w in _SEASON_WORD.pattern.split("|"))


def rule(
    pattern: str, flags: int = 0, needs: tuple[re.Pattern[str], ...] = (_DIGIT,)
) -> Callable[[Builder], Builder]:
    assert needs[0] in _FIRST_NEEDS, needs

    def register(builder: Builder) -> Builder:
        _RULES.append((re.compile(pattern, flags), builder, needs))
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


@rule(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])", needs=(_DIGIT, _ISO_DASH))
def _iso_date(match: re.Match[str]) -> Mention | None:
    year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return _mention(match, "day", year=year, month=month, day=day)


@rule(rf"\b{_MONTH} {_DAY}{_DAY_RANGE}(?:,? {_YEAR})?\b(?!\.?\d|,\d)", needs=(_DIGIT, _MONTH_START))
def _month_day(match: re.Match[str]) -> Mention | None:
    parts = _day_parts(match)
    return _mention(match, "day", **parts) if parts else None


@rule(rf"(?<![\d,.$])\b{_DAY}{_DAY_RANGE} (?:of )?{_MONTH}\b(?:,? {_YEAR}\b)?", needs=(_DIGIT, _MONTH_START))
def _day_month(match: re.Match[str]) -> Mention | None:
    parts = _day_parts(match)
    return _mention(match, "day", **parts) if parts else None


@rule(rf"\b{_PART}?{_MONTH},? (?:of )?{_YEAR}\b{_NOT_A_YEAR_AFTER}", needs=(_DIGIT, _MONTH_START))
def _month_year(match: re.Match[str]) -> Mention:
    return _mention(
        match, "month", year=int(match.group("year")), month=_month(match), modifier=_modifier(match)
    )


@rule(rf"\b(?:[Tt]he )?{_PART}?{_SEASON},? (?:of )?{_YEAR}\b{_NOT_A_YEAR_AFTER}", needs=(_DIGIT, _SEASON_WORD))
def _season_year(match: re.Match[str]) -> Mention:
    return _mention(
        match,
        "season",
        year=int(match.group("year")),
        season=SEASONS[match.group("season").lower()],
        modifier=_modifier(match),
    )


@rule(rf"(?<![\d$])\b(?:{_PART}|(?i:(?P<mid>mid)-)){_YEAR}\b{_NOT_A_YEAR_AFTER}", needs=(_DIGIT, _PART_WORD))
def _part_of_year(match: re.Match[str]) -> Mention:
    return _mention(match, "year", year=int(match.group("year")), modifier=_modifier(match) or "mid")


@rule(rf"\b(?:[Tt]he )?{_PART}?(?P<decade>1[89]\d0|20\d0)['’]?s\b", needs=(_DIGIT, _DECADE_END))
def _decade(match: re.Match[str]) -> Mention:
    return _mention(match, "decade", year=int(match.group("decade")), modifier=_modifier(match))


@rule(
    rf"\b(?:(?:[Tt]he )?(?P<q>first|second|third|fourth) quarter of|Q(?P<qn>[1-4]),?) {_YEAR}\b",
    needs=(_DIGIT, _QUARTER),
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
    rf"(?:\b(?P<prep>[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f)"
    rf"\s+)?(?:(?P<rel>(?i:last|next|this))\s+|{_PART})?(?P<month>{_FULL_MONTH})\b(?!\s*\d)(?!['’]s\b)",
    needs=(_MONTH_START,),
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
    needs=(_SEASON_WORD,),
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


@rule(_THIS_UNIT, needs=(_UNIT_WORD,))
def _relative_unit(match: re.Match[str]) -> Mention:
    unit = match.group("unit").lower()
    return _mention(match, "week" if unit == "weekend" else unit, relation=match.group("rel").lower())


@rule(r"\bthe new year\b", re.I, (_UNIT_WORD, _YEAR_WORD))
def _new_year(match: re.Match[str]) -> Mention:
    return _mention(match, "year", relation="next", modifier="start")


@rule(
    rf"\b(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.I,
    needs=(_UNIT_WORD, _AGO),
)
def _ago(match: re.Match[str]) -> Mention:
    number = match.group("n").lower()
    count = int(number) if number.isdigit() else NUMBER_WORDS[number]
    return _mention(match, match.group("unit").lower(), relation="ago", offset=-count)


@rule(r"\b(?P<word>yesterday|tomorrow)\b", re.I, (_UNIT_WORD, _YESTERDAY))
def _yesterday(match: re.Match[str]) -> Mention:
    return _mention(
        match, "day", relation="ago", offset=-1 if match.group("word").lower() == "yesterday" else 1
    )


@rule(
    r"(?:\b(?P<prep>[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|(?P<rel>[Ll]ast|[Tt]his|[Nn]ext))\s+)?"
    rf"(?P<weekday>{'|'.join(WEEKDAY_NAMES)})\b(?!s\b)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
    needs=(_UNIT_WORD, _WEEKDAY),
)
def _weekday(match: re.Match[str]) -> Mention | None:
    if not (match.group("prep") or match.group("part")):
        return None
    relation = match.group("rel").lower() if match.group("rel") else "bare"
    return _mention(
        match,
        "day",
        "rel" if match.group("rel") else "weekday",
        relation=relation,
        weekday=WEEKDAY_NAMES.index(match.group("weekday")),
    )


@rule(
    r"\b(?P<which>that|the same|the following|the next|the previous|the preceding) year\b"
    r"|\ba year (?P<which2>later|earlier|before)\b|\bthe year (?P<which3>before)\b",
    re.I,
    needs=(_UNIT_WORD, _YEAR_WORD),
)
def _anaphoric_year(match: re.Match[str]) -> Mention:
    which = (match.group("which") or match.group("which2") or match.group("which3")).lower()
    return _mention(match, "year", relation="anaphoric", offset=_ANAPHORA[which])


def find_mentions(text: str, triggers: dict[re.Pattern[str], bool] | None = None) -> list[Mention]:
    """Every time expression in a text, the longest winning where two overlap, in reading order.
    `triggers`: which of _FIRST_NEEDS the text holds, when already known (see sentence_mentions)."""
    lowered = text.lower()
    if triggers is None:
        present = {t: t.search(lowered if t in _ON_LOWERED else text) is not None for t in _FIRST_NEEDS}
    else:
        present = dict(triggers)
    if not any(present.values()):
        return []  # most sentences
    candidates = []
    for pattern, build, needs in _RULES:
        for trigger in needs:
            if trigger not in present:
                present[trigger] = trigger.search(lowered if trigger in _ON_LOWERED else text) is not None
            if not present[trigger]:
                break
        else:
            candidates += [found for match in pattern.finditer(text) if (found := build(match)) is not None]
    chosen: list[Mention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


class _Span(Protocol):
    text: str
    start: int
    end: int


_S = TypeVar("_S", bound=_Span)


def sentence_mentions(body: str, sentences: Sequence[_S]) -> Iterator[tuple[_S, list[Mention]]]:
    """Each sentence of a body (text at body[start:end], in order) with its find_mentions.

    Each word one of them needs first (_FIRST_NEEDS) is searched for in the whole body, and once found in a
    sentence, again only from that sentence's end: most sentences hold none and are skipped unread. These
    words are plain strings (no spaces, no look-arounds), so where they occur in a sentence does not depend
    on what is around it."""
    lowered = body.lower()
    if len(lowered) != len(body):  # a letter whose lower case is longer shifts the offsets: go sentence by sentence
        for sentence in sentences:
            yield sentence, find_mentions(sentence.text)
        return
    starts = [sentence.start for sentence in sentences]
    found: list[dict[re.Pattern[str], bool] | None] = [None] * len(sentences)
    for trigger in _FIRST_NEEDS:
        if trigger in _LOWER_CASE_SPELLINGS and not any(word in lowered for word in _LOWER_CASE_SPELLINGS[trigger]):
            continue  # a quick look for the words in any case: most bodies name no season at all
        text, at = (lowered if trigger in _ON_LOWERED else body), 0
        while (match := trigger.search(text, at)) is not None:
            index = bisect.bisect_right(starts, match.start()) - 1
            if index < 0 or match.end() > sentences[index].end:  # between sentences
                at = match.end()
                continue
            if found[index] is None:
                found[index] = dict.fromkeys(_FIRST_NEEDS, False)
            found[index][trigger] = True
            at = sentences[index].end
    for sentence, triggers in zip(sentences, found, strict=True):
        yield sentence, find_mentions(sentence.text, triggers) if triggers else []
