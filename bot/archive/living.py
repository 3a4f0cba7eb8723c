"""The living archive: the corpus folder plus the articles added through the bot, every change recorded in the
state store and applied, in order, by every process that shares it."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from pathlib import Path

from bot.archive.cache import CorpusCache, content_hash
from bot.archive.changes import (
    ADD,
    REMOVE,
    RESTORE,
    UNAVAILABLE,
    ArchiveAway,
    ArchiveRefused,
    Who,
    folder_file,
    free_id,
    removed_by,
)
from bot.archive.files import MAX_FILE_BYTES, Parsed, Source, digest_of, load_catalog, parse_source, too_large
from bot.archive.intake.sandbox import Sandbox
from bot.archive.intake.uploads import safe_name
from bot.archive.load import archive_sources, load_corpus
from bot.archive.warm import OnDisk, open_archive
from bot.core.article import CorpusError
from bot.core.corpus import Corpus
from bot.core.extraction import Extracted
from bot.core.replies.markdown import echo
from bot.core.text import truncate
from bot.stores import AlreadyStored, ArchiveUnavailable, Change, IdTaken, Store, StoredArticle

log = logging.getLogger(__name__)


class LivingArchive:
    """The archive one process answers from: `corpus` is always a whole snapshot (before a change or after it),
    `applied` the seq of the last change it holds. Changes made anywhere are applied here by `catch_up`."""

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

    # --- loading -------------------------------------------------------------------------------------------------
    async def open(self) -> Corpus:
        """Load the folder and every stored article but the removed ones; when the database does not answer,
        the folder alone (what it stores is applied once it answers: `follow`)."""
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
            live = [article for article in stored if article.article_id not in removed]
            sources = await self._fetched([Source(a.file_name, digest=a.content_hash) for a in live])
            errors: list[str] = []
            files = await asyncio.to_thread(archive_sources, self.folder, sources, set(removed), errors)
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
            self.applied = changes[-1].seq if changes else 0
            self.removed, self.stored = removed, {article.article_id for article in stored}
            self.folder_ids = {s.article_id for s in files if s.path is not None}
            self.digests = {a.content_hash: a.article_id for a in stored}
            self.digests |= {s.digest: s.article_id for s in files if s.path is not None and s.digest}
            self.loaded_at = dt.datetime.now(dt.UTC)
            return self.corpus

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

    # --- changes ---------------------------------------------------------------------------------------------------
    async def add(self, name: str, data: bytes, who: Who, apply: bool = True) -> Change:
        """Store an article (its bytes, where it came from, who added it) and apply it (`apply` False: the
        caller catches up once after many); ArchiveRefused, with nothing stored, when it is too large, no
        article, in the archive already or the database is down."""
        shown = echo(Path(name.replace("\\", "/")).name or name, 100)
        if problem := too_large(len(data), self.max_bytes):
            raise ArchiveRefused(f"I can't add {shown}: {problem}.")
        digest = digest_of(data)
        if digest in self.digests:
            raise ArchiveRefused(f"{shown} is in the archive already, as `{self.digests[digest]}`.")
        file_name = safe_name(name)
        stem, suffix = Path(file_name).stem, Path(file_name).suffix
        for _ in range(100):  # another process may take the id first: then the next free one
            article_id = free_id(
                stem, self.stored | self.folder_ids | set(self.corpus.articles) | set(self.removed), self.folder
            )
            parsed = await self._parse(Source(f"{article_id}{suffix}", data=data, digest=digest))
            stored = StoredArticle(
                article_id,
                f"{article_id}{suffix}",
                name,
                data,
                digest,
                who.via,
                who.source or name,
                who.user_id,
                who.guild_id,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
            try:
                change = await self.store.add_article(
                    stored, who.change(ADD, article_id, parsed.extracted.article.headline)
                )
            except IdTaken:
                self.stored.add(article_id)
                continue
            except AlreadyStored as error:
                raise ArchiveRefused(f"{shown} is in the archive already, as `{error.article_id}`.") from None
            except ArchiveUnavailable:
                raise ArchiveAway(f"I can't add {shown}: {UNAVAILABLE}") from None
            self._parsed[article_id] = parsed.extracted
            self.stored.add(article_id)
            self.digests[digest] = article_id
            if self.cache is not None:
                self.cache.keep(Source(stored.file_name, digest=digest), parsed)
            if apply:
                await self._changed()
            return change
        raise ArchiveRefused(f"I can't add {shown}: no free id for it.")

    async def remove(self, article_id: str, who: Who) -> Change:
        """Take an article out (a folder file stays where it is): restorable with `restore`."""
        article = self.corpus.articles.get(article_id)
        if article is None:
            if article_id in self.removed:
                raise ArchiveRefused(f"`{article_id}` is removed already; `/corpus restore` brings it back.")
            raise ArchiveRefused(f"No article in the archive has the id `{truncate(article_id, 100)}`.")
        return await self._record(who.change(REMOVE, article_id, article.headline))

    async def restore(self, article_id: str, who: Who) -> Change:
        """Bring a removed article back, from the store or the folder."""
        removal = self.removed.get(article_id)
        if removal is None:
            if article_id in self.corpus.articles:
                raise ArchiveRefused(f"`{article_id}` is in the archive: it was never removed.")
            raise ArchiveRefused(f"No removed article has the id `{truncate(article_id, 100)}`.")
        if article_id not in self.stored and not folder_file(self.folder, article_id):
            raise ArchiveRefused(f"`{article_id}`'s file is no longer in the corpus folder: nothing to restore.")
        return await self._record(who.change(RESTORE, article_id, removal.headline))

    async def _record(self, change: Change) -> Change:
        try:
            recorded = await self.store.record_change(change)
        except ArchiveUnavailable:
            raise ArchiveAway(f"I can't {change.action} `{change.article_id}`: {UNAVAILABLE}") from None
        await self._changed()
        return recorded

    async def _changed(self) -> None:
        """Apply what was just recorded here, and tell the other processes."""
        try:
            await self.catch_up()
        except ArchiveUnavailable as error:  # recorded, not yet applied: `follow` applies it when it answers
            log.warning("a change was recorded but not applied yet: %s", error)
        await self.store.announce_change()

    async def catch_up(self) -> list[Change]:
        """Apply, in order, the changes recorded after the last one this process holds; the changes applied."""
        async with self._lock:
            changes = await self.store.changes_after(self.applied)
            if changes:
                await self._apply(changes)
            return changes

    async def _apply(self, changes: list[Change]) -> None:
        present: dict[str, bool] = {}
        for change in changes:
            present[change.article_id] = change.action != REMOVE
            if change.action == REMOVE:
                self.removed[change.article_id] = change
            else:
                self.removed.pop(change.article_id, None)
        gone = [i for i, here in present.items() if not here and i in self.corpus.articles]
        wanted = [i for i, here in present.items() if here and i not in self.corpus.articles]
        added = await self._extracted(wanted)
        index = self.disk.committer(added, gone, self._indexed) if self.disk is not None else None
        self.corpus = await asyncio.to_thread(self.corpus.changed, added, gone, index)
        for entry in added:
            self._indexed.pop(entry.article.id, None)
        self.applied = changes[-1].seq
        log.info("archive at change %d: %d added, %d removed", self.applied, len(added), len(gone))

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

    # --- following other processes ---------------------------------------------------------------------------------
    def nudge(self) -> None:
        """Another process announced a change (or the channel came back): catch up now."""
        self._nudged.set()

    async def follow(self, every: float) -> None:
        """Catch up whenever nudged, and at least every `every` seconds (SQLite has no announcements), until
        cancelled; a database that does not answer is said once, and tried again."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._nudged.wait(), every)
            self._nudged.clear()
            try:
                if await self.store.last_change() > self.applied:
                    await self.catch_up()
                if self._unreachable:
                    log.warning("archive changes can be read again; at change %d", self.applied)
                    self._unreachable = False
            except ArchiveUnavailable as error:
                if not self._unreachable:
                    log.warning("archive changes cannot be read (%s); trying again", error)
                    self._unreachable = True
            except Exception:  # one bad change must not stop this process following the others
                log.exception("catching up with the archive failed; trying again")

    async def history(self, limit: int, offset: int = 0) -> list[Change]:
        try:
            return await self.store.history(limit, offset)
        except ArchiveUnavailable:
            raise ArchiveAway(f"The archive's history can't be read: {UNAVAILABLE}") from None
