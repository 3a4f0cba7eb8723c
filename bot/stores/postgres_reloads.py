"""/corpus reload across processes on one PostgreSQL database: a NOTIFY on a channel, heard by every other process."""

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


class Reloads:
    """One process's end of the channel: its own announcements carry its token, so it does not hear itself."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.token = uuid.uuid4().hex
        self.listener: asyncpg.Connection | None = None
        self.running: set[asyncio.Task[object]] = set()

    def announcement(self) -> tuple[tuple[str, tuple[()]], tuple[str, tuple[str]]]:
        """The statements of one announcement, run as one transaction: NOTIFY is delivered at its commit."""
        return (BUMP, ()), ("SELECT pg_notify($1, $2)", (CHANNEL, self.token))

    async def listen(self, reload: Callable[[], Awaitable[object]]) -> None:
        """A connection of its own (a pooled one would be handed to other work) that LISTENs on the channel."""

        def heard(_connection: object, _pid: int, _channel: str, payload: str) -> None:
            if payload != self.token:
                task = asyncio.get_running_loop().create_task(self._run(reload))
                self.running.add(task)
                task.add_done_callback(self.running.discard)

        self.listener = await asyncpg.connect(self.url, timeout=5)
        await self.listener.add_listener(CHANNEL, heard)

    async def _run(self, reload: Callable[[], Awaitable[object]]) -> None:
        log.info("another process reloaded the corpus: reloading here too")
        try:
            await reload()
        except Exception:  # a reload that fails keeps the corpus this process had; say why once
            log.exception("reload announced by another process failed")

    async def close(self) -> None:
        for task in list(self.running):
            task.cancel()
        if self.listener is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.listener.close(), timeout=5)
            self.listener = None
