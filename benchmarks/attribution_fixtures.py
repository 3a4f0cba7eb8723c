"""Speakers on the attribution fixtures: short articles of our own, one per pattern, against expected.toml.

.venv/bin/python -m benchmarks.attribution_fixtures [PATH]   # default tests/fixtures/attribution

PATH holds NAME.txt articles and an expected.toml listing, for each NAME, its quotations in order: the
first words after the opening mark, the speaker ("" when nobody is named) and the kind ("quote" or
"term"). A quotation is found when the bot extracts one whose text begins with those words.

A quotation with a speaker is right when the bot's speaker is the expected one (case, a leading "the" and
the apostrophe's form aside); untidy when it is the same person printed with words before the name ("Parent
Joan Kwan") or by the end of the name alone ("Kwan"); wrong when it is anyone or anything else ("Sen",
another person, a name for somebody the article leaves unnamed); "none" when the bot gives no speaker and "as
term" when it files the words as a term. Somebody unnamed is expected as the article describes them ("a
spokesman for the club"). Words that are nobody's (a sign) are right when the bot names nobody.
A term is served wrongly when the bot serves it (a quotation with a speaker). A stray is a quotation the
bot serves that begins with none of the expected words (marks paired wrongly).
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks import markdown_table

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "attribution"

BotQuote = tuple[str, str, str | None]  # text between the marks, kind ("quote" or "term"), speaker or None


def bot_quotations(name: str, text: str) -> list[BotQuote]:
    """The one place this benchmark touches the bot: each quotation it extracts from an article's text."""
    from bot.core.quotes.quotations import extract_quotes
    from bot.core.reading.news_file import parse_article

    return [(q.text, q.kind, q.who) for q in extract_quotes(parse_article(name, text))]


@dataclass(frozen=True)
class Expected:
    """One quotation of a fixture as a careful reader takes it."""

    words: str  # its first words, as printed right after the opening mark
    speaker: str  # "" when nobody is named
    kind: str  # "quote" or "term"
    note: str = ""


def load_expected(path: Path) -> dict[str, list[Expected]]:
    """expected.toml of a fixture folder: fixture name → its quotations in order."""
    data = tomllib.loads((path / "expected.toml").read_text(encoding="utf-8"))
    return {name: [Expected(**entry) for entry in entries] for name, entries in data.items()}


# Marks that open a quotation: wire feeds' `` and '' first, then curly, straight, guillemets, German.
OPENING_MARKS = ("``", "''", "“", '"', "«", "„", "‘", "'")


def quoted_occurrences(text: str, words: str) -> list[int]:
    """Where `words` stand in `text` right after an opening mark (spaces between allowed: « … »)."""
    return [
        match.start()
        for match in re.finditer(re.escape(words), text)
        if text[: match.start()].rstrip(" \u00a0\u202f").endswith(OPENING_MARKS)
    ]


def _lead(text: str) -> str:
    """A quotation's text without the marks or spaces a bot might leave at its start."""
    return text.lstrip(" \u00a0\u202f`'\"“”‘’«»„")


def _fold(name: str) -> str:
    folded = " ".join(name.replace("’", "'").casefold().split())
    return folded.removeprefix("the ")


_TITLES = {"sen", "rep", "gov", "gen", "col", "mr", "mrs", "ms", "dr"}


@dataclass(frozen=True)
class Outcome:
    """What the bot made of one expected quotation."""

    expected: Expected
    outcome: str  # "not found", "right", "untidy", "wrong", "none", "as term", "kept" or "served" (terms)
    said: str | None = None  # the bot's speaker


def score(expected: list[Expected], found: list[BotQuote]) -> tuple[list[Outcome], list[BotQuote]]:
    """Each expected quotation's outcome, and the strays: served quotations matching none of them."""
    outcomes, matched = [], set()
    for entry in expected:
        index = next((i for i, (text, _, _) in enumerate(found) if _lead(text).startswith(entry.words)), None)
        if index is None:
            outcomes.append(Outcome(entry, "not found"))
            continue
        matched.add(index)
        _, kind, who = found[index]
        served = kind == "quote" and bool(who)
        if entry.kind == "term":
            outcome = "served" if served else "kept"
        elif not entry.speaker:
            outcome = "wrong" if who else "right"
        elif kind == "term":
            outcome = "as term"
        elif not who:
            outcome = "none"
        else:
            outcome = _judge(who, entry.speaker)
        outcomes.append(Outcome(entry, outcome, who))
    strays = [quote for i, quote in enumerate(found) if i not in matched and quote[1] == "quote" and quote[2]]
    return outcomes, strays


