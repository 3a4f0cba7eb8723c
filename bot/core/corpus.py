"""The corpus in memory: articles with their quotes, events and search index."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.articles import Article, CorpusError, corpus_files, read_article
from bot.core.dates import Event, extract_events
from bot.core.quotes import Quote, extract_quotes
from bot.core.search import SearchIndex

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
        corpus = cls({a.id: a for a in articles}, errors=list(errors or []))
        for article in articles:
            corpus.quotes.extend(extract_quotes(article))
            corpus.events.extend(extract_events(article))
        corpus.index = SearchIndex(articles)
        return corpus

    def article(self, key: str) -> Article | None:
        """An article by id, or by its exact headline (what autocomplete may hand back)."""
        if key in self.articles:
            return self.articles[key]
        lowered = key.strip().lower()
        return next((a for a in self.articles.values() if a.headline.lower() == lowered), None)

    def quotations(self) -> list[Quote]:
        return [q for q in self.quotes if q.kind == "quote"]


def load_corpus(folder: Path) -> Corpus:
    """Load every article file of a folder; a file that fails is logged by name and skipped."""
    articles: list[Article] = []
    errors: list[str] = []
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist")
    for path in corpus_files(folder):
        try:
            articles.append(read_article(path))
        except CorpusError as error:
            log.warning("skipped corpus file %s", error)
            errors.append(str(error))
    corpus = Corpus.from_articles(articles, errors)
    log.info("corpus loaded: %d articles, %d quotes, %d events from %s",
             len(corpus.articles), len(corpus.quotations()), len(corpus.events), folder)
    return corpus
