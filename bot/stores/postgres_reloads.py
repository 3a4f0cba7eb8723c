"""News for every process on one PostgreSQL database: a /corpus reload, or a change to the archive, as a NOTIFY on a
channel heard by every other process, and its counter read again after a lost connection, so that news announced
meanwhile is not missed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable

import asyncpg

log = logging.getLogger(__name__)

CHANNEL = "corpus_reload"
# The counter of reloads, bumped with each announcement: the corpus version every process can read.
BUMP = (
    "INSERT INTO meta VALUES ('corpus:version', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text"
)
VERSION = "SELECT COALESCE((SELECT value::bigint FROM meta WHERE key = 'corpus:version'), 0)"
# The archive's changes need no counter of their own: the newest change's seq is one.
CHANGES_CHANNEL = "archive_changes"
CHANGES_VERSION = "SELECT COALESCE(MAX(seq), 0) FROM archive_changes"
RETRY_FIRST_SECONDS, RETRY_MAX_SECONDS = 0.5, 30.0


class Reloads:
    """One process's end of a channel: its own announcements carry its token, so it does not hear itself."""

    def __init__(self, url: str, channel: str = CHANNEL, version: str = VERSION, bump: str | None = BUMP) -> None:
        self.url = url
        self.channel, self.version_sql, self.bump = channel, version, bump
        self.token = uuid.uuid4().hex
        self.version = 0  # the corpus version this process has loaded (the counter's value when it did)
        self.listener: asyncpg.Connection | None = None
        self.running: set[asyncio.Task[object]] = set()
        self._reload: Callable[[], Awaitable[object]] | None = None
        self._closing = False

    def announcement(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The statements of one announcement, run as one transaction: NOTIFY is delivered at its commit."""
        notify = (f"SELECT pg_notify($1, $2 || ':' || ({self.version_sql}))", (self.channel, self.token))
        return ((self.bump, ()), notify) if self.bump else (notify,)

    async def listen(self, reload: Callable[[], Awaitable[object]]) -> None:
        """A connection of its own (a pooled one would be handed to other work) that LISTENs on the channel."""
        self._reload = reload
        self.version = await self._connect()

    async def _connect(self) -> int:
        listener = await asyncpg.connect(self.url, timeout=5)
        await listener.add_listener(self.channel, self._heard)
        listener.add_termination_listener(self._lost)
        self.listener = listener
        return await listener.fetchval(self.version_sql)

    def _heard(self, _connection: object, _pid: int, _channel: str, payload: str) -> None:
        token, _, version = payload.partition(":")
        self.version = max(self.version, int(version or 0))
        if token != self.token:
            self._spawn(self._run())

    def _lost(self, _connection: object) -> None:
        if not self._closing:
            log.warning("lost the %s channel; listening again when the database is back", self.channel)
            self._spawn(self._relisten())

    async def _relisten(self) -> None:
        pause = RETRY_FIRST_SECONDS
        while True:
            await asyncio.sleep(pause)
            try:
                latest = await self._connect()
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError):
                pause = min(pause * 2, RETRY_MAX_SECONDS)
                continue
            if latest != self.version:  # announced while we were away: the NOTIFY is gone, the counter is not
                self.version = latest
                await self._run()
            return

    def _spawn(self, work: Awaitable[object]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def _run(self) -> None:
        log.info("news on %s from another process: catching up", self.channel)
        try:
            await self._reload()
        except Exception:  # a reload that fails keeps the corpus this process had; say why once
            log.exception("catching up with news on %s failed", self.channel)

    async def close(self) -> None:
        self._closing = True
        for task in list(self.running):
            task.cancel()
        if self.listener is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.listener.close(), timeout=5)
            self.listener = None