def _judge(said: str, speaker: str) -> str:
    """right, untidy (the same person, printed with a role before the name or by its end alone: "Parent
    Joan Kwan", "Mr. Kwan", "Kwan") or wrong."""
    said_words, words = _fold(said).split(), _fold(speaker).split()
    if said_words == words:
        return "right"
    untitled = said_words[1:] if said_words and said_words[0].rstrip(".") in _TITLES else said_words
    if said_words[-len(words) :] == words or (untitled and words[-len(untitled) :] == untitled):
        return "untidy"
    return "wrong"


_INDEFINITE = ("a ", "an ", "one ", "another ", "two ", "some ", "several ")


def _unnamed(speaker: str) -> bool:
    """Whether an expected speaker is somebody the article describes without a name: "a deputy mayor"."""
    return speaker.startswith(_INDEFINITE)


def _title_only(said: str) -> bool:
    return _fold(said).rstrip(".") in _TITLES


_COLUMNS = ("quotations", "found", "right", "untidy", "wrong", "none", "as term", "terms", "terms served", "strays")


def _row(name: str, outcomes: list[Outcome], strays: int) -> list[str]:
    quotes = [o for o in outcomes if o.expected.kind == "quote"]
    counts = Counter(o.outcome for o in quotes)
    terms = [o for o in outcomes if o.expected.kind == "term"]
    served = sum(o.outcome == "served" for o in terms)
    found = len(quotes) - counts["not found"]
    judged = [counts[outcome] for outcome in ("right", "untidy", "wrong", "none", "as term")]
    cells = [len(quotes), found, *judged, len(terms), served, strays]
    return [name, *map(str, cells)]


def _by_source(outcomes: list[Outcome]) -> list[list[str]]:
    rows = []
    quotes = [o for o in outcomes if o.expected.kind == "quote"]
    for label, chosen in (
        ("named speaker", [o for o in quotes if o.expected.speaker and not _unnamed(o.expected.speaker)]),
        ("somebody unnamed, as described", [o for o in quotes if _unnamed(o.expected.speaker)]),
        ("nobody's words", [o for o in quotes if not o.expected.speaker]),
    ):
        counts = Counter(o.outcome for o in chosen)
        total = len(chosen)
        share = f"{counts['right'] / total:.2f}" if total else "–"
        judged = [counts[outcome] for outcome in ("not found", "right", "untidy", "wrong", "none", "as term")]
        rows.append([label, str(total), *map(str, judged), share])
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT_PATH, help="a folder of fixtures")
    parser.add_argument("--each", action="store_true", help="and every quotation's outcome")
    args = parser.parse_args(argv)
    expected = load_expected(args.path)
    rows, everything, wrong, strays = [], [], [], []
    for name, entries in expected.items():
        text = (args.path / f"{name}.txt").read_text(encoding="utf-8")
        outcomes, stray = score(entries, bot_quotations(name, text))
        rows.append(_row(name, outcomes, len(stray)))
        everything += outcomes
        wrong += [(name, o) for o in outcomes if o.outcome in ("wrong", "served")]
        strays += [(name, quote) for quote in stray]
        if args.each:
            for o in outcomes:
                print(
                    f"{name:<20} {o.outcome:<9} {o.expected.words[:28]!r:<31} expected "
                    f"{o.expected.speaker or '–'!r:<20} bot {o.said!r}"
                )
    rows.append(_row("**all**", everything, len(strays)))
    print(f"{len(expected)} fixtures, {len(everything)} expected quotations and terms in {args.path.name}/\n")
    print(markdown_table(["fixture", *_COLUMNS], rows))
    print()
    print(
        markdown_table(
            [
                "quotations by source",
                "expected",
                "not found",
                "right",
                "untidy",
                "wrong",
                "none",
                "as term",
                "share right",
            ],
            _by_source(everything),
        )
    )
    print(f"\nwrong speakers and terms served ({len(wrong)}):" if wrong else "\nno wrong speakers")
    for name, o in wrong:
        title = "  (a title only)" if o.said and _title_only(o.said) else ""
        print(f"  {name}: {o.expected.words!r} expected {o.expected.speaker or 'nobody'!r}, bot {o.said!r}{title}")
    if strays:
        print(f"\nstrays served ({len(strays)}):")
        for name, (text, _, who) in strays:
            print(f"  {name}: {text[:60]!r} as {who!r}")


if __name__ == "__main__":
    main()
