"""The corpus in memory: articles with their quotes, events and search index."""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bot.core.articles import Article, CorpusError, corpus_files
from bot.core.catalog import load_catalog
from bot.core.dates import Event
from bot.core.extraction import Extracted, Parsed, extract, parse_files
from bot.core.lookup import find_article
from bot.core.postings import TokenCounter
from bot.core.quotes import Quote
from bot.core.review import review_corpus
from bot.core.search import SearchIndex, indexed_text

log = logging.getLogger(__name__)


@dataclass
class Corpus:
    """Everything the bot answers from, built once and then only read."""

    articles: dict[str, Article]
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files skipped, by name and reason
    index: SearchIndex | None = None

    @classmethod
    def from_articles(cls, articles: list[Article], errors: list[str] | None = None) -> Corpus:
        return cls.from_extracted([extract(article) for article in articles], errors)

    @classmethod
    def from_extracted(
        cls, entries: list[Extracted], errors: list[str] | None = None, counted: TokenCounter | None = None
    ) -> Corpus:
        """A corpus from articles whose quotes and events are already extracted (e.g. from a cache);
        `counted`: their index texts already counted, in this order (see _IndexFeed)."""
        corpus = cls({article.id: article for article, _, _ in entries}, errors=list(errors or []))
        for _, quotes, events in entries:
            corpus.quotes.extend(quotes)
            corpus.events.extend(events)
        speakers = {article.id: speakers_of(quotes) for article, quotes, _ in entries}
        corpus.index = SearchIndex([article for article, _, _ in entries], speakers, counted)
        return corpus

    def article(self, key: str) -> Article | None:
        """The article an `article:` option names (bot.core.lookup): by id, id prefix or headline."""
        return find_article(self.articles, key)

    def quotations(self) -> list[Quote]:
        return [q for q in self.quotes if q.kind == "quote"]


class ArticleCache(Protocol):
    """Parsed and extracted files kept between runs, keyed by file content and catalog entry (bot/cache.py)."""

    def saved_corpus(self, folder: Path, paths: list[Path], entries: list[dict | None],
                     errors: list[str]) -> Corpus | None:
        """The whole corpus as last loaded, when no file, catalog entry or extractor changed since."""

    def get_many(self, paths: list[Path], entries: list[dict | None]) -> list[Parsed | None]: ...

    def put(self, path: Path, parsed: Parsed, packed: bytes | None = None) -> None: ...

    def finish(self, paths: list[Path], corpus: Corpus) -> None: ...


def load_corpus(folder: Path, cache: ArticleCache | None = None, processes: int | None = None) -> Corpus:
    """Load every article file of a folder; a file that fails is logged by name and skipped.

    Files the cache does not know are parsed, in `processes` worker processes (by default one per CPU when
    there are many files, else none); the result is the same however many.

    The cycle collector pauses meanwhile: the load makes a million objects that all live on, and it would
    scan them again and again (1.6 of 7 CPU-seconds in this process for 10,000 files). Whatever cyclic
    garbage the load leaves is collected when it resumes."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(folder, cache, processes)
    finally:
        if collecting:
            gc.enable()


def _load(folder: Path, cache: ArticleCache | None, processes: int | None) -> Corpus:
    errors: list[str] = []
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist")
    paths = corpus_files(folder)
    try:
        catalog = load_catalog(folder)
    except CorpusError as error:
        log.error("catalog ignored: %s", error)
        errors.append(str(error))
        catalog = {}
    entries = [catalog.get(path.stem) for path in paths]
    saved = cache.saved_corpus(folder, paths, entries, errors) if cache is not None else None
    if saved is not None:
        for error in saved.errors[len(errors) :]:
            log.warning("skipped corpus file %s", error)
        _log_loaded(saved, folder)
        return saved
    found = cache.get_many(paths, entries) if cache is not None else [None] * len(paths)
    missing = [i for i, parsed in enumerate(found) if parsed is None]
    outcomes = parse_files([(paths[i], entries[i]) for i in missing], processes, packed=cache is not None)
    feed = _IndexFeed(found)
    for k, (i, (outcome, packed)) in enumerate(zip(missing, outcomes, strict=True)):
        if isinstance(outcome, CorpusError):
            log.warning("skipped corpus file %s", outcome)
            errors.append(str(outcome))
        else:
            found[i] = outcome
            if cache is not None:
                cache.put(paths[i], outcome, packed)
        feed.until(missing[k + 1] if k + 1 < len(missing) else len(found))
    feed.until(len(found))
    parsed = [entry for entry in found if entry is not None]
    review_corpus([article for (article, _, _), _ in parsed], [facts for _, facts in parsed], feed.printed)
    corpus = Corpus.from_extracted([extracted for extracted, _ in parsed], errors, feed.counter)
    if cache is not None:
        cache.finish(paths, corpus)
    _log_loaded(corpus, folder)
    return corpus


def speakers_of(quotes: list[Quote]) -> list[str]:
    """Who speaks an article's quotations, as the search index lists them."""
    return [q.who for q in quotes if q.kind == "quote" and q.who]


class _IndexFeed:
    """Counts each parsed article's index text as soon as every file before it is parsed too (the order
    of the index), while worker processes go on parsing: the count is most of the index's build. The
    words the corpus prints in lower case (for its review) are gathered on the way."""

    def __init__(self, found: list[Parsed | None]) -> None:
        self.found, self.fed, self.counter = found, 0, TokenCounter()
        self.printed: set[str] = set()

    def until(self, end: int) -> None:
        """Count the parsed files before `end` not counted yet (a file that failed has no entry)."""
        for entry in self.found[self.fed : end]:
            if entry is not None:
                (article, quotes, _), facts = entry
                self.counter.add(indexed_text(article, speakers_of(quotes)))
                self.printed.update(facts.lower_case_words.split())
        self.fed = max(self.fed, end)


def _log_loaded(corpus: Corpus, folder: Path) -> None:
    log.info("corpus loaded: %d articles, %d quotes, %d events from %s",
             len(corpus.articles), len(corpus.quotations()), len(corpus.events), folder)
