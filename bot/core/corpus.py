"""The corpus in memory: articles with their quotes, events and search index."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bot.core.articles import Article, CorpusError, corpus_files, read_article, review_corpus
from bot.core.catalog import apply_catalog, load_catalog
from bot.core.dates import Event, extract_events
from bot.core.quotes import Quote, extract_quotes
from bot.core.search import SearchIndex
from bot.core.undated import estimate_published

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
    def from_extracted(cls, entries: list[Extracted], errors: list[str] | None = None) -> Corpus:
        """A corpus from articles whose quotes and events are already extracted (e.g. from a cache)."""
        corpus = cls({article.id: article for article, _, _ in entries}, errors=list(errors or []))
        for _, quotes, events in entries:
            corpus.quotes.extend(quotes)
            corpus.events.extend(events)
        speakers: dict[str, list[str]] = {}
        for item in corpus.quotations():
            if item.who:
                speakers.setdefault(item.article_id, []).append(item.who)
        corpus.index = SearchIndex([article for article, _, _ in entries], speakers)
        return corpus

    def article(self, key: str) -> Article | None:
        """An article by id, or by its exact headline (what autocomplete may hand back)."""
        if key in self.articles:
            return self.articles[key]
        lowered = key.strip().lower()
        return next((a for a in self.articles.values() if a.headline.lower() == lowered), None)

    def quotations(self) -> list[Quote]:
        return [q for q in self.quotes if q.kind == "quote"]


Extracted = tuple[Article, list[Quote], list[Event]]


def extract(article: Article) -> Extracted:
    if article.published is None:
        article.published = estimate_published(article)  # first: relative dates need an anchor
    return article, extract_quotes(article), extract_events(article)


class ArticleCache(Protocol):
    """Parsed and extracted articles kept between runs, keyed by file content (see bot/cache.py)."""

    def get(self, path: Path) -> Extracted | None: ...

    def put(self, path: Path, entry: Extracted) -> None: ...

    def finish(self, paths: list[Path]) -> None: ...


def load_corpus(folder: Path, cache: ArticleCache | None = None) -> Corpus:
    """Load every article file of a folder; a file that fails is logged by name and skipped."""
    entries: list[Extracted] = []
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
    for path in paths:
        # Catalog facts (a date) change what is extracted, so catalogued files bypass the content cache.
        cached = cache is not None and path.stem not in catalog
        entry = cache.get(path) if cached else None
        if entry is None:
            try:
                entry = extract(apply_catalog(read_article(path), catalog.get(path.stem)))
            except CorpusError as error:
                log.warning("skipped corpus file %s", error)
                errors.append(str(error))
                continue
            if cached:
                cache.put(path, entry)
        entries.append(entry)
    review_corpus([article for article, _, _ in entries])
    if cache:
        cache.finish(paths)
    corpus = Corpus.from_extracted(entries, errors)
    log.info("corpus loaded: %d articles, %d quotes, %d events from %s",
             len(corpus.articles), len(corpus.quotations()), len(corpus.events), folder)
    return corpus
