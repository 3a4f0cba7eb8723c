"""Publication metadata in the layouts real sources use: the bot's reading of each layout fixture vs its gold.

.venv/bin/python -m benchmarks.layouts [PATH]            # default tests/fixtures/layouts
.venv/bin/python -m benchmarks.layouts PATH --together   # review the headlines as one corpus, not file by file
.venv/bin/python -m benchmarks.layouts PATH --details    # and what the bot read where it went wrong
.venv/bin/python -m benchmarks.layouts PATH --layouts    # the list of layouts and whose exports each stands for

PATH holds the fixtures and their gold, expected.toml (one table per fixture; its header comment says what
each field means). For every fixture: the publication date expected and the bot's, with its provenance
(stated in the file, or estimated from the dates the text mentions, which never counts as right); whether
the headline is the article's own; whether the "headline names X, which the text never mentions" warning
fires where it must not (false) or stays silent where it must fire (missed); whether the byline's author
was read; and how many of the body's relative expressions resolve to the expected value (found where the
expected text lies in the body, valued as TimeML values are in benchmarks.timeml). Totals follow the table.
Each file is reviewed alone by default, so that no fixture's words decide another's warning.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from benchmarks import markdown_table
from benchmarks.layout_gold import Expected, Relative, load_expected, same_text
from benchmarks.timeml import value_right

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "layouts"
FOREIGN_WARNING = "headline names"  # how the review's warning about another article's headline begins

Mention = tuple[int, int, dt.date | None, dt.date | None]  # start, end in the body, first and last day


@dataclass(frozen=True)
class Reading:
    """What the bot made of one file, in plain values."""

    headline: str
    author: str | None
    published: dt.date | None
    precision: str | None  # day, month, year
    provenance: str | None  # stated, catalog, estimated
    date_label: str
    warnings: tuple[str, ...]
    body: str
    mentions: tuple[Mention, ...]
    publication: str | None = None
    summary: str = ""


def bot_readings(paths: list[Path], together: bool = False) -> list[Reading]:
    """The one place this benchmark touches the bot (its modules are moving: keep every bot import here).
    Each file is read, dated (estimated when it states no date, as loading does), reviewed for foreign
    headlines (alone, or with the others when `together`), and its time expressions are resolved."""
    from bot.archive.files import read_article
    from bot.core.dates.events import extract_events
    from bot.core.reading.review import review_corpus
    from bot.core.reading.summary import summary
    from bot.core.reading.undated import estimate_published

    articles = [read_article(path) for path in paths]
    for article in articles:
        if article.published is None:
            article.published = estimate_published(article)  # first: relative dates need an anchor
    for group in [articles] if together else [[article] for article in articles]:
        review_corpus(group)
    readings = []
    for article in articles:
        events = [e for e in extract_events(article) if e.kind == "mention"]
        published = article.published
        readings.append(
            Reading(
                headline=article.headline,
                author=article.author,
                published=published.value if published else None,
                precision=published.precision if published else None,
                provenance=published.provenance if published else None,
                date_label=article.date_label,
                warnings=tuple(article.warnings),
                body=article.body,
                mentions=tuple((e.start, e.end, e.first, e.last) for e in events),
                publication=article.publication,
                summary=summary(article),
            )
        )
    return readings


def date_right(expected: Expected, reading: Reading) -> bool:
    return reading.published == expected.published and reading.precision == "day" and reading.provenance != "estimated"


def warning_verdict(expected: Expected, reading: Reading) -> str:
    """'caught' or 'missed' where the warning must fire; 'false' or '' where it must not."""
    fired = any(w.startswith(FOREIGN_WARNING) for w in reading.warnings)
    if expected.foreign_headline:
        return "caught" if fired else "missed"
    return "false" if fired else ""


def resolved(relative: Relative, reading: Reading) -> tuple[bool, str]:
    """Whether the bot resolved one expected expression right, and what it said of it."""
    start = reading.body.find(relative.text)
    if start < 0:
        return False, "not in the body"
    end = start + len(relative.text)
    overlapping = [m for m in reading.mentions if m[0] < end and start < m[1]]
    if not overlapping:
        return False, "not found"
    mention = max(overlapping, key=lambda m: min(end, m[1]) - max(start, m[0]))
    first, last = mention[2], mention[3]
    said = "unresolved" if first is None else str(first) if first == last else f"{first}/{last}"
    return value_right(relative.value, first, last), said


def _bot_date(reading: Reading) -> str:
    if reading.published is None:
        return "undated"
    return f"{reading.date_label} ({reading.provenance})"


HEADER = ["fixture", "expected", "bot's date", "date", "headline", "warning", "author", "outlet", "relative"]


def others_right(expected: Expected, reading: Reading) -> list[bool]:
    """The fixture's further gold, each right or not: the publication, how the summary begins, and that no
    event is dated at a text a correction retracts."""
    found = []
    if expected.publication is not None:
        found.append(same_text(expected.publication, reading.publication))
    if expected.summary is not None:
        found.append(" ".join(reading.summary.split()).startswith(" ".join(expected.summary.split())))
    for text in expected.not_events:
        start = reading.body.find(text)
        found.append(
            not any(m[0] < start + len(text) and start < m[1] for m in reading.mentions) if start >= 0 else True
        )
    return found


def score(gold: list[Expected], readings: list[Reading]) -> tuple[list[list[str]], dict[str, int]]:
    """The table's rows and the totals."""
    rows, totals = (
        [],
        dict.fromkeys(
            [
                "fixtures",
                "dates",
                "estimated",
                "undated",
                "headlines",
                "false",
                "foreign",
                "caught",
                "authors",
                "bylines",
                "relative",
                "relative_right",
                "others",
                "others_right",
            ],
            0,
        ),
    )
    for expected, reading in zip(gold, readings, strict=True):
        verdict = warning_verdict(expected, reading)
        right = [resolved(r, reading)[0] for r in expected.relative]
        author_ok = same_text(expected.author, reading.author)
        totals["fixtures"] += 1
        totals["dates"] += date_right(expected, reading)
        totals["estimated"] += reading.provenance == "estimated"
        totals["undated"] += reading.published is None
        totals["headlines"] += same_text(expected.headline, reading.headline)
        totals["false"] += verdict == "false"
        totals["foreign"] += expected.foreign_headline
        totals["caught"] += verdict == "caught"
        totals["bylines"] += expected.author is not None
        totals["authors"] += author_ok
        totals["relative"] += len(right)
        totals["relative_right"] += sum(right)
        others = others_right(expected, reading)
        totals["others"] += len(others)
        totals["others_right"] += sum(others)
        rows.append(
            [
                expected.name,
                expected.published.isoformat(),
                _bot_date(reading),
                "yes" if date_right(expected, reading) else "NO",
                "yes" if same_text(expected.headline, reading.headline) else "NO",
                verdict.upper() if verdict in ("false", "missed") else verdict,
                "" if expected.author is None else "yes" if author_ok else "NO",
                f"{sum(others)}/{len(others)}" if others else "",
                f"{sum(right)}/{len(right)}",
            ]
        )
    return rows, totals


