"""The gold of the layout fixtures (expected.toml beside them): what a careful reader takes from each file."""

from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timeml import gold_unit

GOLD_FILE = "expected.toml"


@dataclass(frozen=True)
class Relative:
    text: str  # as the fixture prints it, exactly once
    value: str  # TIMEX3-style: 2024-03-05, 2024-W10, 2024-W10-WE, 2024-03, 2024-Q3, 2023-WI, 2025


@dataclass(frozen=True)
class Expected:
    """One fixture's gold, from expected.toml."""

    name: str
    file: str
    layout: str
    stands_for: tuple[str, ...]
    headline: str
    published: dt.date
    foreign_headline: bool
    relative: tuple[Relative, ...]
    author: str | None = None
    publication: str | None = None
    updated: dt.date | None = None
    summary: str | None = None  # how the summary begins (a wire story's without its dateline)
    not_events: tuple[str, ...] = ()  # texts that must date no event: what a correction note retracts


def load_expected(folder: Path) -> list[Expected]:
    """The gold of every fixture in `folder`, in file-name order; ValueError naming the table if a field is
    missing or of the wrong kind."""
    tables = tomllib.loads((folder / GOLD_FILE).read_text(encoding="utf-8"))
    gold = []
    for name, table in tables.items():
        try:
            entry = Expected(
                name=name,
                file=table["file"],
                layout=table["layout"],
                stands_for=tuple(table["stands_for"]),
                headline=table["headline"],
                published=table["published"],
                foreign_headline=table["foreign_headline"],
                relative=tuple(Relative(r["text"], r["value"]) for r in table.get("relative", [])),
                author=table.get("author"),
                publication=table.get("publication"),
                updated=table.get("updated"),
                summary=table.get("summary"),
                not_events=tuple(table.get("not_events", [])),
            )
        except (KeyError, TypeError) as error:
            raise ValueError(f"{name}: {error!r}") from error
        dates = [entry.published] if entry.updated is None else [entry.published, entry.updated]
        if any(type(day) is not dt.date for day in dates) or not isinstance(entry.foreign_headline, bool):
            raise ValueError(f"{name}: published/updated must be TOML dates, foreign_headline a boolean")
        gold.append(entry)
    return sorted(gold, key=lambda entry: entry.file)


def value_is_valid(value: str) -> bool:
    """Whether a TIMEX3-style value is one this benchmark can score and names a real period."""
    unit = gold_unit(value)
    if unit is None:
        return False
    granularity, plain = unit
    try:
        if granularity == "day":
            dt.date.fromisoformat(plain)
        elif granularity == "month":
            dt.date.fromisoformat(plain + "-01")
        elif granularity == "week":
            dt.date.fromisocalendar(int(plain[:4]), int(plain[6:]), 1)
    except ValueError:
        return False
    return True


def same_text(a: str | None, b: str | None) -> bool:
    """Equal once case, typographic quotes and spacing are set aside."""

    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKC", text).translate(str.maketrans("‘’“”", "''\"\""))
        return " ".join(text.casefold().split())

    return a is not None and b is not None and fold(a) == fold(b)
