"""The store keeps state across restarts and keeps the bot answering when its SQLite file is locked,
read-only or corrupt."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import aiosqlite
import pytest

import bot.archive.cache
import bot.migrations
from bot.app import App
from bot.archive.cache import CorpusCache, extractor_version
from bot.archive.load import load_corpus
from bot.cli.console import parse_command
from bot.core.corpus import Corpus
from bot.core.replies.layout import message_payload
from bot.migrations import migrations
from bot.stores.sqlite import SqliteStore
from bot.stores.sqlite_files import move_aside
from tests.conftest import SEEDS

LATEST = migrations()[-1][0]
NOBODY = 65534


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(SEEDS)


def user_version(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


def tables(path: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def store_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.stores.sqlite" and r.levelno >= logging.WARNING]


@contextlib.contextmanager
def locked_by_other_writer(path: Path) -> Iterator[sqlite3.Connection]:
    """A second, independent connection holding an exclusive lock, as another process would."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


Unprivileged = Callable[[], contextlib.AbstractContextManager[None]]


@pytest.fixture
def unprivileged(monkeypatch: pytest.MonkeyPatch) -> Unprivileged:
    """Run as 'nobody' so file modes bind: root ignores 0444, and these tests may run as root.

    'nobody' may not be able to read the checkout (a clone in a folder only root may enter), so what the code
    reads from it while unprivileged is read first, as root: the migrations and the extractor's version."""
    staged, version = bot.migrations.migrations(), extractor_version()
    monkeypatch.setattr(bot.migrations, "migrations", lambda: staged)
    monkeypatch.setattr(bot.archive.cache, "extractor_version", lambda: version)

    @contextlib.contextmanager
    def as_nobody() -> Iterator[None]:
        if os.geteuid() != 0:
            yield
            return
        os.setegid(NOBODY)
        os.seteuid(NOBODY)
        try:
            yield
        finally:
            os.seteuid(0)
            os.setegid(0)

    return as_nobody


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder 'nobody' can reach (pytest's tmp_path lives under a root-only folder)."""
    folder = Path(tempfile.mkdtemp(prefix="store-test-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


@pytest.fixture(autouse=True)
async def close_stores_left_open(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """Close what a failed test left open: aiosqlite's worker thread would keep pytest from exiting."""
    opened: list[aiosqlite.Connection] = []
    connect = SqliteStore._connect.__func__

    async def tracked(cls: type[SqliteStore], path: Path | str) -> aiosqlite.Connection:
        opened.append(await connect(cls, path))
        return opened[-1]

    monkeypatch.setattr(SqliteStore, "_connect", classmethod(tracked))
    yield
    for connection in opened:
        await connection.close()


async def seeded(path: Path) -> None:
    store = await SqliteStore.open(path)
    await store.record_use("help", 1)
    await store.mark_shown(7, "speaker=zelensky", "q1")
    await store.close()


# Persistence


async def test_usage_and_quote_history_survive_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = await SqliteStore.open(path)
    for _ in range(3):
        await store.record_use("article search", 10)
    await store.record_use("article search", 20)
    await store.record_use("help", None)
    await store.mark_shown(5, "topic=grain", "q-a")
    await store.mark_shown(5, "topic=grain", "q-b")
    await store.set_meta("commands-hash", "abc123")
    await store.close()

    store = await SqliteStore.open(path)
    assert await store.usage() == {"article search": 4, "help": 1}
    assert await store.usage(10) == {"article search": 3}
    assert await store.shown_quotes(5, "topic=grain") == {"q-a", "q-b"}
    assert await store.shown_quotes(6, "topic=grain") == set()
    assert await store.get_meta("commands-hash") == "abc123"
    await store.mark_shown(5, "topic=grain", "q-c", restart=True)
    assert await store.shown_quotes(5, "topic=grain") == {"q-c"}
    await store.close()


# Locked by another writer


async def test_locked_at_start_up_the_store_opens_skips_writes_and_recovers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "bot.sqlite3"
    await seeded(path)
    with locked_by_other_writer(path):
        store = await SqliteStore.open(path)
        await store.record_use("help", 1)
        await store.record_use("help", 1)
        assert await store.usage() == {}
        assert await store.shown_quotes(7, "speaker=zelensky") == set()
        assert store.skipped_writes == 2
        assert store.problem == "locked by another process"
    [line] = store_warnings(caplog)
    assert "locked by another process" in line and str(path) in line

    store._paused_until = 0.0  # the other writer is gone; do not wait out the pause
    await store.record_use("help", 1)
    assert await store.usage() == {"help": 2}
    assert store.problem is None and store.skipped_writes == 2
    assert "works again" in store_warnings(caplog)[-1]
    await store.close()


async def test_the_app_keeps_answering_while_the_database_is_locked(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "bot.sqlite3"
    await seeded(path)
    with locked_by_other_writer(path):
        store = await SqliteStore.open(path)
        app = App(corpus, store, random.Random(6))
        for line in ("/help", "/quote random", "/quote random", "/article search query: Kharkiv"):
            reply = await app.answer(parse_command(line))
            assert not reply.ephemeral, line  # a real answer, not an apology
            assert message_payload(reply)["embeds"][0]["title"]
    # 4 usage counts and 2 quote-history rows were skipped, not queued behind the lock.
    assert store.skipped_writes == 6
    await store.close()
    store = await SqliteStore.open(path)
    assert await store.usage() == {"help": 1}
    await store.close()


async def test_a_lock_taken_mid_run_pauses_the_database_instead_of_queueing_on_it(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = await SqliteStore.open(path)
    store.PAUSE_SECONDS = 3600.0
    with locked_by_other_writer(path):
        await store.record_use("timeline", 3)
    # Still paused after the lock is gone: later writes are skipped without touching the file.
    for _ in range(5):
        await store.record_use("timeline", 3)
    await store.mark_shown(1, "", "q")
    assert store.skipped_writes == 7
    assert await store.get_meta("anything") is None and store.failed_reads == 1
    store._paused_until = 0.0
    await store.record_use("timeline", 3)
    assert await store.usage(3) == {"timeline": 1}
    await store.close()


# Read-only


async def test_read_only_file_is_read_but_never_written(
    shared_dir: Path, caplog: pytest.LogCaptureFixture, unprivileged: Unprivileged
) -> None:
    path = shared_dir / "bot.sqlite3"
    await seeded(path)
    before = path.read_bytes()
    path.chmod(0o444)
    shared_dir.chmod(0o777)  # SQLite's WAL mode needs its side files beside the database even to read it
    with unprivileged():
        store = await SqliteStore.open(path)
        assert store.problem == "read-only"
        assert await store.usage() == {"help": 1}
        await store.record_use("help", 1)
        await store.mark_shown(7, "speaker=zelensky", "q2", restart=True)
        assert store.skipped_writes == 2
        assert await store.shown_quotes(7, "speaker=zelensky") == {"q1"}
        await store.close()
    assert path.read_bytes() == before
    [line] = store_warnings(caplog)
    assert "read-only" in line and str(path) in line


async def test_unwritable_folder_falls_back_to_memory(
    shared_dir: Path, caplog: pytest.LogCaptureFixture, unprivileged: Unprivileged
) -> None:
    shared_dir.chmod(0o555)
    path = shared_dir / "bot.sqlite3"
    with unprivileged():
        store = await SqliteStore.open(path)
        assert store.in_memory
        await store.record_use("help", None)
        assert await store.usage() == {"help": 1}
        await store.close()
    assert not path.exists()
    assert any("cannot be opened" in m or "unusable" in m for m in store_warnings(caplog))


def test_the_corpus_still_loads_through_the_cache_of_a_read_only_database(
    shared_dir: Path, corpus: Corpus, unprivileged: Unprivileged
) -> None:
    path = shared_dir / "bot.sqlite3"
    asyncio.run(seeded(path))
    path.chmod(0o444)
    shared_dir.chmod(0o777)
    folder = shutil.copytree(SEEDS, shared_dir / "corpus")  # 'nobody' may not reach the checkout's seeds
    with unprivileged():
        cache = CorpusCache.open(path)
        try:
            loaded = load_corpus(folder, cache)  # the cache's write of what it parsed is refused
        finally:
            cache.close()
    assert sorted(loaded.articles) == sorted(corpus.articles)


async def test_read_only_file_in_read_only_folder_is_left_untouched(
    shared_dir: Path, caplog: pytest.LogCaptureFixture, unprivileged: Unprivileged
) -> None:
    path = shared_dir / "bot.sqlite3"
    await seeded(path)
    before = path.read_bytes()
    path.chmod(0o444)
    shared_dir.chmod(0o555)
    with unprivileged():
        store = await SqliteStore.open(path)
        await store.record_use("help", None)
        if store.in_memory:  # a WAL-mode file cannot even be read without creating its side files
            assert await store.usage() == {"help": 1}
        else:  # a rollback-journal file can: the old counts are read, the new use is skipped
            assert (await store.usage(), store.skipped_writes) == ({"help": 1}, 1)
        await store.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in shared_dir.iterdir()) == ["bot.sqlite3"]
    assert any(str(path) in line for line in store_warnings(caplog))


async def test_a_folder_in_place_of_the_file_falls_back_to_memory(tmp_path: Path) -> None:
    (tmp_path / "bot.sqlite3").mkdir()
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    assert store.in_memory and await store.version() == LATEST
    await store.close()


# Corrupt at start-up


def moved_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


async def test_garbage_file_is_moved_aside_and_a_fresh_database_created(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "bot.sqlite3"
    garbage = b"this is not a database\x00\xff\xfe" * 400
    path.write_bytes(garbage)
    store = await SqliteStore.open(path)
    await store.record_use("help", 1)
    assert await store.usage() == {"help": 1}
    assert store.problem is None and not store.in_memory
    await store.close()
    [kept] = moved_aside(path)
    assert kept.read_bytes() == garbage
    assert user_version(path) == LATEST
    [line] = store_warnings(caplog)
    assert "corrupt" in line and str(path) in line and kept.name in line


async def test_damaged_pages_are_caught_at_start_up(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = await SqliteStore.open(path)
    for channel in range(400):
        await store.mark_shown(channel, "topic=" + "x" * 200, f"q{channel}")
    await store.close()
    damaged = bytearray(path.read_bytes())
    page = 4096
    damaged[3 * page : 3 * page + 512] = b"\xa5" * 512  # the header is fine, a table page is not
    path.write_bytes(bytes(damaged))

    store = await SqliteStore.open(path)
    assert await store.shown_quotes(1, "topic=" + "x" * 200) == set()
    await store.close()
    [kept] = moved_aside(path)
    assert kept.read_bytes() == bytes(damaged)


def test_moving_aside_takes_side_files_along_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    path.write_bytes(b"first")
    Path(f"{path}-journal").write_bytes(b"its journal")  # a hot journal must not roll into a fresh file
    first = move_aside(path)
    path.write_bytes(b"second")
    second = move_aside(path)
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")
    assert Path(f"{first}-journal").read_bytes() == b"its journal"
    assert {p.name for p in tmp_path.iterdir()} == {first.name, f"{first.name}-journal", second.name}


async def test_corrupt_file_in_unwritable_folder_is_left_alone(shared_dir: Path, unprivileged: Unprivileged) -> None:
    path = shared_dir / "bot.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    shared_dir.chmod(0o555)
    with unprivileged():
        store = await SqliteStore.open(path)
        assert store.in_memory
        await store.close()
    assert path.read_bytes() == b"garbage" * 1000
    assert stat.S_IMODE(shared_dir.stat().st_mode) == 0o555