def totals_lines(totals: dict[str, int]) -> list[str]:
    n = totals["fixtures"]
    return [
        f"publication dates right: {totals['dates']}/{n} (estimated instead: {totals['estimated']}, "
        f"undated: {totals['undated']})",
        f"headlines right: {totals['headlines']}/{n}",
        f"false foreign-headline warnings: {totals['false']}/{n - totals['foreign']}; "
        f"foreign headlines caught: {totals['caught']}/{totals['foreign']}",
        f"bylines' authors right: {totals['authors']}/{totals['bylines']}",
        f"relative expressions right: {totals['relative_right']}/{totals['relative']}",
        f"publication, summary and retracted details right: {totals['others_right']}/{totals['others']}",
    ]


def details(gold: list[Expected], readings: list[Reading]) -> list[str]:
    """What the bot read, for every fixture it got something wrong in."""
    lines = []
    for expected, reading in zip(gold, readings, strict=True):
        wrong = [(r, said) for r in expected.relative for ok, said in [resolved(r, reading)] if not ok]
        problems = []
        if not same_text(expected.headline, reading.headline):
            problems.append(f"  headline: {reading.headline!r}")
        if expected.author and not same_text(expected.author, reading.author):
            problems.append(f"  author: {reading.author!r}")
        problems += [f"  warning: {w}" for w in reading.warnings if w.startswith(FOREIGN_WARNING)]
        problems += [f"  {r.text!r}: expected {r.value}, bot {said}" for r, said in wrong]
        if not all(others_right(expected, reading)):
            problems.append(f"  publication {reading.publication!r}; summary {reading.summary[:60]!r}")
        if problems or not date_right(expected, reading):
            lines += [f"{expected.name} ({_bot_date(reading)}, expected {expected.published})", *problems]
    return lines


def layout_list(gold: list[Expected]) -> str:
    return markdown_table(
        ["fixture", "layout", "stands for"], [[e.file, e.layout, "; ".join(e.stands_for)] for e in gold]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--together", action="store_true", help="review all headlines as one corpus")
    parser.add_argument("--details", action="store_true", help="what the bot read where it went wrong")
    parser.add_argument("--layouts", action="store_true", help="list the layouts and whose exports they are")
    args = parser.parse_args(argv)
    gold = load_expected(args.path)
    if args.layouts:
        print(layout_list(gold))
        return
    readings = bot_readings([args.path / e.file for e in gold], together=args.together)
    rows, totals = score(gold, readings)
    print(markdown_table(HEADER, rows))
    print()
    print("\n".join(totals_lines(totals)))
    if args.details:
        print()
        print("\n".join(details(gold, readings)))


if __name__ == "__main__":
    main()
