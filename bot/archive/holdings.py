"""What the archive holds and how it is read: the corpus folder and the stored articles, loaded whole (through
the parse cache and the search index on disk) or only their ids, digests and history (to change it)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path

from bot.archive.cache import CorpusCache, content_hash
from bot.archive.changes import REMOVE, ArchiveRefused, folder_file, removed_by
from bot.archive.files import (
    MAX_FILE_BYTES,
    Parsed,
    Source,
    corpus_names,
    digest_of,
    load_catalog,
    parse_source,
    read_article,
    same_size_files,
)
from bot.archive.intake.sandbox import Sandbox
from bot.archive.load import archive_sources, load_corpus, release_freed_memory
from bot.archive.warm import OnDisk, open_archive
from bot.core.article import CorpusError
from bot.core.corpus import Corpus
from bot.core.extraction import Extracted
from bot.stores import ArchiveUnavailable, Change, Store, StoredArticle

log = logging.getLogger(__name__)


class Holdings:
    """The archive as one process holds it: `corpus` is always a whole snapshot; `applied` the seq of the last
    change it holds; the ids and digests taken, the removed articles."""

    def __init__(
        self,
        folder: Path,
        store: Store,
        cache: CorpusCache | None = None,
        max_bytes: int = MAX_FILE_BYTES,
        processes: int | None = None,
        index_dir: Path | None = None,
        reader: Sandbox | None = None,
    ) -> None:
        self.folder, self.store, self.cache = folder, store, cache
        self.index_dir = index_dir if cache is not None else None  # the search index on disk (the bot's own)
        self.disk: OnDisk | None = None
        self.reader = reader  # reads what comes from outside within a budget (else in a thread, as the folder)
        self.max_bytes, self.processes = max_bytes, processes
        self.corpus = Corpus({})
        self.applied = 0  # the seq of the newest change this process has applied
        self.loaded_at = dt.datetime.now(dt.UTC)
        self.removed: dict[str, Change] = {}  # removed id → the change that removed it (its headline, for restore)
        self.stored: set[str] = set()  # ids of every stored article, removed ones too: never given again
        self.folder_ids: set[str] = set()
        self.digests: dict[str, str] = {}  # content hash → id, of every folder file and stored article
        self._parsed: dict[str, Extracted] = {}  # articles this process just stored: applied without a parse
        self._indexed: dict[str, str] = {}  # the digest each article about to be indexed is indexed at
        self._lock = asyncio.Lock()  # one load or catch-up at a time in this process
        self._nudged = asyncio.Event()
        self._unreachable = False
        self.loaded = True  # the articles are loaded (False: the command line changing the archive only)
        self._headlines: dict[str, str] = {}  # not loaded: each stored article's headline, as its add said it

    # --- loading -------------------------------------------------------------------------------------------------
    async def open(self, load: bool = True) -> Corpus:
        """Load the folder and every stored article but the removed ones; when the database does not answer,
        the folder alone (what it stores is applied once it answers: `follow`). `load` False: only what changing
        the archive needs (ids, digests, history), not the articles: the command line's add, remove, restore."""
        async with self._lock:
            try:
                stored = await self.store.stored_articles(content=False)
                changes = await self.store.changes_after(0)
            except ArchiveUnavailable as error:
                log.warning(
                    "stored articles unavailable (%s): answering from the folder until the database is back", error
                )
                stored, changes = [], []
            removed = removed_by(changes)  # the archive's state changes only once the load has succeeded
            self.loaded = load
            if load:
                files = await self._load(stored, removed)
                self.folder_ids = {s.article_id for s in files if s.path is not None}
                in_folder = {s.digest: s.article_id for s in files if s.path is not None and s.digest}
            else:  # the command line: the folder's names, not its 100,000 digests (see folder_twin)
                self._headlines = {c.article_id: c.headline for c in changes if c.action != REMOVE}
                names = await asyncio.to_thread(corpus_names, self.folder) if self.folder.is_dir() else []
                self.folder_ids, in_folder = {Source(name).article_id for name in names}, {}
            self.applied = changes[-1].seq if changes else 0
            self.removed, self.stored = removed, {article.article_id for article in stored}
            self.digests = {a.content_hash: a.article_id for a in stored} | in_folder
            self.loaded_at = dt.datetime.now(dt.UTC)
            return self.corpus

    def folder_twin(self, data: bytes, digest: str) -> str | None:
        """The id of the folder file holding these very bytes, when the folder's digests were not read (the
        command line): only the files of the same size are read."""
        for path in same_size_files(self.folder, len(data)) if self.folder.is_dir() else []:
            try:
                if digest_of(path.read_bytes()) == digest:
                    return path.stem
            except OSError:
                continue
        return None

    async def _load(self, stored: list[StoredArticle], removed: dict[str, Change]) -> list[Source]:
        """The corpus read (from the cache and index where they serve), shelved; the sources it was read from."""
        live = [article for article in stored if article.article_id not in removed]
        sources = await self._fetched([Source(a.file_name, digest=a.content_hash) for a in live])
        errors: list[str] = []
        digests = self.cache.folder_digests if self.cache is not None else None
        files = await asyncio.to_thread(archive_sources, self.folder, sources, set(removed), errors, digests)
        if self.index_dir is not None and self.cache is not None:
            self.close()
            corpus, self.disk = await asyncio.to_thread(
                open_archive, self.folder, files, errors, self.cache, self.index_dir, self.processes, self.max_bytes
            )
        else:
            corpus = await asyncio.to_thread(
                load_corpus, self.folder, self.cache, self.processes, self.max_bytes, files, errors
            )
        self.corpus = await self._shelved(corpus)
        if self.disk is not None and self.corpus.index is not None:
            self.disk.search.reading(self.corpus.index)  # not the view of the parses the index was built from
        del corpus  # a first start's parses, text and all: what the shelf now holds is given back to the system
        await asyncio.to_thread(release_freed_memory)
        return files

    reload = open  # /corpus reload: the folder read again (an operator may have dropped files in), and the store

    async def _shelved(self, corpus: Corpus) -> Corpus:
        """The corpus with its articles' text left in the parse cache (read back when an answer needs it), once
        the cache holds every article: a large archive then costs its headers, not its text."""
        if self.cache is None:
            return corpus
        await asyncio.to_thread(self.cache.wait)
        if self.cache.refused:  # the rows could not be written: keep the text in memory
            return corpus
        corpus.bind(self.cache)  # a corpus read back from the cache is shelved already
        return corpus.shelved(self.cache)

    async def _fetched(self, sources: list[Source]) -> list[Source]:
        """Stored articles with their bytes, but for those whose parse the cache holds already."""
        missing = [s.article_id for s in sources if self.cache is None or not self.cache.holds(s)]
        if not missing:
            return sources
        contents = {a.article_id: a.content for a in await self.store.stored_articles(missing)}
        return [Source(s.name, data=contents.get(s.article_id), digest=s.digest) for s in sources]

    async def _headline(self, article_id: str) -> str | None:
        """The headline of an article the archive holds now; None when it holds none of that id."""
        if self.loaded:
            article = self.corpus.articles.get(article_id)
            return article.headline if article is not None else None
        if article_id in self.removed or article_id not in self.stored | self.folder_ids:
            return None
        if article_id in self._headlines:  # a stored article: its add said it
            return self._headlines[article_id]
        path = folder_file(self.folder, article_id)
        return (await asyncio.to_thread(read_article, path, self.max_bytes)).headline if path else article_id

    def close(self) -> None:
        if self.disk is not None:
            self.disk.close()

    async def _extracted(self, ids: list[str]) -> list[Extracted]:
        """The articles to add: those this process parsed as it stored them, the others parsed here."""
        ready = [self._parsed.pop(i) for i in ids if i in self._parsed]
        rest = [i for i in ids if not any(e.article.id == i for e in ready)]
        stored = {a.article_id: a for a in await self.store.stored_articles(rest)} if rest else {}
        catalog = await asyncio.to_thread(load_catalog, self.folder)
        for article_id in rest:
            if article_id in stored:
                found = stored[article_id]
                self.stored.add(article_id)
                self.digests[found.content_hash] = article_id
                source = Source(found.file_name, data=found.content, digest=found.content_hash)
            elif (path := folder_file(self.folder, article_id)) is not None:
                source = Source.of(path)
            else:
                log.warning("archive change names %s, which is neither stored nor in the folder", article_id)
                continue
            try:
                parsed = await asyncio.to_thread(parse_source, source, catalog.get(article_id), self.max_bytes)
            except CorpusError as error:
                log.warning("skipped archive article %s", error)
                continue
            ready.append(parsed.extracted)
            self._indexed[article_id] = content_hash(source, catalog.get(article_id)) or ""
            if self.cache is not None:  # the next start reads it from the cache, neither fetched nor parsed
                self.cache.keep(source, parsed)
        return ready

    async def _parse(self, source: Source) -> Parsed:
        catalog = await asyncio.to_thread(load_catalog, self.folder)
        entry = catalog.get(source.article_id)
        try:
            if self.reader is not None:  # bytes from outside: a page that takes too much fails alone
                parsed = await self.reader.run(source.name, parse_source, source, entry, self.max_bytes)
            else:
                parsed = await asyncio.to_thread(parse_source, source, entry, self.max_bytes)
        except CorpusError as error:
            raise ArchiveRefused(f"I can't add that file: {error}") from None
        self._indexed[source.article_id] = content_hash(source, entry) or ""
        return parsed
