"""Time expressions found in a text or a whole body: each rule of bot.core.dates.rules is tried only where the
words it needs occur (the trigger pre-filter)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from bot.core.dates import news_rules, story_rules  # noqa: F401 (register their rules)
from bot.core.dates.holidays import HOLIDAY_WORDS
from bot.core.dates.rules import RULES, Mention
from bot.core.periods import MONTH_ABBREVIATIONS, SEASONS, WEEKDAY_NAMES


@dataclass(frozen=True, eq=False)
class Trigger:
    """A word a rule needs, and whether it is searched in the lower-cased text. Hashed by identity: a
    compiled pattern's hash reads its whole program each time, which was a sixth of the dates' time."""

    pattern: re.Pattern[str]
    lowered: bool = False

    def search(self, text: str, lowered: str, at: int = 0) -> re.Match[str] | None:
        """The first match at or after `at`, in `text` or its lower-cased copy `lowered` as this one wants."""
        return self.pattern.search(lowered if self.lowered else text, at)


Triggers = dict[Trigger, bool]  # which triggers a text holds, as far as known

# What every match of a rule must contain, by the names the rules give them. Most sentences name no date: a
# quick search for these skips the rules that cannot match, which were most of the start-up time.
DIGIT = re.compile(r"\d")
# How every month name begins, and the holidays (all written with a capital, as these are).
MONTH_START = re.compile("|".join(MONTH_ABBREVIATIONS + HOLIDAY_WORDS))
SEASON_WORD = re.compile("|".join(f"{word.capitalize()}|{word}" for word in SEASONS))
# Searched in the lower-cased text (a case-insensitive search is several times slower). That is exact: under
# re.I a letter of these words matches only characters whose lower case is that letter; only i and s have
# other partners (ı, İ, ſ), so these words hold neither: "terday" stands for "yesterday", and a "." for an i
# or an s ("chr..tma."), so that a rule is tried wherever it could match.
# Each first letter that a word here may begin with is one more place the search stops to look: the words
# the newer rules need are folded into branches on the letters "day|week|month|year|tomorrow" begin with.
UNIT_WORD = re.compile(
    r"d(?:ay|ecade|[ -]half)|week|mo(?:nth|rn.ng)|year|t(?:omorrow|on.ght| n.ght|[ -]half|een .|ernoon)|quarter|ven.ng"
    r"|centur"
)
_PATTERNS = {
    "digit": DIGIT,
    "iso-dash": re.compile(r"\d-\d"),
    "month": MONTH_START,
    "season": SEASON_WORD,
    # A part word (early, mid, late, … of) before a year: its last letter, a space or a hyphen, a year's
    # first digit. Written to begin with the digit, which the engine skips to at C speed.
    "part-year": re.compile(r"[12](?<=[YyDdEeFf][ -][12])"),
    # … and before "this/last/next week/month/year" (". " where an i or s may lower to one or two letters)
    "part-rel": re.compile(r"[ -](?:th.{2,3}|la.t|next) (?:week|month|year)"),
    "decade": re.compile(r"0['’]?s"),
    "quarter": re.compile(r"quarter|Q"),
    "unit": UNIT_WORD,
    "year": re.compile("year"),
    "ago": re.compile("ago"),
    "yesterday": re.compile("terday|tomorrow"),
    "weekday": re.compile("|".join(WEEKDAY_NAMES)),
    "today": re.compile("today|ton.ght|th.. (?:morn.ng|afternoon|even.ng)|la.t n.ght"),
    "half": re.compile("half"),
    "weekend": re.compile("weekend"),
    "the week": re.compile("the week"),
    "the year": re.compile(r"the (?:full |f..cal |calendar )?year"),
    "year-": re.compile("year-"),
    "the new year": re.compile("the new year"),
    "current": re.compile("current"),
    "anaphora": re.compile("that |the .ame|follow|the next|prev.ou|preced|later|earl.er|before"),
    "clock": re.compile(r"[ap]\.m\.|noon|m.dn.ght"),
    "holiday": re.compile(
        "chr..tma.|new year|.ndependence|fourth of july|july fourth|valent.ne|halloween|veteran.|thank.g.v.ng|"
        "labor day|memor.al day|ea.ter|good fr.day|elect.on day"
    ),
    "spelled": re.compile("[Nn]ineteen|the year two thousand"),
    "century": re.compile("century"),
    "clock zone": re.compile(r"UTC|GMT|[ap]\.m\.|[ECMP][SD]T"),
    "the day": re.compile("the day"),
    "numeric date": re.compile(r"\d[/.]\d{1,2}[/.]\d"),
    "range": re.compile(r"\d\s?[-–—]\s?\d"),
}
# The triggers searched in the lower-cased text, by name.
_LOWERED = {
    "unit",
    "year",
    "ago",
    "yesterday",
    "today",
    "half",
    "holiday",
    "weekend",
    "the week",
    "anaphora",
    "clock",
    "year-",
    "current",
    "the year",
    "the new year",
    "part-rel",
    "century",
    "the day",
}
TRIGGERS = {name: Trigger(pattern, name in _LOWERED) for name, pattern in _PATTERNS.items()}
ON_LOWERED = {trigger for trigger in TRIGGERS.values() if trigger.lowered}
# Every rule needs one of these first; a text with none of them names no date.
FIRST_NEEDS = tuple(TRIGGERS[name] for name in ("digit", "month", "season", "unit"))
# Triggers that are plain words, by their lower-case spellings: a lower-cased text without any of these
# cannot hold the trigger in any case.
_LOWER_CASE_SPELLINGS = {TRIGGERS["season"]: tuple(SEASONS)}
assert all(w.lower() in _LOWER_CASE_SPELLINGS[TRIGGERS["season"]] for w in SEASON_WORD.pattern.split("|"))

# The rules with the patterns of the words they need, the first of them one of FIRST_NEEDS.
_RULES = [(pattern, build, tuple(TRIGGERS[name] for name in needs)) for pattern, build, needs in RULES]
assert all(needs[0] in FIRST_NEEDS for _, _, needs in _RULES)


def find_mentions(text: str, triggers: Triggers | None = None) -> list[Mention]:
    """Every time expression in a text, the longest winning where two overlap, in reading order.
    `triggers`: which of FIRST_NEEDS the text holds, when already known (see sentence_mentions)."""
    lowered = text.lower()
    if triggers is None:
        present = {t: t.search(text, lowered) is not None for t in FIRST_NEEDS}
    else:
        present = dict(triggers)
    if not any(present.values()):
        return []  # most sentences
    candidates = []
    for pattern, build, needs in _RULES:
        for trigger in needs:
            if trigger not in present:
                present[trigger] = trigger.search(text, lowered) is not None
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


def sentence_mentions(
    body: str, sentences: Sequence[_S], lowered: str | None = None
) -> Iterator[tuple[_S, list[Mention]]]:
    """Each sentence of a body (text at body[start:end], in order) with its find_mentions.

    Each word one of them needs first (FIRST_NEEDS) is searched for in the whole body, and once found in a
    sentence, again only from that sentence's end: most sentences hold none and are skipped unread. These
    words are plain strings (no spaces, no look-arounds), so where they occur in a sentence does not depend
    on what is around it. `lowered`: body.lower(), when already made."""
    lowered = body.lower() if lowered is None else lowered
    if len(lowered) != len(body):  # a letter whose lower case is longer shifts the offsets: go sentence by sentence
        for sentence in sentences:
            yield sentence, find_mentions(sentence.text)
        return
    starts = [sentence.start for sentence in sentences]
    found: list[Triggers | None] = [None] * len(sentences)
    for trigger in FIRST_NEEDS:
        if trigger in _LOWER_CASE_SPELLINGS and not any(word in lowered for word in _LOWER_CASE_SPELLINGS[trigger]):
            continue  # a quick look for the words in any case: most bodies name no season at all
        at = 0
        while (match := trigger.search(body, lowered, at)) is not None:
            index = bisect.bisect_right(starts, match.start()) - 1
            if index < 0 or match.end() > sentences[index].end:  # between sentences
                at = match.end()
                continue
            if found[index] is None:
                found[index] = dict.fromkeys(FIRST_NEEDS, False)
            found[index][trigger] = True
            at = sentences[index].end
    for sentence, triggers in zip(sentences, found, strict=True):
        yield sentence, find_mentions(sentence.text, triggers) if triggers else []
