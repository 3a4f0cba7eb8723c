"""Opening the archive as the bot and the operator's tools do: the state store the settings choose, the local
parse cache, and the folder with the stored articles."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from bot.archive.cache import CorpusCache
from bot.archive.intake.sandbox import shared
from bot.archive.living import LivingArchive
from bot.settings import Settings
from bot.stores import Store
from bot.stores.chooser import open_store
from bot.stores.sqlite import SqliteStore

log = logging.getLogger(__name__)


@dataclass
class Session:
    store: Store
    archive: LivingArchive
    cache: CorpusCache | None


def open_cache(path: Path | str) -> CorpusCache | None:
    """The parsed-article cache in the bot's SQLite file; without it every article is simply parsed again."""
    try:
        return CorpusCache.open(path)
    except Exception as error:  # a locked, read-only or damaged file must not stop the bot
        log.warning("corpus cache unavailable (%s); parsing every file", error)
        return None


@contextlib.asynccontextmanager
async def session(
    settings: Settings,
    database: str | Path | None = None,
    fresh: bool = False,
    index: bool = False,
    load: bool = True,
    parse_cache: bool = True,
) -> AsyncIterator[Session]:
    """The store (PostgreSQL when a URL is set, else the SQLite file `database` or BOT_DATABASE), the cache
    beside it, and the archive opened on both; `fresh`: a throwaway SQLite store and no cache (the folder alone);
    `index`: search through the bot's index on disk (the running bot: one writer per index); `load` False: the
    archive's ids, digests and history only, not its articles (the command line changing it); `parse_cache` False:
    without the local parse cache (one article added: the running bot parses what it applies, in milliseconds).
    Raises DatabaseSettingError when the configured server refuses the URL."""
    with tempfile.TemporaryDirectory() as scratch:
        if fresh:
            store: Store = await SqliteStore.open(Path(scratch) / "console.sqlite3")
            cache = None
        else:
            sqlite_path = database or settings.database
            store = await open_store(settings.state_url, sqlite_path)
            cache = await asyncio.to_thread(open_cache, sqlite_path) if parse_cache else None
        try:
            index_dir = settings.search_index_dir if index and not fresh else None
            archive = LivingArchive(
                settings.corpus_dir, store, cache, settings.max_article_bytes, index_dir=index_dir, reader=shared()
            )
            try:
                await archive.open(load)
                yield Session(store, archive, cache)
            finally:
                archive.close()
        finally:
            if cache is not None:
                await asyncio.to_thread(cache.close)
            await store.close()
