"""Calendar expressions on TimeML files: the bot's time rules vs dateparser, scored against TIMEX3 gold.

.venv/bin/python -m benchmarks.timeml PATH              # a folder of .tml files (or one file)
.venv/bin/python -m benchmarks.timeml PATH --examples 5 # and five of the bot's misses per category

Gold: every TIMEX3 of type DATE or TIME in the TEXT whose value starts with a digit (1998-02-13, 1998-W07,
1998-Q1, 199X …); the document creation time (the TIMEX3 with functionInDocument="CREATION_TIME") is each
system's anchor. The bot reads the TEXT as an article stated to be published on that day; dateparser's
search_dates gets it as RELATIVE_BASE. Scored as TempEval-3 scores (relaxed): an expression is found when
its span overlaps a gold one; its value is right when the period it names, read at the gold value's
granularity, is the gold value — both its first and its last day (so "1998" is not "1998-02"), with X in
the gold matching any digit. Times of day are compared as their day (the bot keeps no clock times) and a
weekend (1998-W07-WE) as its week. An expression that overlaps only a gold TIMEX3 outside the scored set
(a duration, a set, PRESENT_REF) counts neither way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dateparser.search import search_dates

from benchmarks import markdown_table
from benchmarks.body_offsets import body_to_source, source_span

BotReading = tuple[str, list[tuple[int, int, dt.date | None, dt.date | None]]]


def bot_expressions(text: str, created: dt.date) -> BotReading:
    """The one place this benchmark touches the bot: the body it reads from `text` as an article dated
    `created`, and each time expression it finds there as (start, end in that body, first day, last day)."""
    from bot.core.dates.events import extract_events
    from bot.core.reading.news_file import parse_article

    article = parse_article("timeml", f"Date: {created.isoformat()}\n\n{text}")
    events = extract_events(article)
    return article.body, [(e.start, e.end, e.first, e.last) for e in events if e.kind == "mention"]


@dataclass(frozen=True)
class Timex:
    """A gold TIMEX3 of the TEXT, by offsets into the TEXT's characters."""

    start: int
    end: int
    text: str
    kind: str
    value: str

    @property
    def scored(self) -> bool:
        return self.kind in ("DATE", "TIME") and self.value[:1].isdigit()


@dataclass(frozen=True)
class Guess:
    """A system's time expression: its span in the TEXT and the period it names (None when unresolved)."""

    start: int
    end: int
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    created: dt.date
    timexes: list[Timex]


def read_timeml(path: Path) -> Document:
    """A TimeML file's TEXT as plain text, its TIMEX3 spans in it, and its creation date."""
    root = ET.parse(path).getroot()
    stamps = [t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
    if not stamps:
        raise ValueError(f"{path.name}: no TIMEX3 with functionInDocument=CREATION_TIME")
    created = dt.date.fromisoformat(stamps[0].get("value", "")[:10])
    pieces: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME" and length > start:
            text = "".join(pieces)[start:length]
            timexes.append(Timex(start, length, text, element.get("type", ""), element.get("value", "")))

    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path.name}: no TEXT element")
    walk(body)
    return Document(path.stem, "".join(pieces), created, sorted(timexes, key=lambda t: t.start))


def bot_guesses(document: Document) -> list[Guess]:
    body, found = bot_expressions(document.text, document.created)
    mapping = body_to_source(body, document.text)
    guesses = []
    for start, end, first, last in found:
        span = source_span(mapping, start, end)
        if span:
            guesses.append(Guess(*span, first, last))
    return guesses


