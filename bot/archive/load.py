"""Loading the archive: each folder file and stored article from the cache or parsed (in workers when many)."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from bot.archive.files import MAX_FILE_BYTES, Parsed, Source, corpus_names, digest_of, load_catalog, too_large
from bot.archive.pool import parse_files
from bot.core.article import Article, CorpusError
from bot.core.corpus import Corpus, speakers_of
from bot.core.reading.review import review_corpus
from bot.core.search.english import is_real_word
from bot.core.search.index import indexed_text
from bot.core.search.postings import TokenCounter

log = logging.getLogger(__name__)


class ArticleCache(Protocol):
    """Parsed and extracted files kept between runs, keyed by file content and catalog entry
    (bot/archive/cache.py)."""

    def begin(self, sources: list[Source], entries: list[dict[str, Any] | None]) -> None:
        """A new load of these files (with these catalog entries) begins."""

    def get_many(self, sources: list[Source], entries: list[dict[str, Any] | None]) -> list[Parsed | None]: ...

    def put(self, source: Source, parsed: Parsed, packed: bytes | None = None) -> None: ...

    def finish(self, sources: list[Source]) -> None: ...

    def article(self, key: str) -> Article:
        """An article's text, by the key its parse is kept under (the cache is the shelf of what it saved)."""
        ...


