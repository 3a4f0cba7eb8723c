"""`python -m bot db`: migrate the state database, show its backend and version, copy SQLite state to PostgreSQL."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from pathlib import Path

from bot.migrations import migrations
from bot.migrations.postgres import current_version
from bot.stores import DatabaseSettingError, Store, mask_url
from bot.stores.chooser import open_store

# What moves, per table: the source's rows, and the insert that leaves what the target has alone, so a second
# copy changes nothing. Counts keep the larger of the two: never fewer uses than either side saw.
_COPIES = {
    "usage": (
        "SELECT command, guild_id, uses, last_used FROM usage ORDER BY command, guild_id",
        "INSERT INTO usage (command, guild_id, uses, last_used) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (command, guild_id) DO UPDATE SET uses = GREATEST(usage.uses, excluded.uses), "
        "last_used = GREATEST(usage.last_used, excluded.last_used)",
    ),
    "quote_history": (
        "SELECT channel_id, filter_key, quote_id, shown_at FROM quote_history ORDER BY rowid",  # the order shown
        "INSERT INTO quote_history (channel_id, filter_key, quote_id, shown_at) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT DO NOTHING",
    ),
    "meta": (
        "SELECT key, value FROM meta WHERE key NOT LIKE 'feed-entry:%' ORDER BY key",
        "INSERT INTO meta VALUES ($1, $2) ON CONFLICT DO NOTHING",
    ),
    "feed_entries": (
        "SELECT feed, entry FROM feed_entries ORDER BY feed, entry",
        "INSERT INTO feed_entries (feed, entry) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    ),
    # the archive's articles, whole, and its changes in their order (the target numbers them anew, after its own)
    "archive_articles": (
        "SELECT article_id, file_name, original_name, content, content_hash, via, source, by_user, by_guild, added_at "
        "FROM archive_articles ORDER BY article_id",
        "INSERT INTO archive_articles (article_id, file_name, original_name, content, content_hash, via, source, "
        "by_user, by_guild, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING",
    ),
    "archive_changes": (
        "SELECT action, article_id, headline, via, by_user, by_guild, at, change_id FROM archive_changes ORDER BY seq",
        "INSERT INTO archive_changes (action, article_id, headline, via, by_user, by_guild, at, change_id) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (change_id) DO NOTHING",
    ),
}
# A file from before migration 0005 keeps the entries its feeds listed in meta: they move as 0005 moves them.
_OLD_FEED_ENTRIES = "SELECT '', substr(key, 12) FROM meta WHERE key LIKE 'feed-entry:%' ORDER BY key"


class DbError(Exception):
    """A database the command cannot use; the message names it (masked), the exit code says how bad."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


async def _open(database_url: str, sqlite_path: Path, migrate: bool = True) -> Store:
    try:
        store = await open_store(database_url, sqlite_path, migrate=migrate)
    except DatabaseSettingError as error:
        raise DbError(str(error), 2) from None
    if getattr(store, "pool", True) is None:  # a PostgreSQL store that could not connect
        await store.close()
        raise DbError(f"database {mask_url(database_url)} is unreachable (DATABASE_URL)")
    return store


async def _peek(database_url: str, sqlite_path: Path) -> tuple[str, str, int]:
    """Backend, place and recorded version, read without migrating anything."""
    if not database_url:
        if not sqlite_path.is_file():
            return "sqlite", f"sqlite:{sqlite_path} (not created yet)", 0
        with contextlib.closing(sqlite3.connect(f"{sqlite_path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            return "sqlite", f"sqlite:{sqlite_path}", connection.execute("PRAGMA user_version").fetchone()[0]
    store = await _open(database_url, sqlite_path, migrate=False)
    try:
        async with store.pool.acquire() as connection:
            return store.backend, store.describe(), await current_version(connection)
    finally:
        await store.close()


async def status(database_url: str, sqlite_path: Path, upgrade: bool = False) -> str:
    """The backend, where it is (password masked) and its schema version; `upgrade` migrates it first (on
    PostgreSQL under the advisory lock, so it is safe while bots start)."""
    if upgrade:
        await (await _open(database_url, sqlite_path)).close()
    backend, place, version = await _peek(database_url, sqlite_path)
    newest = migrations()[-1].version
    state = "up to date" if version == newest else f"behind: newest is {newest}, run: python -m bot db upgrade"
    lines = [f"backend: {backend}", f"database: {place}", f"schema version: {version} ({state})"]
    if upgrade:
        lines.insert(0, f"migrated to version {version}")
    return "\n".join(lines) + "\n"


async def copy(source: str, target: str) -> str:
    """Every row of a SQLite state file into a PostgreSQL database (migrated first); counts per table."""
    if not source.startswith("sqlite:"):
        raise DbError("--from must be sqlite:PATH (the SQLite state file)")
    if not target.startswith(("postgresql://", "postgres://")):
        raise DbError("--to must be a postgresql:// URL")
    path = Path(source.removeprefix("sqlite:"))
    if not path.is_file():
        raise DbError(f"{path} does not exist")
    rows = _read_sqlite(path)
    store = await _open(target, path)
    lines = []
    try:
        async with store.pool.acquire() as connection, connection.transaction():
            for table, (_, insert) in _COPIES.items():
                before = await connection.fetchval(f"SELECT count(*) FROM {table}")
                await connection.executemany(insert, rows[table])
                after = await connection.fetchval(f"SELECT count(*) FROM {table}")
                lines.append(f"{table}: {len(rows[table])} rows read, {after - before} new")
    finally:
        await store.close()
    return "\n".join([f"copied sqlite:{path} -> {mask_url(target)}", *lines]) + "\n"


def _read_sqlite(path: Path) -> dict[str, list[tuple]]:
    """The tables to copy, read-only; a table the file does not have yet gives no rows."""
    rows: dict[str, list[tuple]] = {}
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        for table, (select, _) in _COPIES.items():
            try:
                rows[table] = connection.execute(select).fetchall()
            except sqlite3.OperationalError:  # an older file without this table
                rows[table] = connection.execute(_OLD_FEED_ENTRIES).fetchall() if table == "feed_entries" else []
    return rows


async def main(action: str, database_url: str, sqlite_path: Path, source: str = "", target: str = "") -> int:
    try:
        if action == "copy":
            output = await copy(source, target)
        else:
            output = await status(database_url, sqlite_path, upgrade=action == "upgrade")
    except DbError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.code
    sys.stdout.write(output)
    return 0
