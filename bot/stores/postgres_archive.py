"""The archive in PostgreSQL: stored articles and changes in one order for every process, and the feeds' entries."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

import asyncpg

from bot.stores import AlreadyStored, ArchiveUnavailable, Change, IdTaken, StoredArticle
from bot.stores.postgres_reloads import Reloads

# Held while a change is recorded: changes commit one at a time, so their seqs are in commit order and a process
# that has applied every change up to seq N never misses one that commits later with a smaller number.
CHANGE_LOCK = 0x6E657773_0005  # "news", 5
_ARTICLE_COLUMNS = (
    "article_id, file_name, original_name, {content}, content_hash, via, source, by_user, by_guild, added_at"
)
_CHANGE_COLUMNS = "action, article_id, headline, via, by_user, by_guild, at, change_id, seq"
_INSERT_CHANGE = (
    "INSERT INTO archive_changes (action, article_id, headline, via, by_user, by_guild, at, change_id) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq"
)
_FAULTS = (OSError, TimeoutError, asyncpg.InterfaceError, asyncpg.PostgresConnectionError)


def _change_row(change: Change) -> tuple[Any, ...]:
    return (
        change.action,
        change.article_id,
        change.headline,
        change.via,
        change.by_user,
        change.by_guild,
        change.at,
        change.change_id,
    )


class PostgresArchive:
    """Mixed into PostgresStore: `pool` is its asyncpg pool (None until the server first answered)."""

    pool: asyncpg.Pool | None
    changes: Reloads  # the archive_changes channel

    if TYPE_CHECKING:  # PostgresStore's own

        def describe(self) -> str: ...

        async def _write(self, *steps: tuple[str, tuple[Any, ...]]) -> str: ...

        def _gone(self, error: BaseException, doing: str) -> None: ...

        async def _read(self, sql: str, *args: Any) -> list[asyncpg.Record]: ...

    async def announce_change(self) -> None:
        await self._write(*self.changes.announcement())

    async def listen_changes(self, nudge: Callable[[], Awaitable[object]]) -> None:
        try:
            await self.changes.listen(nudge)
        except _FAULTS as error:  # changes then reach this process by its own polling
            self._gone(error, "listening for archive changes")

    def _pool(self) -> asyncpg.Pool:
        if self.pool is None:
            raise ArchiveUnavailable(f"the database {self.describe()} is not reachable")
        return self.pool

    async def _fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        try:
            return await self._pool().fetch(sql, *args)
        except (*_FAULTS, asyncpg.PostgresError) as error:
            raise ArchiveUnavailable(
                f"the database {self.describe()} cannot be read ({type(error).__name__})"
            ) from None

    async def _record(self, connection: asyncpg.Connection, change: Change) -> Change:
        await connection.execute("SELECT pg_advisory_xact_lock($1)", CHANGE_LOCK)
        seq = await connection.fetchval(_INSERT_CHANGE, *_change_row(change))
        return Change(*_change_row(change), seq=seq)

    async def add_article(self, article: StoredArticle, change: Change) -> Change:
        try:
            async with self._pool().acquire() as connection, connection.transaction():
                existing = await connection.fetchval(
                    "SELECT article_id FROM archive_articles WHERE content_hash = $1", article.content_hash
                )
                if existing is not None:
                    raise AlreadyStored(existing)
                await connection.execute(
                    f"INSERT INTO archive_articles ({_ARTICLE_COLUMNS.format(content='content')}) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    article.article_id,
                    article.file_name,
                    article.original_name,
                    article.content,
                    article.content_hash,
                    article.via,
                    article.source,
                    article.by_user,
                    article.by_guild,
                    article.added_at,
                )
                return await self._record(connection, change)
        except asyncpg.UniqueViolationError as error:
            existing = await self.stored_id(article.content_hash)
            if existing is not None:  # added by another process a moment ago
                raise AlreadyStored(existing) from None
            raise IdTaken(article.article_id) from error
        except (*_FAULTS, asyncpg.PostgresError) as error:
            raise ArchiveUnavailable(
                f"the database {self.describe()} cannot be written ({type(error).__name__})"
            ) from None

    async def record_change(self, change: Change) -> Change:
        try:
            async with self._pool().acquire() as connection, connection.transaction():
                return await self._record(connection, change)
        except (*_FAULTS, asyncpg.PostgresError) as error:
            raise ArchiveUnavailable(
                f"the database {self.describe()} cannot be written ({type(error).__name__})"
            ) from None

    async def changes_after(self, seq: int) -> list[Change]:
        rows = await self._fetch(f"SELECT {_CHANGE_COLUMNS} FROM archive_changes WHERE seq > $1 ORDER BY seq", seq)
        return [Change(*row) for row in rows]

    async def history(self, limit: int, offset: int = 0) -> list[Change]:
        rows = await self._fetch(
            f"SELECT {_CHANGE_COLUMNS} FROM archive_changes ORDER BY seq DESC LIMIT $1 OFFSET $2", limit, offset
        )
        return [Change(*row) for row in rows]

    async def last_change(self) -> int:
        rows = await self._fetch("SELECT COALESCE(MAX(seq), 0) FROM archive_changes")
        return int(rows[0][0])

    async def stored_articles(self, ids: Collection[str] | None = None, content: bool = True) -> list[StoredArticle]:
        columns = _ARTICLE_COLUMNS.format(content="content" if content else "''::bytea")
        if ids is None:
            rows = await self._fetch(f"SELECT {columns} FROM archive_articles ORDER BY article_id")
        else:
            rows = await self._fetch(
                f"SELECT {columns} FROM archive_articles WHERE article_id = ANY($1::text[])", sorted(set(ids))
            )
        return [StoredArticle(*row) for row in rows]

    async def stored_id(self, content_hash: str) -> str | None:
        rows = await self._fetch("SELECT article_id FROM archive_articles WHERE content_hash = $1", content_hash)
        return rows[0][0] if rows else None

    # the entries each followed feed has listed: read and written like the rest of the state (queued when away)
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
