"""Articles whose text waits on a shelf: the header every answer reads stays in memory, and the body, paragraphs
and sentences are fetched when an answer first needs them, so a large archive costs its headers, not its text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from bot.core.article import Article

# What lists, lookups, filters and reply footers read of every article; the rest is fetched on demand.
HEADER = (
    "id",
    "headline",
    "standfirst",
    "rubric",
    "publication",
    "author",
    "url",
    "published",
    "updated",
    "warnings",
    "field_sources",
    "origins",
    "language",
    "lead",
    "replaced",
)


class Shelf(Protocol):
    """Where whole articles are fetched from by the key their parse is kept under (bot.archive.shelves)."""

    def article(self, key: str) -> Article: ...


class ShelvedArticle:
    """An article's header, with the article's text read from its shelf when first asked for (and kept there, in
    a bounded cache, while it is read again and again)."""

    __slots__ = (*HEADER, "_path", "key", "shelf")

    def __init__(self, article: Article | ShelvedArticle, key: str, shelf: Shelf | None) -> None:
        for name in HEADER:
            setattr(self, name, getattr(article, name))
        self.path = article.path
        self.key, self.shelf = key, shelf

    @property
    def path(self) -> Path | None:
        return Path(self._path) if self._path else None

    @path.setter
    def path(self, value: Path | str | None) -> None:
        self._path = str(value) if value else None  # a string until asked for: 100,000 Paths cost a second

    def __getattr__(self, name: str) -> Any:
        # only for what the header does not hold: paragraphs, sentences, body, word_count …
        if name.startswith("__") or name in ("key", "shelf"):
            raise AttributeError(name)
        shelf = self.shelf
        if shelf is None:
            raise LookupError(f"{self.id}'s text is shelved and no shelf is open")
        return getattr(shelf.article(self.key), name)

    @property
    def date_label(self) -> str:
        return self.published.label() if self.published else "undated"

    ROW = (*HEADER, "path", "key")  # a header as the parse cache keeps it: a tuple, the quickest to unpickle

    def row(self) -> tuple[Any, ...]:
        """The header as a tuple in ROW's order (the shelf is a place, not a value: it is left out)."""
        return (*(getattr(self, name) for name in HEADER), self._path, self.key)

    @classmethod
    def from_row(cls, values: tuple[Any, ...], shelf: Shelf | None) -> ShelvedArticle:
        article = cls.__new__(cls)
        article.__setstate__(values)
        article.shelf = shelf
        return article

    __getstate__ = row

    def __setstate__(self, values: tuple[Any, ...]) -> None:
        for name, value in zip(self.ROW, values, strict=True):
            setattr(self, name, value)
        self.shelf = None  # bound again by whoever opens the corpus (Corpus.bind)

    def __repr__(self) -> str:
        return f"ShelvedArticle({self.id!r}, {self.headline!r})"
