"""The archive in the SQLite file: stored articles and changes, whole or not at all, and the entries feeds listed."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

import aiosqlite

from bot.stores import AlreadyStored, ArchiveUnavailable, Change, IdTaken, StoredArticle

_ARTICLE_COLUMNS = (
    "article_id, file_name, original_name, {content}, content_hash, via, source, by_user, by_guild, added_at"
)
_CHANGE_COLUMNS = "action, article_id, headline, via, by_user, by_guild, at, change_id, seq"
_INSERT_CHANGE = (
    "INSERT INTO archive_changes (action, article_id, headline, via, by_user, by_guild, at, change_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


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


def _chunks(entries: Sequence[str], size: int = 400) -> list[Sequence[str]]:
    """Pieces small enough for one statement's parameters (older SQLite takes 999 at most)."""
    return [entries[i : i + size] for i in range(0, len(entries), size)]


def _with_seq(change: Change, seq: int) -> Change:
    return Change(*_change_row(change), seq=seq)


class SqliteArchive:
    """Mixed into SqliteStore: `db` is its aiosqlite connection and `_writing` the lock of its transactions."""

    db: aiosqlite.Connection | None
    _writing: asyncio.Lock

    if TYPE_CHECKING:  # SqliteStore's own

        async def _usable(self) -> bool: ...

        def describe(self) -> str: ...

        async def _read(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...

        async def _write(self, *steps: tuple[str, tuple[Any, ...]]) -> bool: ...

    async def _archive_rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if not await self._usable():
            raise ArchiveUnavailable(f"the database {self.describe()} cannot be read")
        try:
            async with self.db.execute(sql, args) as cursor:
                return list(await cursor.fetchall())
        except sqlite3.Error as error:
            raise ArchiveUnavailable(f"the database {self.describe()} cannot be read ({error})") from error

    async def _archive_write(self, steps: list[tuple[str, tuple[Any, ...]]]) -> int:
        """Run the steps as one transaction; the rowid the last one inserted."""
        if not await self._usable():
            raise ArchiveUnavailable(f"the database {self.describe()} cannot be written")
        async with self._writing:
            try:
                await self.db.execute("BEGIN IMMEDIATE")
                try:
                    for sql, args in steps:
                        cursor = await self.db.execute(sql, args)
                    await self.db.execute("COMMIT")
                except BaseException:
                    if self.db.in_transaction:
                        await self.db.execute("ROLLBACK")
                    raise
            except sqlite3.IntegrityError:
                raise
            except sqlite3.Error as error:
                raise ArchiveUnavailable(f"the database {self.describe()} cannot be written ({error})") from error
        return cursor.lastrowid

    async def add_article(self, article: StoredArticle, change: Change) -> Change:
        insert = (
            f"INSERT INTO archive_articles ({_ARTICLE_COLUMNS.format(content='content')}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
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
            ),
        )
        try:
            seq = await self._archive_write([insert, (_INSERT_CHANGE, _change_row(change))])
        except sqlite3.IntegrityError as error:
            existing = await self.stored_id(article.content_hash)
            if existing is not None:
                raise AlreadyStored(existing) from None
            raise IdTaken(article.article_id) from error
        return _with_seq(change, seq)

    async def record_change(self, change: Change) -> Change:
        try:
            seq = await self._archive_write([(_INSERT_CHANGE, _change_row(change))])
        except sqlite3.IntegrityError as error:
            raise ArchiveUnavailable(f"change {change.change_id} is recorded already") from error
        return _with_seq(change, seq)

    async def changes_after(self, seq: int) -> list[Change]:
        rows = await self._archive_rows(
            f"SELECT {_CHANGE_COLUMNS} FROM archive_changes WHERE seq > ? ORDER BY seq", (seq,)
        )
        return [Change(*row) for row in rows]

    async def history(self, limit: int, offset: int = 0) -> list[Change]:
        rows = await self._archive_rows(
            f"SELECT {_CHANGE_COLUMNS} FROM archive_changes ORDER BY seq DESC LIMIT ? OFFSET ?", (limit, offset)
        )
        return [Change(*row) for row in rows]

    async def last_change(self) -> int:
        rows = await self._archive_rows("SELECT COALESCE(MAX(seq), 0) FROM archive_changes")
        return int(rows[0][0])

    async def stored_articles(self, ids: Collection[str] | None = None, content: bool = True) -> list[StoredArticle]:
        columns = _ARTICLE_COLUMNS.format(content="content" if content else "x''")
        if ids is None:
            rows = await self._archive_rows(f"SELECT {columns} FROM archive_articles ORDER BY article_id")
        else:
            rows = []
            wanted = sorted(set(ids))
            for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
                chunk = wanted[start : start + 500]
                rows += await self._archive_rows(
                    f"SELECT {columns} FROM archive_articles WHERE article_id IN ({','.join('?' * len(chunk))})",
                    tuple(chunk),
                )
        return [StoredArticle(*row) for row in rows]

    async def stored_id(self, content_hash: str) -> str | None:
        rows = await self._archive_rows(
            "SELECT article_id FROM archive_articles WHERE content_hash = ?", (content_hash,)
        )
        return rows[0][0] if rows else None

    # the entries each followed feed has listed: read and written like the rest of the state (skipped when locked)
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
