"""One news article as the bot holds it: its fields, its publication date and the warnings it raises alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from bot.core.lexicon import lower_case_words
from bot.core.periods import Period, day_period, month_period, period_label, year_period
from bot.core.text import PARAGRAPH_SEPARATOR, Sentence, split_sentences

Precision = Literal["day", "month", "year"]
Provenance = Literal["stated", "catalog", "estimated"]

NO_HEADLINE = "no headline in the file; showing its first sentence"
UNDATED = "undated"


class CorpusError(Exception):
    """A corpus file that cannot be read or parsed; the message names the file."""


@dataclass(frozen=True)
class PubDate:
    """A publication date with how precise it is and where it came from."""

    value: dt.date
    precision: Precision = "day"
    provenance: Provenance = "stated"

    def period(self) -> Period:
        """The days the date stands for: the day, or the whole month or year when only that is known."""
        if self.precision == "day":
            return day_period(self.value)
        if self.precision == "month":
            return month_period(self.value.year, self.value.month)
        return year_period(self.value.year)

    def label(self) -> str:
        """The date as a reader sees it: '15 Sep 2022', 'Sep 2022', '2022', 'c. Jul 2024'."""
        period = self.period()
        return period_label(period.first, period.last, period.granularity, approximate=self.provenance == "estimated")


@dataclass
class Article:
    """One news article as the bot understands it; `id` is the file name without its extension."""

    id: str
    headline: str
    paragraphs: list[str]
    standfirst: str | None = None
    rubric: str | None = None
    publication: str | None = None
    author: str | None = None
    url: str | None = None
    published: PubDate | None = None
    updated: PubDate | None = None  # a last-updated date printed besides the publication date
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)
    field_sources: dict[str, str] = field(default_factory=dict)  # field → "stated" | "derived" | "catalog" | …
    # a saved web page's fields: where on the page each came from ("JSON-LD", "OpenGraph", "byline", "htmldate" …)
    origins: dict[str, str] = field(default_factory=dict)
    language: str | None = None  # a web page's stated language ("en", "de-DE")
    lead: str | None = None  # an opening summary paragraph the author wrote, when the layout has one
    replaced: dict[str, object] = field(default_factory=dict)  # what the file said where the catalog overrode it
    sentences: list[Sentence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.paragraphs)

    @property
    def body(self) -> str:
        """Paragraphs joined by blank lines; every character offset in the bot points into this."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @cached_property
    def lower_case_words(self) -> frozenset[str]:
        """The words the body prints in lower case, found once: the speaker finder and the review both
        read them (the paragraphs do not change once parsed)."""
        return lower_case_words(self.body)

    @cached_property
    def lowered_body(self) -> str:
        """body.lower(), made once: the date finder and the review both search it (lower-casing a body with
        curly quotes costs as much as a search)."""
        return self.body.lower()

    def __getstate__(self) -> dict[str, object]:
        # Sentences travel (from parsing workers, into the cache) as their offsets, three numbers each: their
        # text is in the paragraphs already, and pickling dozens of strings per article took most of the time.
        state = self.__dict__.copy()
        state.pop("lower_case_words", None)  # derived, and only read where the article is parsed
        state.pop("lowered_body", None)
        state["sentences"] = [n for s in self.sentences for n in (s.start, s.end, s.paragraph)]
        return state

    def __setstate__(self, state: dict) -> None:
        body, offsets = PARAGRAPH_SEPARATOR.join(state["paragraphs"]), state["sentences"]
        state["sentences"] = [
            Sentence(body[start:end], start, end, paragraph)
            for start, end, paragraph in zip(offsets[::3], offsets[1::3], offsets[2::3], strict=True)
        ]
        self.__dict__.update(state)

    @property
    def date_label(self) -> str:
        return self.published.label() if self.published else "undated"

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def review(article: Article) -> None:
    """Recompute the warnings one article can raise on its own (after parsing or after the catalog)."""
    kept = [w for w in article.warnings if w not in (NO_HEADLINE, UNDATED)]
    if article.field_sources.get("headline") == "derived":
        kept.append(NO_HEADLINE)
    if article.published is None:
        kept.append(UNDATED)
    article.warnings = kept


def suspect(article: Article, name: str) -> bool:
    """Whether a header field still holds what was flagged as another article's."""
    return name not in article.replaced and any(w.startswith(f"{name} names") for w in article.warnings)
