"""Opening a large archive without reading it whole: each article's header, quotations and events from the
cache's summaries, the search index from disk with only what changed indexed again, and only new or changed
files parsed."""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.archive.cache import CorpusCache, content_hash
from bot.archive.files import Parsed, Source
from bot.archive.later import Later
from bot.archive.load import catalogued, collector_paused, release_freed_memory
from bot.archive.pool import parse_files
from bot.archive.search.disk import DiskSearch
from bot.core.article import Article, CorpusError
from bot.core.corpus import Corpus, speakers_of
from bot.core.dates.events import Event
from bot.core.extraction import Extracted
from bot.core.quotes.quotations import Quote
from bot.core.reading.review import review_corpus
from bot.core.search.english import is_real_word
from bot.core.search.index import SearchIndex
from bot.core.shelf import ShelvedArticle

log = logging.getLogger(__name__)

MANIFEST = "articles.tsv"  # beside the index: each article id it holds and the digest of what was indexed
BUILD_FROM = 500  # articles to index at once, from nothing, that are worth a bulk build


class Manifest:
    """What the index in a folder holds, by article id: the content digest it was indexed from. Appended to at
    each change (a line an article, '-' for one removed) and written whole again when the archive opens."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST
        self.digests: dict[str, str] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                article_id, _, digest = line.partition("\t")
                if digest == "-":
                    self.digests.pop(article_id, None)
                elif digest:
                    self.digests[article_id] = digest

    def record(self, indexed: dict[str, str], removed: list[str]) -> None:
        self.digests.update(indexed)
        for article_id in removed:
            self.digests.pop(article_id, None)
        lines = [f"{i}\t-" for i in removed] + [f"{i}\t{d}" for i, d in indexed.items()]
        if lines:
            with self.path.open("a", encoding="utf-8") as manifest:
                manifest.write("\n".join(lines) + "\n")

    def rewrite(self) -> None:
        scratch = self.path.with_suffix(".tmp")
        scratch.write_text("".join(f"{i}\t{d}\n" for i, d in self.digests.items()), encoding="utf-8")
        scratch.replace(self.path)


@dataclass
class OnDisk:
    """The archive's search index on disk and the manifest of what it holds, open to change."""

    search: DiskSearch
    manifest: Manifest

    def committer(
        self, added: list[Extracted], gone: list[str], digests: dict[str, str]
    ) -> Callable[[dict[str, Article]], SearchIndex]:
        """What commits a change to the index, given the articles after it (run off the event loop)."""

        def commit(articles: dict[str, Article]) -> SearchIndex:
            self.search.remove(gone)
            self.search.add([(entry.article, speakers_of(entry.quotes)) for entry in added])
            view = self.search.commit(articles)
            self.manifest.record({e.article.id: digests.get(e.article.id, "") for e in added}, gone)
            return view

        return commit

    def close(self) -> None:
        """Let go of the writer (nothing is left to write: each change was committed)."""
        self.search.close()


def open_archive(
    folder: Path,
    sources: list[Source],
    errors: list[str],
    cache: CorpusCache,
    index_dir: Path,
    processes: int | None = None,
    max_bytes: int = 5 * 1024 * 1024,
) -> tuple[Corpus, OnDisk]:
    """The corpus of `sources` with its search view on disk; the index and its manifest, kept open to change."""
    with collector_paused():
        corpus, disk = _open(folder, sources, errors, cache, index_dir, processes, max_bytes)
    release_freed_memory()
    threading.Thread(target=_settle, args=(corpus.quotes, corpus.events), name="archive-unpack", daemon=True).start()
    return corpus, disk


def _open(
    folder: Path,
    sources: list[Source],
    errors: list[str],
    cache: CorpusCache,
    index_dir: Path,
    processes: int | None,
    max_bytes: int,
) -> tuple[Corpus, OnDisk]:
    sources, entries = catalogued(folder, sources, max_bytes, errors)
    digests = {s.article_id: d for s, e in zip(sources, entries, strict=True) if (d := content_hash(s, e))}
    summaries = _summaries(cache, {s.key: digests.get(s.article_id) for s in sources})
    jobs = [(s, e) for s, e in zip(sources, entries, strict=True) if s.key not in summaries]
    cache.hashes = {s.key: digests.get(s.article_id) for s, _ in jobs}  # rows are kept under these digests
    fresh = _parse(cache, jobs, errors, processes, max_bytes)
    articles: dict[str, Article | ShelvedArticle] = {}
    parts: list[str | tuple[list[Quote], list[Event]]] = []  # each article's quotations and events, or its key
    for source in sources:
        if source.key in summaries:
            article = ShelvedArticle.from_row(summaries[source.key], cache)
            parts.append(source.key)
        elif source.key in fresh:
            article, its_quotes, its_events = fresh[source.key].extracted
            parts.append((its_quotes, its_events))
        else:
            continue  # it failed, and errors says why
        articles[article.id] = article
    quotes, events = _unpacked_later(parts, cache)
    search, manifest = _indexed(index_dir, articles, quotes, {i: digests[i] for i in articles})
    keys = {source.article_id: source.key for source in sources if source.article_id in articles}
    corpus = Corpus(articles, quotes, events, errors, search.view, keys)
    log.info("archive opened: %d articles (%d parsed)", len(articles), len(fresh))
    return corpus, OnDisk(search, manifest)


