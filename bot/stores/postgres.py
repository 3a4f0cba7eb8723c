"""The bot's state in PostgreSQL (asyncpg, one pool), shared by every process; kept answering through outages."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import hashlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import asyncpg

from bot.migrations.postgres import current_version, migrate_postgres
from bot.stores import DatabaseSettingError, mask_url
from bot.stores.postgres_reloads import Reloads

log = logging.getLogger(__name__)

# The server answered and said no: retrying cannot help, the setting must change.
REFUSALS = (
    asyncpg.InvalidPasswordError,
    asyncpg.InvalidAuthorizationSpecificationError,  # no such role, or pg_hba.conf turns us away
    asyncpg.InvalidCatalogNameError,  # no such database
)
# The server is away (down, restarting, unreachable): answer from memory, keep the writes, reconnect.
OUTAGES = (
    OSError,
    TimeoutError,
    asyncpg.InterfaceError,  # includes a connection that the server closed
    asyncpg.PostgresConnectionError,
    asyncpg.OperatorInterventionError,  # shutting down, or not yet accepting connections
)
Step = tuple[str, tuple[Any, ...]]
LOCK_WAIT = 300.0  # seconds a process waits for another's command sync before taking the server for away


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def lock_key(name: str) -> int:
    """A stable 64-bit advisory lock key for a name (the same in every process)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def refusal(error: BaseException) -> str:
    """Why the server refused the URL, in words."""
    if isinstance(error, asyncpg.InvalidCatalogNameError):
        return "the database does not exist"
    if isinstance(error, asyncpg.InvalidPasswordError):
        return "wrong password"
    return f"login refused ({error})"


