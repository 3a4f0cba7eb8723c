"""The living archive: the corpus folder plus the articles added through the bot, every change recorded in the
state store and applied, in order, by every process that shares it."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from pathlib import Path

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
)
from bot.archive.files import Source, digest_of, too_large
from bot.archive.holdings import Holdings
from bot.archive.intake.uploads import safe_name
from bot.core.replies.markdown import echo
from bot.core.text import truncate
from bot.stores import AlreadyStored, ArchiveUnavailable, Change, IdTaken, StoredArticle

log = logging.getLogger(__name__)


class LivingArchive(Holdings):
    """The archive one process answers from and changes: each change recorded in the store, applied here, and
    announced; changes made anywhere are applied by `catch_up`, when nudged or by polling (`follow`)."""

    # --- changes ---------------------------------------------------------------------------------------------------
    async def add(self, name: str, data: bytes, who: Who, apply: bool = True) -> Change:
        """Store an article (its bytes, where it came from, who added it) and apply it (`apply` False: the
        caller catches up once after many); ArchiveRefused, with nothing stored, when it is too large, no
        article, in the archive already or the database is down."""
        shown = echo(Path(name.replace("\\", "/")).name or name, 100)
        if problem := too_large(len(data), self.max_bytes):
            raise ArchiveRefused(f"I can't add {shown}: {problem}.")
        digest = digest_of(data)
        twin = self.digests.get(digest)
        if twin is None and not self.loaded:
            twin = await asyncio.to_thread(self.folder_twin, data, digest)
        if twin is not None:
            raise ArchiveRefused(f"{shown} is in the archive already, as `{twin}`.")
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
        headline = await self._headline(article_id)
        if headline is None:
            if article_id in self.removed:
                raise ArchiveRefused(f"`{article_id}` is removed already; `/corpus restore` brings it back.")
            raise ArchiveRefused(f"No article in the archive has the id `{truncate(article_id, 100)}`.")
        return await self._record(who.change(REMOVE, article_id, headline))

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
        """Apply what was just recorded here (when this process holds the articles), and tell the others."""
        try:
            if self.loaded:
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
                self._headlines[change.article_id] = change.headline
        if not self.loaded:  # only the ids and history are held here: nothing to read or index
            self.applied = changes[-1].seq
            return
        gone = [i for i, here in present.items() if not here and i in self.corpus.articles]
        wanted = [i for i, here in present.items() if here and i not in self.corpus.articles]
        added = await self._extracted(wanted)
        index = self.disk.committer(added, gone, self._indexed) if self.disk is not None else None
        self.corpus = await asyncio.to_thread(self.corpus.changed, added, gone, index)
        for entry in added:
            self._indexed.pop(entry.article.id, None)
        self.applied = changes[-1].seq
        log.info("archive at change %d: %d added, %d removed", self.applied, len(added), len(gone))

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