def _unpacked_later(parts: list[str | tuple[list[Quote], list[Event]]], cache: CorpusCache) -> tuple[Later, Later]:
    """The archive's quotations and events, read and unpacked once, when either is first read (by `_settle` right
    after the archive opens, unless an answer asks first): opening 100,000 articles waits for their headers alone."""
    lock = threading.Lock()
    unpacked: dict[str, list] = {}

    def both() -> dict[str, list]:
        with lock:
            if not unpacked:
                packed = cache.packed_later() if any(isinstance(part, str) for part in parts) else {}
                quotes: list[Quote] = []
                events: list[Event] = []
                for part in parts:
                    try:
                        its_quotes, its_events = pickle.loads(packed.pop(part)) if isinstance(part, str) else part
                    except Exception:  # a damaged or vanished row: that article answers without them
                        log.warning("corpus cache: the quotations and events of %s are unreadable", part)
                        continue
                    quotes += its_quotes
                    events += its_events
                unpacked.update(quotes=quotes, events=events)
                parts.clear()
            return unpacked

    return Later(lambda: both()["quotes"]), Later(lambda: both()["events"])


def _settle(quotes: Later, events: Later) -> None:
    started = time.perf_counter()
    is_real_word("news")  # the English word list, loaded here rather than inside the first query
    with collector_paused():
        quotes.settle(), events.settle()
    log.info(
        "archive's %d quotations and %d events unpacked in %.1f s",
        len(quotes),
        len(events),
        time.perf_counter() - started,
    )


def _summaries(cache: CorpusCache, wanted: dict[str, str | None]) -> dict[str, tuple[Any, ...]]:
    """The article headers the cache holds for these keys at these digests, by key."""
    found = {}
    for key, summary in cache.db.execute(
        "SELECT file_name, summary FROM corpus_cache "
        "WHERE extractor_version = ? AND summary IS NOT NULL AND later IS NOT NULL",
        (cache.version,),
    ):
        if key in wanted and cache.known.get(key, (None,))[0] == wanted[key]:
            try:
                found[key] = pickle.loads(summary)
            except Exception:  # a damaged row is only a miss: the file is parsed again
                log.warning("corpus cache summary for %s is unreadable; parsing it again", key)
    return found


def _parse(
    cache: CorpusCache, jobs: list[tuple[Source, dict | None]], errors: list[str], processes: int | None, max_bytes: int
) -> dict[str, Parsed]:
    """The parses of new and changed files (kept in the cache as they come), by key; reviewed among themselves."""
    parsed: dict[str, Parsed] = {}
    outcomes = parse_files([(source, entry, max_bytes) for source, entry in jobs], processes, packed=True)
    for (source, _), (outcome, packed) in zip(jobs, outcomes, strict=True):
        if isinstance(outcome, CorpusError):
            log.warning("skipped corpus file %s", outcome)
            errors.append(str(outcome))
            continue
        parsed[source.key] = outcome
        cache.put(source, outcome, packed)
    review_corpus([p.extracted.article for p in parsed.values()], [p.facts for p in parsed.values()])
    cache.flush()
    return parsed


def _indexed(
    index_dir: Path, articles: dict[str, Article | ShelvedArticle], quotes: list[Quote], digests: dict[str, str]
) -> tuple[DiskSearch, Manifest]:
    """The disk index, brought up to what the archive holds: what it lacks or holds at another digest
    indexed again, what left the archive removed; built in bulk when it holds nothing yet."""
    by_article: dict[str, list[Quote]] | None = None

    def speakers_of_article(article_id: str) -> list[str]:  # the quotations are read only when some are indexed
        nonlocal by_article
        if by_article is None:
            by_article = {}
            for quote in quotes:
                by_article.setdefault(quote.article_id, []).append(quote)
        return speakers_of(by_article.get(article_id, []))

    manifest = Manifest(index_dir) if index_dir.is_dir() else None
    if (manifest is None or not manifest.digests) and len(articles) >= BUILD_FROM:
        pairs = ((a, speakers_of_article(i)) for i, a in articles.items())
        search = DiskSearch.build(index_dir, pairs, articles)
        manifest = Manifest(index_dir)
        manifest.digests = dict(digests)
        manifest.rewrite()
        return search, manifest
    manifest = manifest or Manifest(index_dir)
    stale = [i for i, d in manifest.digests.items() if digests.get(i) != d]
    new = [i for i in articles if manifest.digests.get(i) != digests[i]]
    # what the index holds of a changed article is gone from the cache (its new parse took its place): it
    # is removed without counting its words out of the vocabulary, then its new version added
    unchanged = {i: a for i, a in articles.items() if i not in set(stale)}
    search = DiskSearch.open(index_dir, unchanged)
    if stale:
        search.remove(stale)
        search.commit(unchanged)
    if new:
        search.add([(articles[i], speakers_of_article(i)) for i in new])
        search.commit(articles)
    if stale or new:
        manifest.record({i: digests[i] for i in new}, [i for i in stale if i not in digests])
    manifest.rewrite()
    return search, manifest
