"""The one migration runner: numbered files in order, each applied once, all or nothing, over the store's
aiosqlite connection and the cache's sqlite3 one alike."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import aiosqlite
import pytest

import bot.migrations
from bot.archive.cache import CorpusCache
from bot.migrations import Migration, migrate, migrate_async, migrations, statements, upgrade
from bot.migrations.postgres import current_version, migrate_postgres
from bot.stores.sqlite import SqliteStore
from tests.stores.backends import postgres_url
from tests.test_store import tables, user_version

__all__ = ["postgres_url"]  # the fixture, for the PostgreSQL half

LATEST = migrations()[-1].version
# A ';' in a comment and in a string: split on ';' (as the cache once did), this is three broken statements.
NOTES = Migration(LATEST + 1, "notes", "-- a comment; a semicolon\nCREATE TABLE notes (text TEXT DEFAULT ';');\n")
BROKEN = Migration(LATEST + 1, "broken", "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE oops (;\n")


def run_sync(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        return migrate(connection)


async def run_async(path: Path) -> int:
    async with aiosqlite.connect(str(path), isolation_level=None) as connection:
        return await migrate_async(connection)


async def run(runner: str, path: Path) -> int:
    return run_sync(path) if runner == "sqlite3" else await run_async(path)


RUNNERS = pytest.mark.parametrize("runner", ["sqlite3", "aiosqlite"])


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_files_are_numbered_in_order_from_one(dialect: str) -> None:
    assert [m.version for m in migrations(dialect)] == list(range(1, LATEST + 1))
    assert all(m.name and m.sql.strip() for m in migrations(dialect))


def test_both_dialects_have_the_same_migrations() -> None:
    assert [m[:2] for m in migrations("postgresql")] == [m[:2] for m in migrations()]


def test_statements_split_on_semicolons_outside_comments_and_strings() -> None:
    sql = "-- usage; per server\nCREATE TABLE a (x TEXT DEFAULT ';');\nINSERT INTO a VALUES ('1;2');\nDROP TABLE b"
    assert list(statements(sql)) == [
        "-- usage; per server\nCREATE TABLE a (x TEXT DEFAULT ';');",
        "INSERT INTO a VALUES ('1;2');",
        "DROP TABLE b",
    ]


def test_an_upgrade_ends_with_the_new_version_and_an_up_to_date_schema_needs_none() -> None:
    plan = upgrade(LATEST - 1)
    assert [m.version for m in plan.applied] == [LATEST] and plan.version == LATEST
    assert plan.statements[-1] == f"PRAGMA user_version = {LATEST}"
    assert upgrade(LATEST) is None


@RUNNERS
async def test_a_fresh_file_gets_every_migration_and_records_the_version(runner: str, tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    assert await run(runner, path) == LATEST
    assert user_version(path) == LATEST
    assert {"usage", "quote_history", "meta", "corpus_cache", "folder_digests"} <= tables(path)
    assert "corpus_snapshot" not in tables(path)  # replaced by the summaries and the search index on disk
    assert await run(runner, path) == LATEST  # nothing applied twice


@RUNNERS
async def test_migrations_apply_in_one_transaction(
    runner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.migrations, "migrations", lambda: [*migrations(), BROKEN])
    path = tmp_path / "bot.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        await run(runner, path)
    # The good migrations ran before the broken one, yet nothing of any of them was kept.
    assert user_version(path) == 0
    assert tables(path) == set()


@RUNNERS
async def test_reopening_applies_only_newer_migrations_semicolons_and_all(
    runner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bot.sqlite3"
    await run(runner, path)
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("INSERT INTO meta VALUES ('kept', 'yes')")
    monkeypatch.setattr(bot.migrations, "migrations", lambda: [*migrations(), NOTES])
    assert await run(runner, path) == LATEST + 1
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT value FROM meta").fetchall() == [("yes",)]
        connection.execute("INSERT INTO notes DEFAULT VALUES")
        assert connection.execute("SELECT text FROM notes").fetchall() == [(";",)]


async def test_the_store_and_the_cache_migrate_through_the_same_runner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.migrations, "migrations", lambda: [*migrations(), NOTES])
    cached, stored = tmp_path / "cache.sqlite3", tmp_path / "store.sqlite3"
    CorpusCache.open(cached).close()
    store = await SqliteStore.open(stored)
    try:
        assert await store.version() == LATEST + 1
    finally:
        await store.close()
    assert user_version(cached) == user_version(stored) == LATEST + 1
    assert tables(cached) == tables(stored)


async def test_postgresql_gets_every_migration_once_and_records_the_version(postgres_url: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(postgres_url)
    try:
        assert await current_version(connection) == 0
        assert await migrate_postgres(connection) == LATEST
        assert await migrate_postgres(connection) == LATEST  # nothing applied twice
        assert await current_version(connection) == LATEST
        names = {
            row[0]
            for row in await connection.fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        }
        shared = {"usage", "quote_history", "meta", "schema_version", "archive_articles", "archive_changes"}
        assert names == shared | {"feed_entries"}  # the parse cache stays in the local file
    finally:
        await connection.close()


async def test_postgresql_migrations_apply_in_one_transaction(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncpg

    staged = migrations("postgresql")
    monkeypatch.setattr(bot.migrations, "migrations", lambda dialect="sqlite": [*staged, BROKEN])
    connection = await asyncpg.connect(postgres_url)
    try:
        with pytest.raises(asyncpg.PostgresSyntaxError):
            await migrate_postgres(connection)
        assert await current_version(connection) == 0
        assert await connection.fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()") == []
    finally:
        await connection.close()
