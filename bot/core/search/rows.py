"""The articles an index holds, one row each: id, headline, publication days and outlet, and whether it is live."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from bot.core.search.vocabulary import tokens

if TYPE_CHECKING:
    from bot.core.article import Article


def headline_key(text: str) -> str:
    """A headline as typed, whatever its apostrophes, dashes and case."""
    return " ".join(tokens(text))


def publication_span(article: Article) -> tuple[int, int]:
    """The days an article's publication date covers, as ordinals; (-1, -1) when undated."""
    if article.published is None:
        return -1, -1
    period = article.published.period()
    return period.first.toordinal(), period.last.toordinal()


class RowEntry(NamedTuple):
    """What a row holds of its article."""

    id: str
    headline: str
    publication: str | None
    first_day: int
    last_day: int


@dataclass(frozen=True)
class Where:
    """Which rows a search may return: published on or after a day, on or before one, by some outlets.

    The same days as a search's start and end filters: an article whose publication period ends on or after
    `start_day`, and which is dated and begins on or before `end_day`."""

    start_day: int | None = None
    end_day: int | None = None
    publications: tuple[int, ...] | None = None  # publication codes (Rows.publication_names)


class Rows:
    """One view's per-row arrays. Rows are only ever appended: a removed article's row stays, masked out, so
    a row number names one article for good. `added` and `removed` give a new view and leave this one as it
    was (copy on write: a few MB at 100,000 articles)."""

    def __init__(
        self,
        ids: list[str],
        headlines: list[str],
        keys: list[str],
        days: tuple[np.ndarray, np.ndarray],
        publication_code: np.ndarray,
        publication_names: list[str],
        alive: np.ndarray | None = None,
    ) -> None:
        self.ids, self.headlines, self.keys = ids, headlines, keys
        self.first_day, self.last_day = (np.asarray(d, dtype=np.int32) for d in days)
        self.publication_code = np.asarray(publication_code, dtype=np.int32)
        self.publication_names = publication_names  # by code; append-only, so a code means one outlet for good
        self.alive = np.ones(len(ids), dtype=bool) if alive is None else alive

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Rows:
        empty = cls([], [], [], (np.zeros(0), np.zeros(0)), np.zeros(0), [])
        return empty.added([RowEntry(a.id, a.headline, a.publication, *publication_span(a)) for a in articles])

    def __len__(self) -> int:
        return len(self.ids)

    def added(self, entries: Sequence[RowEntry]) -> Rows:
        """A new view with a row appended for each article (a RowEntry, or anything with its attributes)."""
        names = list(self.publication_names)
        codes = self.codes([e.publication for e in entries], names)
        headlines = [e.headline for e in entries]
        view = Rows(
            self.ids + [e.id for e in entries],
            self.headlines + headlines,
            self.keys + [headline_key(h) for h in headlines],
            (
                np.concatenate([self.first_day, [e.first_day for e in entries]]),
                np.concatenate([self.last_day, [e.last_day for e in entries]]),
            ),
            np.concatenate([self.publication_code, codes]),
            names,
            np.concatenate([self.alive, np.ones(len(entries), dtype=bool)]),
        )
        if "newest" in self.__dict__ and entries:  # the new rows slotted in: no sort of every row again
            days = view.first_day[len(self) :]
            order = np.argsort(-days, kind="stable")
            at = np.searchsorted(-self.first_day[self.newest], -days[order], side="right")
            view.__dict__["newest"] = np.insert(self.newest, at, order + len(self))
        return view

    def codes(self, publications: Sequence[str | None], names: list[str] | None = None) -> list[int]:
        """The code each publication has, or gets when its article is added (-1: none); new names are appended
        to `names` (by default a copy of this view's)."""
        names = list(self.publication_names) if names is None else names
        known = {name: code for code, name in enumerate(names)}
        for publication in publications:
            if publication and publication not in known:
                known[publication] = len(names)
                names.append(publication)
        return [known[p] if p else -1 for p in publications]

    def removed(self, rows: Iterable[int]) -> Rows:
        """A new view with these rows masked out."""
        alive = self.alive.copy()
        alive[list(rows)] = False
        days = (self.first_day, self.last_day)
        view = Rows(self.ids, self.headlines, self.keys, days, self.publication_code, self.publication_names, alive)
        if "newest" in self.__dict__:
            view.__dict__["newest"] = self.newest[alive[self.newest]]
        return view

    @cached_property
    def row_of(self) -> dict[str, int]:
        """The row of each live article, by id."""
        return {self.ids[row]: row for row in np.flatnonzero(self.alive).tolist()}

    @cached_property
    def live(self) -> int:
        return int(np.count_nonzero(self.alive))

    @cached_property
    def publications(self) -> list[str]:
        """The outlets of the live articles, sorted."""
        codes = self.publication_code[self.alive]
        used = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(self.publication_names)))
        return sorted(self.publication_names[code] for code in used.tolist())

    @cached_property
    def newest(self) -> np.ndarray:
        """The live rows, newest first; equal dates in row order."""
        order = np.argsort(-self.first_day, kind="stable")
        return order[self.alive[order]]

    def where(self, start: dt.date | None, end: dt.date | None, publication: str | None) -> Where:
        codes = None
        if publication:
            wanted = publication.strip().lower()
            codes = tuple(code for code, name in enumerate(self.publication_names) if name.lower() == wanted)
        return Where(
            start.toordinal() if start is not None else None, end.toordinal() if end is not None else None, codes
        )

    def mask(self, where: Where) -> np.ndarray:
        """The rows a search may return: live, and within the filters."""
        allowed = self.alive.copy()
        if where.start_day is not None:
            allowed &= self.last_day >= where.start_day
        if where.end_day is not None:
            allowed &= (self.first_day <= where.end_day) & (self.first_day >= 0)
        if where.publications is not None:
            allowed &= np.isin(self.publication_code, where.publications)
        return allowed

    def state(self) -> dict:
        return {
            "ids": self.ids,
            "headlines": self.headlines,
            "keys": self.keys,
            "first_day": self.first_day,
            "last_day": self.last_day,
            "publication_code": self.publication_code,
            "publication_names": self.publication_names,
            "alive": self.alive,
        }

    @classmethod
    def from_state(cls, state: dict) -> Rows:
        days = (state["first_day"], state["last_day"])
        names = list(state["publication_names"])
        return cls(
            state["ids"], state["headlines"], state["keys"], days, state["publication_code"], names, state["alive"]
        )
