"""`python -m bot db`: status and upgrade name the backend with the password masked; copy moves a SQLite
deployment's state into PostgreSQL, twice without change; a refused URL is one line and exit code 2."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.__main__ import main
from bot.archive.changes import Who
from bot.archive.living import LivingArchive
from bot.migrations import migrations
from bot.stores.postgres import PostgresStore
from bot.stores.sqlite import SqliteStore
from tests.conftest import ROOT, SEEDS
from tests.stores.backends import postgres_url

__all__ = ["postgres_url"]
LATEST = migrations()[-1].version
FERRY = (
    b"---\nheadline: Harbour ferry sails again\ndate: 2024-03-02\n---\n"
    b"The ferry sailed again on Saturday after repairs to its hull, the harbour board said.\n"
)


def wrong_password(url: str) -> str:
    split = urlsplit(url)
    return split._replace(netloc=f"{split.username}:not-the-password@{split.hostname}:{split.port or 5432}").geturl()


async def sqlite_state(path: Path) -> None:
    store = await SqliteStore.open(path)
    for _ in range(3):
        await store.record_use("quote random", 5)
    await store.mark_shown(1, "all", "q1")
    await store.mark_shown(1, "all", "q2")
    await store.set_meta("commands:global", "abc")
    archive = LivingArchive(SEEDS, store)  # the seeds are only read
    await archive.open()
    await archive.add("ferry.txt", FERRY, Who("cli", source="ferry.txt"))
    await archive.remove("003_ca573a1cae3f6ec8", Who("cli"))
    await store.mark_entries("https://example.com/feed.xml", ["e1", "e2"])
    await store.close()


def run_db(monkeypatch: pytest.MonkeyPatch, url: str, sqlite: Path, *args: str) -> int:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("BOT_DATABASE", str(sqlite))
    monkeypatch.delenv("BOT_DATABASE_URL", raising=False)
    return main(["db", *args])


def test_status_and_upgrade_show_the_backend_and_version(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_db(monkeypatch, postgres_url, tmp_path / "x.sqlite3", "status") == 0
    assert "schema version: 0 (behind" in capsys.readouterr().out  # status only looks
    assert run_db(monkeypatch, postgres_url, tmp_path / "x.sqlite3", "upgrade") == 0
    out = capsys.readouterr().out
    password = urlsplit(postgres_url).password
    assert "backend: postgresql" in out and f"schema version: {LATEST} (up to date)" in out
    assert f":{password}@" not in out and ":***@" in out
    assert run_db(monkeypatch, "", tmp_path / "x.sqlite3", "status") == 0
    assert "backend: sqlite" in capsys.readouterr().out


async def test_copy_moves_everything_once(postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from bot.cli import db

    await sqlite_state(tmp_path / "bot.sqlite3")
    source = f"sqlite:{tmp_path / 'bot.sqlite3'}"
    assert await db.main("copy", "", tmp_path, source, postgres_url) == 0
    first = capsys.readouterr().out
    assert "usage: 1 rows read, 1 new" in first and "quote_history: 2 rows read, 2 new" in first
    assert "feed_entries: 2 rows read, 2 new" in first
    assert await db.main("copy", "", tmp_path, source, postgres_url) == 0
    second = capsys.readouterr().out
    assert "quote_history: 2 rows read, 0 new" in second  # idempotent
    assert "archive_articles: 1 rows read, 0 new" in second and "archive_changes: 2 rows read, 0 new" in second
    store = await PostgresStore.open(postgres_url)
    try:
        assert await store.usage() == {"quote random": 3}  # not doubled by the second copy
        assert await store.last_shown(1, "all") == "q2"  # the order shown is kept
        assert await store.get_meta("commands:global") == "abc"
        archive = LivingArchive(SEEDS, store)  # a host of the new platform, on an empty disk
        await archive.open()
        assert "ferry" in archive.corpus.articles and "003_ca573a1cae3f6ec8" not in archive.corpus.articles
        assert [c.action for c in await store.changes_after(0)] == ["add", "remove"]  # once, in order
        assert await store.seen_entries(["e1", "e2", "e3"]) == {"e1", "e2"}
    finally:
        await store.close()


async def test_copy_from_a_file_older_than_the_feed_entries_table_moves_its_seen_entries(
    postgres_url: str, tmp_path: Path
) -> None:
    from bot.cli import db as db_command

    with sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None) as connection:
        for migration in migrations()[:4]:
            connection.executescript(migration.sql)
        connection.execute("INSERT INTO meta VALUES ('feed-entry:0123456789abcdef0123456789abcdef', 'seen')")
    assert await db_command.main("copy", "", tmp_path, f"sqlite:{tmp_path / 'old.sqlite3'}", postgres_url) == 0
    store = await PostgresStore.open(postgres_url)
    try:
        assert await store.seen_entries(["0123456789abcdef0123456789abcdef"]) == {"0123456789abcdef0123456789abcdef"}
        assert await store.get_meta("feed-entry:0123456789abcdef0123456789abcdef") is None
    finally:
        await store.close()


def test_a_refused_url_is_one_line_and_exit_code_two(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_db(monkeypatch, wrong_password(postgres_url), tmp_path / "x.sqlite3", "status") == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: DATABASE_URL ") and "wrong password" in error and "not-the-password" not in error


def test_the_bot_exits_two_on_a_refused_url(postgres_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISCORD_TOKEN": "x", "DATABASE_URL": wrong_password(postgres_url)}
    env["BOT_DATABASE"] = str(tmp_path / "bot.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and "DATABASE_URL" in errors[0] and "not-the-password" not in done.stderr
    assert "Traceback" not in done.stderr
