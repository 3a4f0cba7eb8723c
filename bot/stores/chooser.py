"""The choice at start-up: PostgreSQL when a database URL is set, else the SQLite file exactly as before."""

from __future__ import annotations

from pathlib import Path

from bot.stores import Store


async def open_store(database_url: str, sqlite_path: Path | str, migrate: bool = True) -> Store:
    """PostgreSQL (asyncpg) when `database_url` is set, else the SQLite file exactly as before.

    Raises DatabaseSettingError only for a server that answers and refuses the URL; a server that is down
    gives a store that answers from memory and reconnects. `migrate=False` (PostgreSQL only) leaves the schema
    as it is, for a status that only looks."""
    if database_url:
        from bot.stores.postgres import PostgresStore

        return await PostgresStore.open(database_url, migrate=migrate)
    from bot.stores.sqlite import SqliteStore

    return await SqliteStore.open(sqlite_path)
