"""The corpus in memory: articles with their quotes, events and search index."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.core.article import Article
from bot.core.dates.events import Event
from bot.core.extraction import Extracted, extract
from bot.core.lookup import find_article
from bot.core.quotes.quotations import Quote
from bot.core.search.index import SearchIndex
from bot.core.search.postings import TokenCounter
from bot.core.shelf import Shelf, ShelvedArticle

T = TypeVar("T")


class Derived:
    """Values worked out from one corpus on first use and kept with it: a corpus is only read once built, so
    they never go stale, and they go when it does (a reload builds a new corpus).

    A pickled corpus leaves them out: they are quick to work out again, and the cache's writer thread pickles
    the corpus while commands may be adding to them."""

    def __init__(self) -> None:
        self._values: dict[Callable[[Any], Any], Any] = {}

    def __reduce__(self) -> tuple[type[Derived], tuple[()]]:
        return Derived, ()

    def get(self, compute: Callable[[Corpus], T], corpus: Corpus) -> T:
        try:
            return self._values[compute]
        except KeyError:  # two commands may both compute it: the same value, kept once
            value = self._values[compute] = compute(corpus)
            return value


@dataclass
class Corpus:
    """Everything the bot answers from, built once and then only read."""

    articles: dict[str, Article]
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files skipped, by name and reason
    index: SearchIndex | None = None
    keys: dict[str, str] = field(default_factory=dict)  # article id → the key its parse is kept under (a shelf's)
    _derived: Derived = field(default_factory=Derived, init=False, repr=False, compare=False)

    @classmethod
    def from_articles(cls, articles: list[Article], errors: list[str] | None = None) -> Corpus:
        return cls.from_extracted([extract(article) for article in articles], errors)

    @classmethod
    def from_extracted(
        cls, entries: list[Extracted], errors: list[str] | None = None, counted: TokenCounter | None = None
    ) -> Corpus:
        """A corpus from articles whose quotes and events are already extracted (e.g. from a cache);
        `counted`: their index texts already counted, in this order (as bot.archive.load does)."""
        corpus = cls({entry.article.id: entry.article for entry in entries}, errors=list(errors or []))
        for entry in entries:
            corpus.quotes.extend(entry.quotes)
            corpus.events.extend(entry.events)
        speakers = {entry.article.id: speakers_of(entry.quotes) for entry in entries}
        corpus.index = SearchIndex([entry.article for entry in entries], speakers, counted)
        return corpus

    def changed(
        self,
        added: list[Extracted],
        removed: Collection[str] = (),
        index: Callable[[dict[str, Article]], SearchIndex] | None = None,
    ) -> Corpus:
        """A new corpus: this one without the `removed` ids and with the `added` articles (an added id that is
        here already is replaced). This corpus stays as it was, so an answer in progress never sees a mix.

        `index`, given the new articles by id, makes the new search view (a disk index commits the change);
        by default this corpus's index is changed in memory."""
        gone = set(removed) | {entry.article.id for entry in added}
        articles = {i: a for i, a in self.articles.items() if i not in gone}
        articles.update((entry.article.id, entry.article) for entry in added)
        quotes = [q for q in self.quotes if q.article_id not in gone] + [q for e in added for q in e.quotes]
        events = [e for e in self.events if e.article_id not in gone] + [v for e in added for v in e.events]
        if index is not None:
            view = index(articles)
        else:
            pairs = [(entry.article, speakers_of(entry.quotes)) for entry in added]
            view = self.index.changed(pairs, [i for i in gone if i in self.articles])
        keys = {i: key for i, key in self.keys.items() if i not in gone}
        return Corpus(articles, quotes, events, self.errors, view, keys)

    def shelved(self, shelf: Shelf) -> Corpus:
        """This corpus with the text of every article that has a key left on `shelf`: the headers stay, the
        rest is fetched when an answer reads it. The same quotes, events and index (its passages read the
        shelved articles too)."""
        articles = {
            article_id: ShelvedArticle(article, self.keys[article_id], shelf)
            if article_id in self.keys and not (isinstance(article, ShelvedArticle) and article.shelf is shelf)
            else article
            for article_id, article in self.articles.items()
        }
        index = self.index.reading(articles) if self.index is not None else None
        return Corpus(articles, self.quotes, self.events, self.errors, index, self.keys)

    def bind(self, shelf: Shelf) -> None:
        """Give shelved articles (unpickled, they have none) the shelf their text is fetched from."""
        for article in self.articles.values():
            if isinstance(article, ShelvedArticle):
                article.shelf = shelf

    def derived(self, compute: Callable[[Corpus], T]) -> T:
        """compute(self), worked out on first use and then kept with this corpus (see Derived)."""
        return self._derived.get(compute, self)

    def article(self, key: str) -> Article | None:
        """The article an `article:` option names (bot.core.lookup): by id, id prefix or headline."""
        return find_article(self.articles, key)

    def quotations(self) -> list[Quote]:
        return [q for q in self.quotes if q.kind == "quote"]

    def version(self) -> str:
        """A short fingerprint of what is loaded (ids and texts): equal in two processes when they hold the same
        corpus, so `/corpus status` in each tells whether a reload reached it."""
        return self.derived(_version)

    def timeline_events(self) -> list[Event]:
        """The events /timeline shows when asked for everything (dated, one per sentence and date, publications
        included): what every count of events means, in `corpus check`, the start-up log and /corpus status."""
        return self.derived(_timeline_events)


def _timeline_events(corpus: Corpus) -> list[Event]:
    return one_per_sentence([e for e in corpus.events if e.resolved])


def one_per_sentence(events: list[Event]) -> list[Event]:
    """One entry per sentence and date: "mid-2022 … that year" is the mid-2022 entry, not two."""
    kept: list[Event] = []
    same_sentence: list[Event] = []  # the kept events of the sentence at hand: sorted, a sentence's come together
    for event in sorted(events, key=lambda e: (e.article_id, e.sentence, (e.last - e.first).days)):
        if not same_sentence or (same_sentence[0].article_id, same_sentence[0].sentence) != (
            event.article_id,
            event.sentence,
        ):
            same_sentence = []
        if not any(k.first >= event.first and k.last <= event.last for k in same_sentence):
            kept.append(event)
            same_sentence.append(event)
    return kept


def speakers_of(quotes: list[Quote]) -> list[str]:
    """Who speaks an article's quotations, as the search index lists them."""
    return [q.who for q in quotes if q.kind == "quote" and q.who]


def _version(corpus: Corpus) -> str:
    # headers and what was extracted, not the text: reading every body would fetch a shelved corpus whole
    counts: dict[str, int] = {}
    for item in (*corpus.quotes, *corpus.events):
        counts[item.article_id] = counts.get(item.article_id, 0) + 1
    digest = hashlib.sha256()
    for article_id in sorted(corpus.articles):
        article = corpus.articles[article_id]
        digest.update(f"{article_id}\0{article.headline}\0{article.date_label}\0{counts.get(article_id, 0)}\0".encode())
    return digest.hexdigest()[:10]