class PostgresStore:
    """A pool on one database. While the server is away reads give nothing and writes wait in a queue (counted
    in `queued_writes`), replayed in order with backoff once it is back; one log line when it goes, one when
    it returns. Only a queue overflow loses a write (`skipped_writes`)."""

    backend = "postgresql"
    POOL_SIZE = 5
    CONNECT_TIMEOUT = 5.0
    RETRY_FIRST_SECONDS = 0.5  # the backoff between reconnection attempts doubles up to RETRY_MAX_SECONDS
    RETRY_MAX_SECONDS = 30.0
    QUEUE_LIMIT = 10_000  # writes kept through one outage; beyond this the oldest are dropped and counted

    def __init__(self, url: str) -> None:
        self.url = url
        self.pool: asyncpg.Pool | None = None
        self.problem: str | None = None
        self.skipped_writes = 0
        self.queued_writes = 0  # writes that went into the retry queue, over the run
        self.replayed_writes = 0
        self.failed_reads = 0
        self._queue: collections.deque[tuple[Step, ...]] = collections.deque()
        self._reconnecting: asyncio.Task[None] | None = None
        self.reloads = Reloads(url)

    def describe(self) -> str:
        return mask_url(self.url)

    @classmethod
    async def open(cls, url: str, migrate: bool = True) -> PostgresStore:
        """Connect and migrate. A refused login raises DatabaseSettingError; a server away is logged once and
        reconnected to in the background."""
        store = cls(url)
        try:
            await store._connect(migrate)
        except REFUSALS as error:
            raise DatabaseSettingError(
                f"DATABASE_URL {mask_url(url)} is refused by the server: {refusal(error)}"
            ) from None
        except OUTAGES as error:
            store._gone(error, "opening")
        return store

    async def _connect(self, migrate: bool = True) -> None:
        # min_size=0: with a floor, asyncpg itself redials every second of an outage and logs a traceback each
        # time; reconnecting is _reconnect's job, with backoff and one line
        pool = await asyncpg.create_pool(
            self.url, min_size=0, max_size=self.POOL_SIZE, timeout=self.CONNECT_TIMEOUT, command_timeout=10
        )
        try:
            if migrate:
                await migrate_postgres(pool)
            else:
                await pool.execute("SELECT 1")  # an empty pool has not dialled yet: a refused URL shows here
        except BaseException:
            await pool.close()
            raise
        self.pool = pool

    async def migrate(self) -> int:
        if self.pool is None:
            raise ConnectionError(f"database {self.describe()} is not reachable")
        return await migrate_postgres(self.pool)

    async def version(self) -> int:
        rows = await self._read_with(current_version)
        return rows or 0

    # --- faults: one line per outage, writes queued and replayed ---------------------------------------------------
    def _gone(self, error: BaseException, doing: str) -> None:
        if self.problem is None:
            self.problem = "unreachable"
            log.warning(
                "database %s is unreachable (%s: %s): answering from memory, writes queued until it is back",
                self.describe(),
                doing,
                error.__class__.__name__,
            )
        if self._reconnecting is None or self._reconnecting.done():
            self._reconnecting = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        pause = self.RETRY_FIRST_SECONDS
        while True:
            await asyncio.sleep(pause)
            try:
                if self.pool is None:
                    await self._connect()
                elif not self._queue:  # only a read saw the outage: make sure the server answers again
                    await self.pool.execute("SELECT 1")
                while self._queue:
                    await self._run(self._queue[0])
                    self._queue.popleft()
                    self.replayed_writes += 1
            except (*OUTAGES, *REFUSALS):  # a refusal now (e.g. a password rotated) may be fixed later too
                pause = min(pause * 2, self.RETRY_MAX_SECONDS)
                continue
            except asyncpg.PostgresError as error:  # a write the server rejects will not pass on a retry
                log.error("database %s rejected a queued write: %s", self.describe(), error)
                self._queue.popleft()
                self.skipped_writes += 1
                continue
            log.warning("database %s works again (%d queued writes replayed)", self.describe(), self.replayed_writes)
            self.problem = None
            return

    async def _run(self, steps: tuple[Step, ...]) -> str:
        """The steps as one transaction; the last one's status, e.g. "INSERT 0 1"."""
        async with self.pool.acquire() as connection:
            if len(steps) == 1:  # a lone statement is its own transaction: one round trip, not three
                return await connection.execute(steps[0][0], *steps[0][1])
            async with connection.transaction():
                for sql, args in steps:
                    outcome = await connection.execute(sql, *args)
        return outcome

    async def _read_with(self, reader: Callable[[Any], Awaitable[Any]]) -> Any:
        if self.pool is not None and self.problem is None:
            try:
                async with self.pool.acquire() as connection:
                    return await reader(connection)
            except OUTAGES as error:
                self._gone(error, "reading")
        self.failed_reads += 1
        return None

    async def _read(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        rows = await self._read_with(lambda connection: connection.fetch(sql, *args))
        return rows or []

    async def _write(self, *steps: Step) -> str:
        """The last step's status; "queued" while the server is away."""
        if self.pool is not None and self.problem is None:
            try:
                return await self._run(steps)
            except OUTAGES as error:
                self._gone(error, "writing")
        self._enqueue(steps)
        return "queued"

    def _enqueue(self, steps: tuple[Step, ...]) -> None:
        if len(self._queue) >= self.QUEUE_LIMIT:
            self._queue.popleft()
            self.skipped_writes += 1
        self._queue.append(steps)
        self.queued_writes += 1
        if self._reconnecting is None or self._reconnecting.done():
            self._reconnecting = asyncio.create_task(self._reconnect())

    # --- the state ---------------------------------------------------------------------------------------------------
    async def record_use(self, command: str, guild_id: int | None) -> None:
        # one statement: the server adds 1 to whatever is there, so concurrent processes never lose a count
        await self._write(
            (
                "INSERT INTO usage (command, guild_id, uses, last_used) VALUES ($1, $2, 1, $3) "
                "ON CONFLICT (command, guild_id) DO UPDATE SET uses = usage.uses + 1, last_used = excluded.last_used",
                (command, guild_id or 0, _now()),
            )
        )

    async def usage(self, guild_id: int | None = None) -> dict[str, int]:
        if guild_id is None:
            rows = await self._read("SELECT command, SUM(uses) FROM usage GROUP BY command")
        else:
            rows = await self._read("SELECT command, uses FROM usage WHERE guild_id = $1", guild_id)
        return {command: int(uses) for command, uses in rows}

    async def shown_quotes(self, channel_id: int, filter_key: str) -> set[str]:
        rows = await self._read(
            "SELECT quote_id FROM quote_history WHERE channel_id = $1 AND filter_key = $2", channel_id, filter_key
        )
        return {row[0] for row in rows}

    async def last_shown(self, channel_id: int, filter_key: str) -> str | None:
        rows = await self._read(
            "SELECT quote_id FROM quote_history WHERE channel_id = $1 AND filter_key = $2 ORDER BY seq DESC LIMIT 1",
            channel_id,
            filter_key,
        )
        return rows[0][0] if rows else None

    async def mark_shown(self, channel_id: int, filter_key: str, quote_id: str, restart: bool = False) -> bool:
        forget = ("DELETE FROM quote_history WHERE channel_id = $1 AND filter_key = $2", (channel_id, filter_key))
        remember = (
            "INSERT INTO quote_history (channel_id, filter_key, quote_id, shown_at) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT DO NOTHING",
            (channel_id, filter_key, quote_id, _now()),
        )
        # "INSERT 0 0": the row was there, another process showed this quote in this cycle first
        return await self._write(*((forget, remember) if restart else (remember,))) != "INSERT 0 0"

    async def get_meta(self, key: str) -> str | None:
        rows = await self._read("SELECT value FROM meta WHERE key = $1", key)
        return rows[0][0] if rows else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            (
                "INSERT INTO meta VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        )

    async def seen_entries(self, entries: Sequence[str]) -> set[str]:
        rows = await self._read("SELECT entry FROM feed_entries WHERE entry = ANY($1::text[])", list(entries))
        return {row[0] for row in rows}

    async def mark_entries(self, feed: str, entries: Sequence[str]) -> None:
        if entries:
            await self._write(
                (
                    "INSERT INTO feed_entries (feed, entry) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
                    (feed, list(entries)),
                )
            )

    async def forget_feed(self, feed: str) -> None:
        await self._write(("DELETE FROM feed_entries WHERE feed = $1", (feed,)))

    async def run_once_per_change(self, key: str, digest: str, action: Callable[[], Awaitable[object]]) -> bool:
        """Under an advisory lock on `key`: the first process runs `action` and records `digest`; the others wait,
        then find it recorded and skip. With the server away, the action runs (as with no record) and the
        record is queued."""
        ran = False  # an error out of the action itself is the caller's, and it never runs twice
        if self.pool is not None and self.problem is None:
            try:
                async with self.pool.acquire() as connection, connection.transaction():
                    # waits while another process syncs, which may take long under Discord's rate limits
                    await connection.execute("SELECT pg_advisory_xact_lock($1)", lock_key(key), timeout=LOCK_WAIT)
                    if await connection.fetchval("SELECT value FROM meta WHERE key = $1", key) == digest:
                        return False
                    ran = True
                    await action()
                    await connection.execute(
                        "INSERT INTO meta VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        key,
                        digest,
                    )
                    return True
            except OUTAGES as error:
                if ran and not isinstance(error, asyncpg.PostgresError | asyncpg.InterfaceError):
                    raise
                self._gone(error, "syncing")
        if not ran:
            await action()
        await self.set_meta(key, digest)
        return True

    async def announce_reload(self) -> None:
        await self._write(*self.reloads.announcement())

    async def listen_reloads(self, reload: Callable[[], Awaitable[object]]) -> None:
        try:
            await self.reloads.listen(reload)
        except OUTAGES as error:  # reloads then reach this process only by a restart
            self._gone(error, "listening for reloads")

    async def close(self) -> None:
        await self.reloads.close()
        if self._reconnecting is not None:
            self._reconnecting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reconnecting
        if self._queue:
            log.warning("database %s: %d queued writes lost at shutdown", self.describe(), len(self._queue))
            self.skipped_writes += len(self._queue)
            self._queue.clear()
        if self.pool is not None:
            with contextlib.suppress(*OUTAGES):
                await asyncio.wait_for(self.pool.close(), timeout=5)
            self.pool = None
