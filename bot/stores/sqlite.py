"""The bot's state in one SQLite file (aiosqlite): the zero-setup store, kept answering through faults."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import aiosqlite

from bot.migrations import migrate_async
from bot.stores.sqlite_files import IN_MEMORY as _IN_MEMORY
from bot.stores.sqlite_files import move_aside, problem_of

log = logging.getLogger(__name__)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _chunks(entries: Sequence[str], size: int = 400) -> list[Sequence[str]]:
    """Pieces small enough for one statement's parameters (older SQLite takes 999 at most)."""
    return [entries[i : i + size] for i in range(0, len(entries), size)]


class SqliteStore:
    """One open database; every method is a short transaction and none raises for a database fault.

    When the file is locked, read-only or broken the bot keeps answering: reads give nothing, writes are
    retried by SQLite for `BUSY_TIMEOUT_MS` and then skipped and counted in `skipped_writes`. One log line
    says when the database goes bad and one when it works again.
    """

    backend = "sqlite"
    BUSY_TIMEOUT_MS = 200  # SQLite retries a locked database this long before giving up on a statement
    PAUSE_SECONDS = 2.0  # after a lock, skip the database this long so queued commands do not each wait

    def __init__(self, connection: aiosqlite.Connection | None, path: Path | str) -> None:
        self.db = connection
        self.path = path
        self.ready = False  # migrations applied; until then every use tries to apply them first
        self.problem: str | None = None  # what is wrong right now, for logs and status
        self.skipped_writes = 0
        self.failed_reads = 0
        self._paused_until = 0.0
        self._writing = asyncio.Lock()  # one transaction at a time: commands share this connection

    @property
    def in_memory(self) -> bool:
        return str(self.path) == ":memory:"

    @classmethod
    async def open(cls, path: Path | str, replace_corrupt: bool = True) -> SqliteStore:
        """Open, create or migrate the database; a locked, read-only or corrupt file is logged, not raised."""
        if str(path) == ":memory:":
            return await cls._open_in_memory()
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = await cls._connect(path)
        except (OSError, sqlite3.Error) as error:
            log.error("database %s cannot be opened (%s): %s", path, error, _IN_MEMORY)
            return await cls._open_in_memory()
        store = cls(connection, path)
        try:
            await store._check()
            await store.migrate()
            await store._probe_write()
            await store._write_ahead(True)
        except sqlite3.Error as error:
            if problem_of(error) == "corrupt" and replace_corrupt:
                return await store._replace_corrupt(error)
            if problem_of(error) in ("unusable", "corrupt"):
                await store.close()
                log.error("database %s is unusable (%s): %s", path, error, _IN_MEMORY)
                return await cls._open_in_memory()
            store._failed(error, "opening")
        return store

    @classmethod
    async def _connect(cls, path: Path | str) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        await connection.execute(f"PRAGMA busy_timeout = {cls.BUSY_TIMEOUT_MS}")
        return connection

    @classmethod
    async def _open_in_memory(cls) -> SqliteStore:
        store = cls(await cls._connect(":memory:"), ":memory:")
        await store.migrate()
        return store

    async def _check(self) -> None:
        """Raise for a file that is not a database or is damaged, before anything is written to it."""
        async with self.db.execute("PRAGMA quick_check(1)") as cursor:
            (verdict,) = await cursor.fetchone()
        if verdict != "ok":
            error = sqlite3.DatabaseError(f"integrity check failed: {verdict}")
            error.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
            raise error

    async def _probe_write(self) -> None:
        """Find out now, not at the first command, whether the file takes writes."""
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            await self.db.execute(f"PRAGMA user_version = {await self.version(strict=True)}")
        finally:
            await self._rollback()

    async def _write_ahead(self, on: bool) -> None:
        """WAL while this process writes: a commit then need not wait for the disk, and a crash loses at most
        the last commits, never the file. Switched back at close, so the file at rest is a plain one that a
        read-only user can still read."""
        await self.db.execute("PRAGMA journal_mode = WAL" if on else "PRAGMA journal_mode = DELETE")
        await self.db.execute("PRAGMA synchronous = NORMAL" if on else "PRAGMA synchronous = FULL")

    async def _replace_corrupt(self, error: sqlite3.Error) -> SqliteStore:
        path = Path(self.path)
        await self.close()
        try:
            moved = move_aside(path)
        except OSError as move_error:
            log.error(
                "database %s is corrupt (%s) and cannot be moved aside (%s): %s", path, error, move_error, _IN_MEMORY
            )
            return await self._open_in_memory()
        log.error("database %s is corrupt (%s): moved it to %s and started a fresh one", path, error, moved.name)
        return await self.open(path, replace_corrupt=False)

    async def migrate(self) -> int:
        """Apply every migration newer than the recorded version, all in one transaction."""
        version = await migrate_async(self.db)
        self.ready = True
        return version

    async def version(self, strict: bool = False) -> int:
        """The schema version recorded in the file (PRAGMA user_version); 0 when it cannot be read."""
        if strict:
            async with self.db.execute("PRAGMA user_version") as cursor:
                return (await cursor.fetchone())[0]
        rows = await self._read("PRAGMA user_version")
        return rows[0][0] if rows else 0

    # Every read and write goes through these two, which turn database faults into log lines and counts.

    async def _usable(self) -> bool:
        if self.db is None or time.monotonic() < self._paused_until:
            return False
        if not self.ready:
            async with self._writing:  # two commands arriving together must not both BEGIN a migration
                try:
                    if not self.ready:
                        await self.migrate()
                except sqlite3.Error as error:
                    self._failed(error, "migrating")
                    return False
        return True

    async def _read(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if await self._usable():
            try:
                async with self.db.execute(sql, args) as cursor:
                    return list(await cursor.fetchall())
            except sqlite3.Error as error:
                self._failed(error, "reading")
        self.failed_reads += 1
        return []

    async def _write(self, *steps: tuple[str, tuple[Any, ...]]) -> bool:
        """Run the statements as one transaction; False (and counted) when the database will not take it."""
        if await self._usable():
            try:
                if len(steps) == 1 and not self._writing.locked():
                    # A lone statement is its own transaction. It is queued on the connection's thread now, so
                    # it runs before any BEGIN queued later; waiting for the lock would make every command
                    # wait for the previous command's write to come back through the event loop.
                    await self.db.execute(*steps[0])
                else:
                    async with self._writing:  # else a concurrent write lands inside, or BEGINs within, it
                        await self._transaction(steps)
                self._recovered()
                return True
            except sqlite3.Error as error:
                self._failed(error, "writing")
        self.skipped_writes += 1
        return False

    async def _transaction(self, steps: tuple[tuple[str, tuple[Any, ...]], ...]) -> None:
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            for step in steps:
                await self.db.execute(*step)
            await self.db.execute("COMMIT")
        except BaseException:
            await self._rollback()
            raise

    async def _rollback(self) -> None:
        """End a failed transaction; SQLite may already have rolled it back itself."""
        if self.db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                await self.db.execute("ROLLBACK")

    def _failed(self, error: sqlite3.Error, doing: str) -> None:
        problem = problem_of(error)
        if problem == "locked by another process":
            self._paused_until = time.monotonic() + self.PAUSE_SECONDS
        if problem != self.problem:
            log.warning(
                "database %s is %s (%s: %s): saved state is skipped until it works again",
                self.path,
                problem,
                doing,
                error,
            )
            self.problem = problem

    def _recovered(self) -> None:
        """Called after a write went through: only a write proves the database works again."""
        if self.problem is not None:
            log.warning("database %s works again (%d writes were skipped)", self.path, self.skipped_writes)
            self.problem = None

    async def record_use(self, command: str, guild_id: int | None) -> None:
        await self._write(
            (
                "INSERT INTO usage (command, guild_id, uses, last_used) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (command, guild_id) DO UPDATE SET uses = uses + 1, last_used = excluded.last_used",
                (command, guild_id or 0, _now()),
            )
        )

    async def usage(self, guild_id: int | None = None) -> dict[str, int]:
        sql, args = "SELECT command, SUM(uses) FROM usage GROUP BY command", ()
        if guild_id is not None:
            sql, args = "SELECT command, uses FROM usage WHERE guild_id = ?", (guild_id,)
        return {command: uses for command, uses in await self._read(sql, args)}

    async def shown_quotes(self, channel_id: int, filter_key: str) -> set[str]:
        rows = await self._read(
            "SELECT quote_id FROM quote_history WHERE channel_id = ? AND filter_key = ?", (channel_id, filter_key)
        )
        return {row[0] for row in rows}

    async def last_shown(self, channel_id: int, filter_key: str) -> str | None:
        """The quote shown most recently under these filters, so a new cycle does not start with it."""
        rows = await self._read(
            "SELECT quote_id FROM quote_history WHERE channel_id = ? AND filter_key = ? ORDER BY rowid DESC LIMIT 1",
            (channel_id, filter_key),
        )
        return rows[0][0] if rows else None

    async def mark_shown(self, channel_id: int, filter_key: str, quote_id: str, restart: bool = False) -> bool:
        """Remember a quote as shown; `restart` forgets the finished cycle first, in the same transaction."""
        forget = ("DELETE FROM quote_history WHERE channel_id = ? AND filter_key = ?", (channel_id, filter_key))
        remember = (
            "INSERT OR IGNORE INTO quote_history VALUES (?, ?, ?, ?)",
            (channel_id, filter_key, quote_id, _now()),
        )
        await self._write(*((forget, remember) if restart else (remember,)))
        return True  # one file, one process: nobody else claims this channel's quotes

    async def get_meta(self, key: str) -> str | None:
        rows = await self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            ("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
        )

    async def seen_entries(self, entries: Sequence[str]) -> set[str]:
        seen: set[str] = set()
        for chunk in _chunks(entries):
            marks = ", ".join("?" * len(chunk))
            rows = await self._read(f"SELECT entry FROM feed_entries WHERE entry IN ({marks})", tuple(chunk))
            seen.update(row[0] for row in rows)
        return seen

    async def mark_entries(self, feed: str, entries: Sequence[str]) -> None:
        steps = [
            (
                "INSERT OR IGNORE INTO feed_entries (feed, entry) VALUES " + ", ".join(["(?, ?)"] * len(chunk)),
                tuple(value for entry in chunk for value in (feed, entry)),
            )
            for chunk in _chunks(entries)
        ]
        if steps:
            await self._write(*steps)

    async def forget_feed(self, feed: str) -> None:
        await self._write(("DELETE FROM feed_entries WHERE feed = ?", (feed,)))

    async def run_once_per_change(self, key: str, digest: str, action: Callable[[], Awaitable[object]]) -> bool:
        """Run `action` unless `digest` is already recorded under `key`, then record it; True when it ran.
        One file belongs to one host, so no other process can be running it at the same time."""
        if await self.get_meta(key) == digest:
            return False
        await action()
        await self.set_meta(key, digest)
        return True

    async def announce_reload(self) -> None:
        """One file, one process: nobody to tell."""

    async def listen_reloads(self, reload: Callable[[], Awaitable[object]]) -> None:
        """One file, one process: nobody announces."""

    def describe(self) -> str:
        return f"sqlite:{self.path}"

    async def close(self) -> None:
        if self.db is None:
            return
        try:
            if self.ready and not self.in_memory and self.problem is None:
                with contextlib.suppress(sqlite3.Error):  # another reader keeps it in WAL: fine too
                    await self._write_ahead(False)
            await self.db.close()
        except sqlite3.Error as error:
            log.warning("database %s did not close cleanly: %s", self.path, error)
        self.db = None