def dateparser_guesses(document: Document) -> list[Guess]:
    base = dt.datetime.combine(document.created, dt.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(document.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    guesses, cursor = [], 0
    for text, when in found:
        start = document.text.find(text, cursor)
        start = start if start >= 0 else document.text.find(text)
        if start < 0:
            continue  # not a substring of the text as given (never seen): nothing to place
        cursor = start + len(text)
        guesses.append(Guess(start, start + len(text), when.date(), when.date()))
    return guesses


# The granularity of a gold value (its clock time and weekend dropped first), tried in this order.
_UNITS = (
    ("century", re.compile(r"\d\d(?:XX)?")),
    ("decade", re.compile(r"\d{3}X?")),
    ("year", re.compile(r"[\dX]{4}")),
    ("month", re.compile(r"\d{4}-[\dX]{2}")),
    ("day", re.compile(r"\d{4}-[\dX]{2}-[\dX]{2}")),
    ("week", re.compile(r"\d{4}-W[\dX]{2}")),
    ("quarter", re.compile(r"\d{4}-Q[1-4X]")),
    ("half", re.compile(r"\d{4}-H[12X]")),
    ("season", re.compile(r"\d{4}-(?:SP|SU|FA|WI)")),
)
_SEASONS = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}


def gold_unit(value: str) -> tuple[str, str] | None:
    """(granularity, the value to compare at it) of a gold value; None for a form this scorer cannot read."""
    value = value.split("T")[0].removesuffix("-WE")
    for unit, pattern in _UNITS:
        if pattern.fullmatch(value):
            return unit, value.rstrip("X") if unit in ("century", "decade") else value
    return None


# A day named at a granularity, as TimeML writes it; a winter is named by the year of its December.
_LABELS = {
    "century": lambda day: f"{day.year // 100:02d}",
    "decade": lambda day: f"{day.year // 10:03d}",
    "year": lambda day: f"{day.year:04d}",
    "month": lambda day: f"{day.year:04d}-{day.month:02d}",
    "day": lambda day: day.isoformat(),
    "week": lambda day: "{:04d}-W{:02d}".format(*day.isocalendar()[:2]),
    "quarter": lambda day: f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}",
    "half": lambda day: f"{day.year:04d}-H{1 if day.month <= 6 else 2}",
    "season": lambda day: f"{day.year - (day.month <= 2):04d}-{_SEASONS.get(day.month, 'FA')}",
}


def label(unit: str, day: dt.date) -> str:
    return _LABELS[unit](day)


def _matches(gold: str, named: str) -> bool:
    return len(gold) == len(named) and all(g in ("X", n) for g, n in zip(gold, named, strict=True))


def value_right(gold_value: str, first: dt.date | None, last: dt.date | None) -> bool:
    """Whether a period names the gold value at the gold's granularity (X in the gold: any digit)."""
    unit = gold_unit(gold_value)
    if unit is None or first is None or last is None:
        return False
    granularity, gold = unit
    return _matches(gold, label(granularity, first)) and _matches(gold, label(granularity, last))


def _overlap(a: Timex | Guess, b: Timex | Guess) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class Tally:
    """Relaxed-match counts of one system over many documents."""

    gold: int = 0
    system: int = 0
    system_found: int = 0  # system expressions overlapping a gold one
    gold_found: int = 0  # gold expressions overlapped by a system one
    system_right: int = 0  # … whose value is the gold's
    gold_right: int = 0
    missed: list[tuple[str, Timex, str]] = field(default_factory=list)  # (file, gold, "missed" or what was said)
    kinds: Counter[str] = field(default_factory=Counter)  # gold expressions by category()

    def add(self, document: Document, guesses: list[Guess]) -> None:
        gold = [t for t in document.timexes if t.scored]
        unscored = [t for t in document.timexes if not t.scored]
        self.gold += len(gold)
        for guess in guesses:
            hits = [g for g in gold if _overlap(g, guess)]
            if not hits and any(_overlap(t, guess) for t in unscored):
                continue  # a duration or PRESENT_REF: outside the scored set, neither right nor wrong
            self.system += 1
            self.system_found += bool(hits)
            self.system_right += any(value_right(g.value, guess.first, guess.last) for g in hits)
        for timex in gold:
            self.kinds[category(timex.text)] += 1
            hits = [guess for guess in guesses if _overlap(timex, guess)]
            right = any(value_right(timex.value, guess.first, guess.last) for guess in hits)
            self.gold_found += bool(hits)
            self.gold_right += right
            if not right:
                said = ", ".join(_said(guess) for guess in hits) if hits else "missed"
                self.missed.append((document.name, timex, said))

    def row(self, name: str) -> list[str]:
        precision, recall = _ratio(self.system_found, self.system), _ratio(self.gold_found, self.gold)
        value_p, value_r = _ratio(self.system_right, self.system), _ratio(self.gold_right, self.gold)
        return [
            name,
            str(self.system),
            str(self.gold_found),
            f"{precision:.2f}",
            f"{recall:.2f}",
            f"{_f1(precision, recall):.2f}",
            f"{value_p:.2f}",
            f"{value_r:.2f}",
            f"{_f1(value_p, value_r):.2f}",
        ]