def load_corpus(
    folder: Path,
    cache: ArticleCache | None = None,
    processes: int | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    sources: list[Source] | None = None,
    errors: list[str] | None = None,
) -> Corpus:
    """Load the article files of the archive (`sources`: by default, every file of the folder); a file that
    fails (or is larger than `max_bytes`) is logged by name and skipped (and told in the corpus's errors, after
    the `errors` found before the load).

    Files the cache does not know are parsed, in `processes` worker processes (by default one per CPU when
    there are many files, else none); the result is the same however many.

    The cycle collector pauses meanwhile: the load makes a million objects that all live on, and it would
    scan them again and again, a large share of the load's time. Whatever cyclic garbage the load leaves is
    collected when it resumes."""
    with collector_paused():
        found = list(errors or [])
        if sources is None:
            sources = archive_sources(folder, [], set(), found) if folder.is_dir() else []
        corpus = _load(folder, cache, processes, max_bytes, sources, found)
    release_freed_memory()  # the index build's temporaries
    is_real_word("news")  # the English word list loads once (~0.2 s) here, not inside the first query
    return corpus


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector paused while an archive loads or opens: it makes a million objects that all live on,
    and the collector would scan them again and again (a third of opening 100,000 articles). Then they are put
    out of its sight (gc.freeze): a full collection walking them would stop every answer for a second at that
    size; they are freed by their counts as usual (an archive's objects hold no cycles)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def release_freed_memory() -> None:
    """Hand freed memory back to the OS: glibc keeps it in the heap otherwise, and an index build frees
    large temporaries."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def small_enough(sources: list[Source], max_bytes: int, errors: list[str]) -> list[Source]:
    """The files within the size limit; the others reported by name (checked before the cache, which would
    otherwise keep serving a file the limit now refuses)."""
    kept = []
    for source in sources:
        try:
            size = source.size if source.size is not None or source.path is None else source.path.stat().st_size
            problem = too_large(size, max_bytes) if size is not None else None
        except OSError:
            problem = None  # read_article reports it, by name
        if problem:
            log.warning("skipped corpus file %s: %s", source.name, problem)
            errors.append(f"{source.name}: {problem}")
        else:
            kept.append(source)
    return kept


def _read(path: Path) -> tuple[str | None, int | None]:
    try:
        data = path.read_bytes()
    except OSError:
        return None, None  # read_article reports it, by name
    return digest_of(data), len(data)


def catalogued(
    folder: Path, sources: list[Source], max_bytes: int, errors: list[str]
) -> tuple[list[Source], list[dict[str, Any] | None]]:
    """The sources within the size limit, each with its catalog entry (an unreadable catalog is reported and
    ignored)."""
    sources = small_enough(sources, max_bytes, errors)
    try:
        catalog = load_catalog(folder)
    except CorpusError as error:
        log.error("catalog ignored: %s", error)
        errors.append(str(error))
        catalog = {}
    return sources, [catalog.get(source.article_id) for source in sources]


def archive_sources(
    folder: Path,
    stored: list[Source],
    removed: frozenset[str] | set[str],
    errors: list[str],
    digests: Callable[[Path, list[str]], dict[str, tuple[str | None, int | None]]] | None = None,
) -> list[Source]:
    """The folder's files and the stored articles, in a stable order, without the removed ones; a stored
    article whose id a folder file also has is reported and left out (the folder's file is what that id names).
    `digests`: the folder files' digests and sizes by name (a cache that reads only the files that changed); by
    default every file is read."""
    names = corpus_names(folder)
    with collector_paused():  # 100,000 names, paths and sources
        known = digests(folder, names) if digests is not None else {name: _read(folder / name) for name in names}
        files = []
        for name in names:
            digest, size = known.get(name, (None, None))
            files.append(Source(name, path=folder / name, digest=digest, size=size))
    taken = {source.article_id for source in files}
    for source in stored:
        if source.article_id in taken:
            errors.append(
                f"{source.name}: stored article not shown, a file in the folder has the id {source.article_id}"
            )
    kept = [*files, *(source for source in stored if source.article_id not in taken)]
    return [source for source in kept if source.article_id not in removed]


def _load(
    folder: Path,
    cache: ArticleCache | None,
    processes: int | None,
    max_bytes: int,
    sources: list[Source],
    errors: list[str],
) -> Corpus:
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {folder} does not exist")
    sources, entries = catalogued(folder, sources, max_bytes, errors)
    if cache is not None:
        cache.begin(sources, entries)
    found = cache.get_many(sources, entries) if cache is not None else [None] * len(sources)
    missing = [i for i, parsed in enumerate(found) if parsed is None]
    outcomes = parse_files([(sources[i], entries[i], max_bytes) for i in missing], processes, packed=cache is not None)
    feed = _IndexFeed(found)
    for k, (i, (outcome, packed)) in enumerate(zip(missing, outcomes, strict=True)):
        if isinstance(outcome, CorpusError):
            log.warning("skipped corpus file %s", outcome)
            errors.append(str(outcome))
        else:
            found[i] = outcome
            if cache is not None:
                cache.put(sources[i], outcome, packed)
        feed.until(missing[k + 1] if k + 1 < len(missing) else len(found))
    feed.until(len(found))
    parsed = [entry for entry in found if entry is not None]
    review_corpus([entry.extracted.article for entry in parsed], [entry.facts for entry in parsed], feed.printed)
    corpus = Corpus.from_extracted([entry.extracted for entry in parsed], errors, feed.counter)
    if cache is not None:  # every article's parse is in the cache: its text may be read from there later
        corpus.keys = {source.article_id: source.key for source in sources if source.article_id in corpus.articles}
        cache.finish(sources)
    _log_loaded(corpus, folder)
    return corpus


class _IndexFeed:
    """Counts each parsed article's index text as soon as every file before it is parsed too (the order
    of the index), while worker processes go on parsing: the count is most of the index's build. The
    words the corpus prints in lower case (for its review) are gathered on the way."""

    def __init__(self, found: list[Parsed | None]) -> None:
        self.found, self.fed = found, 0
        self.counter = TokenCounter(release_memory=release_freed_memory)
        self.printed: set[str] = set()

    def until(self, end: int) -> None:
        """Count the parsed files before `end` not counted yet (a file that failed has no entry)."""
        for entry in self.found[self.fed : end]:
            if entry is not None:
                extracted = entry.extracted
                self.counter.add(indexed_text(extracted.article, speakers_of(extracted.quotes)))
                self.printed.update(entry.facts.lower_case_words.split())
        self.fed = max(self.fed, end)


def _log_loaded(corpus: Corpus, folder: Path) -> None:
    log.info(
        "corpus loaded: %d articles, %d quotes, %d dated events from %s",
        len(corpus.articles),
        len(corpus.quotations()),
        len(corpus.timeline_events()),
        folder,
    )
