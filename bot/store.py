"""The bot's own state in SQLite (aiosqlite): numbered migrations, usage counts, quote history."""

from __future__ import annotations

import datetime as dt
import logging
from importlib import resources
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every file in bot/migrations, in order."""
    found = []
    for entry in resources.files("bot.migrations").iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name.partition("_")
            found.append((int(number), name.removesuffix(".sql"), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """One open database; every method is a short transaction."""

    def __init__(self, connection: aiosqlite.Connection, path: Path | str) -> None:
        self.db = connection
        self.path = path

    @classmethod
    async def open(cls, path: Path | str) -> Store:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        await connection.execute("PRAGMA busy_timeout = 5000")
        store = cls(connection, path)
        await store.migrate()
        return store

    async def migrate(self) -> int:
        """Apply every migration newer than the recorded version, all in one transaction."""
        async with self.db.execute("PRAGMA user_version") as cursor:
            (current,) = await cursor.fetchone()
        pending = [m for m in migrations() if m[0] > current]
        if not pending:
            return current
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            for version, name, sql in pending:
                for statement in sql.split(";"):
                    if statement.strip():
                        await self.db.execute(statement)
                log.info("database migration %04d %s applied", version, name)
            await self.db.execute(f"PRAGMA user_version = {int(pending[-1][0])}")
            await self.db.execute("COMMIT")
        except Exception:
            await self.db.execute("ROLLBACK")
            raise
        return pending[-1][0]

    async def version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cursor:
            return (await cursor.fetchone())[0]

    async def record_use(self, command: str, guild_id: int | None) -> None:
        await self.db.execute(
            "INSERT INTO usage (command, guild_id, uses, last_used) VALUES (?, ?, 1, ?) "
            "ON CONFLICT (command, guild_id) DO UPDATE SET uses = uses + 1, last_used = excluded.last_used",
            (command, guild_id or 0, _now()),
        )

    async def usage(self, guild_id: int | None = None) -> dict[str, int]:
        sql, args = "SELECT command, SUM(uses) FROM usage GROUP BY command", ()
        if guild_id is not None:
            sql, args = "SELECT command, uses FROM usage WHERE guild_id = ?", (guild_id,)
        async with self.db.execute(sql, args) as cursor:
            return {command: uses for command, uses in await cursor.fetchall()}

    async def shown_quotes(self, channel_id: int, filter_key: str) -> set[str]:
        async with self.db.execute(
            "SELECT quote_id FROM quote_history WHERE channel_id = ? AND filter_key = ?", (channel_id, filter_key)
        ) as cursor:
            return {row[0] for row in await cursor.fetchall()}

    async def mark_shown(self, channel_id: int, filter_key: str, quote_id: str, restart: bool = False) -> None:
        """Remember a quote as shown; `restart` forgets the finished cycle first, in the same transaction."""
        await self.db.execute("BEGIN IMMEDIATE")
        try:
            if restart:
                await self.db.execute("DELETE FROM quote_history WHERE channel_id = ? AND filter_key = ?",
                                      (channel_id, filter_key))
            await self.db.execute("INSERT OR IGNORE INTO quote_history VALUES (?, ?, ?, ?)",
                                  (channel_id, filter_key, quote_id, _now()))
            await self.db.execute("COMMIT")
        except Exception:
            await self.db.execute("ROLLBACK")
            raise

    async def get_meta(self, key: str) -> str | None:
        async with self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def set_meta(self, key: str, value: str) -> None:
        await self.db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              (key, value))

    async def close(self) -> None:
        await self.db.close()