def _said(guess: Guess) -> str:
    if guess.first is None or guess.last is None:
        return "unresolved"
    return str(guess.first) if guess.first == guess.last else f"{guess.first}/{guess.last}"


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


HEADER = ["system", "extracted", "gold found", "P", "R", "F1", "value P", "value R", "value F1"]
# Rough kinds of expression, to say what the misses are; the first that matches names it.
CATEGORIES = (
    ("weekday", re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bweekend\b")),
    ("today / tonight / this morning", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b")),
    ("N … ago", re.compile(r"\bago\b")),
    (
        "holiday",
        re.compile(
            r"christmas|thanksgiving|easter|new year|independence day|labou?r day|memorial day|election day|"
            r"hanukkah|ramadan|passover|yom kippur|halloween|valentine|veterans day|columbus day"
        ),
    ),
    (
        "anchored (that day, the next week)",
        re.compile(
            r"\b(?:that|the same|the next|the following|the previous|the preceding|earlier|later)\b.*"
            r"\b(?:day|morning|afternoon|evening|night|week|month|year|quarter)s?\b"
        ),
    ),
    (
        "this / last / next unit, yesterday",
        re.compile(
            r"\b(?:this|last|next|past|coming|current|recent)\s+(?:\w+\s+)?(?:week|month|year|quarter)\b|"
            r"\b(?:yesterday|tomorrow)\b"
        ),
    ),
    ("quarter / half / fiscal", re.compile(r"quarter|\bhalf\b|fiscal")),
    ("season", re.compile(r"spring|summer|\bfall\b|autumn|winter")),
    (
        "explicit date, month or year",
        re.compile(r"\d|\b(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\b\.?"),
    ),
)


def category(text: str) -> str:
    lowered = text.lower()
    return next((name for name, pattern in CATEGORIES if pattern.search(lowered)), "other")


def miss_table(tally: Tally) -> str:
    missed = Counter(category(t.text) for _, t, said in tally.missed if said == "missed")
    wrong = Counter(category(t.text) for _, t, said in tally.missed if said != "missed")
    names = [name for name, _ in CATEGORIES] + ["other"]
    rows = [[name, str(tally.kinds[name]), str(missed[name]), str(wrong[name])] for name in names if tally.kinds[name]]
    rows.append(["all", str(tally.gold), str(sum(missed.values())), str(sum(wrong.values()))])
    return markdown_table(["bot: gold expressions of the kind", "gold", "missed", "found, value wrong"], rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a folder of TimeML .tml files, or one file")
    parser.add_argument("--examples", type=int, default=0, help="print this many of the bot's misses per kind")
    args = parser.parse_args(argv)
    # not the "._NAME.tml" files a Mac copy leaves beside each one
    found = args.path.glob("*.tml") if args.path.is_dir() else [args.path]
    paths = sorted(path for path in found if not path.name.startswith("."))
    if not paths:
        sys.exit(f"no .tml files in {args.path}")
    bot, theirs = Tally(), Tally()
    for path in paths:
        document = read_timeml(path)
        bot.add(document, bot_guesses(document))
        theirs.add(document, dateparser_guesses(document))
    print(f"{len(paths)} files, {bot.gold} gold calendar expressions (DATE/TIME, value starting with a digit)\n")
    print(markdown_table(HEADER, [bot.row("bot (timex + dates)"), theirs.row("dateparser.search_dates")]))
    print()
    print(miss_table(bot))
    print_examples(bot, args.examples)


def print_examples(bot: Tally, per_category: int) -> None:
    """Up to `per_category` of the bot's misses in each category of expression."""
    shown: Counter[str] = Counter()
    for name, timex, said in sorted(bot.missed, key=lambda miss: category(miss[1].text)):
        kind = category(timex.text)
        if shown[kind] < per_category:
            shown[kind] += 1
            print(f"  {kind:<36} {timex.text!r:<32} gold {timex.value:<14} bot: {said:<24} ({name[:40]})")


if __name__ == "__main__":
    main()
