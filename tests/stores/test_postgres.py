"""The PostgreSQL store on a real server: shared by several processes (pools), refused URLs named, an outage
survived with its writes replayed."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.app import App
from bot.cli.console import parse_command
from bot.core.answers import quote
from bot.core.corpus import Corpus
from bot.migrations import migrations
from bot.stores import DatabaseSettingError
from bot.stores.postgres import PostgresStore
from tests.conftest import SEEDS, archive_app, seeds_copy
from tests.stores.backends import TEST_URL
from tests.stores.cable import Cable, cable_to, with_parts

LATEST = migrations("postgresql")[-1].version


def store_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.stores.postgres" and r.levelno >= logging.WARNING]


async def test_two_processes_migrate_once_and_count_every_use(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.migrations.postgres")
    first, second = await asyncio.gather(PostgresStore.open(postgres_url), PostgresStore.open(postgres_url))
    try:
        applied = [r for r in caplog.records if r.name == "bot.migrations.postgres"]
        assert len(applied) == len(migrations("postgresql"))  # each migration once, by one of them
        assert await first.version() == await second.version() == LATEST
        uses = [store.record_use("quote random", 1) for store in (first, second) for _ in range(40)]
        await asyncio.gather(*uses)
        assert await first.usage() == {"quote random": 80}  # no increment lost to a race
    finally:
        await asyncio.gather(first.close(), second.close())


async def test_only_one_process_runs_a_changed_sync(postgres_url: str) -> None:
    stores = await asyncio.gather(*(PostgresStore.open(postgres_url) for _ in range(3)))
    runs: list[int] = []

    def action(number: int):
        async def sync() -> None:
            runs.append(number)
            await asyncio.sleep(0.2)  # the others must wait on the lock, not read the old digest meanwhile

        return sync

    try:
        ran = await asyncio.gather(
            *(s.run_once_per_change("commands:global", "v1", action(i)) for i, s in enumerate(stores))
        )
        assert sorted(ran) == [False, False, True] and len(runs) == 1
    finally:
        await asyncio.gather(*(s.close() for s in stores))


async def test_a_quote_cycle_is_shared_across_processes(postgres_url: str) -> None:
    first, second = await PostgresStore.open(postgres_url), await PostgresStore.open(postgres_url)
    try:
        await first.mark_shown(5, "all", "q1")
        await second.mark_shown(5, "all", "q2")
        assert await first.shown_quotes(5, "all") == await second.shown_quotes(5, "all") == {"q1", "q2"}
        assert await first.last_shown(5, "all") == "q2"
    finally:
        await asyncio.gather(first.close(), second.close())


@pytest.mark.parametrize(
    ("change", "said"),
    [({"password": "not-the-password"}, "wrong password"), ({"path": "/no_such_db"}, "does not exist")],
)
async def test_a_refused_url_is_named_with_the_password_masked(postgres_url: str, change: dict, said: str) -> None:
    if not TEST_URL:
        pytest.skip("TEST_DATABASE_URL is not set")
    url = with_parts(TEST_URL, **change)
    with pytest.raises(DatabaseSettingError) as raised:
        await PostgresStore.open(url)
    message = str(raised.value)
    assert message.startswith("DATABASE_URL ") and said in message
    assert f":{urlsplit(url).password}@" not in message and ":***@" in message


async def test_a_server_down_at_start_up_leaves_the_bot_answering(caplog: pytest.LogCaptureFixture) -> None:
    store = await PostgresStore.open("postgresql://bot:secret@127.0.0.1:1/bot")  # nothing listens on port 1
    try:
        assert await store.usage() == {} and await store.get_meta("k") is None
        for _ in range(5):
            await store.record_use("help", None)
        assert store.queued_writes == 5 and store.skipped_writes == 0
        lines = store_lines(caplog)
        assert len(lines) == 1 and "unreachable" in lines[0] and "secret" not in lines[0]
    finally:
        await store.close()


@pytest.fixture
async def cable(postgres_url: str) -> AsyncIterator[tuple[Cable, str]]:
    async with cable_to(postgres_url) as relay_and_url:
        yield relay_and_url


async def test_an_outage_mid_run_loses_no_write(cable: tuple[Cable, str], caplog: pytest.LogCaptureFixture) -> None:
    relay, url = cable
    store = await PostgresStore.open(url)
    store.RETRY_FIRST_SECONDS = 0.05
    try:
        await store.record_use("help", None)
        await relay.cut()
        for _ in range(3):
            await store.record_use("help", None)
        await store.mark_shown(9, "all", "q1")
        assert await store.usage() == {}  # answered from memory meanwhile: nothing, but no error
        await asyncio.sleep(0.3)  # the reconnection attempts fail meanwhile, quietly
        await relay.mend()
        for _ in range(200):
            if store.problem is None:
                break
            await asyncio.sleep(0.05)
        assert store.problem is None
        assert await store.usage() == {"help": 4} and await store.shown_quotes(9, "all") == {"q1"}
        lines = store_lines(caplog)
        assert len(lines) == 2 and "unreachable" in lines[0] and "works again" in lines[1]
        assert not [r for r in caplog.records if r.exc_info]  # no traceback from the pool's own reconnecting
    finally:
        await store.close()


async def test_an_outage_seen_only_by_reads_lasts_until_the_server_answers(
    cable: tuple[Cable, str], caplog: pytest.LogCaptureFixture
) -> None:
    relay, url = cable
    store = await PostgresStore.open(url)
    store.RETRY_FIRST_SECONDS = 0.05
    try:
        await relay.cut()
        assert await store.usage() == {}  # nothing queued: only a read noticed the server gone
        await asyncio.sleep(0.5)  # several reconnection attempts
        assert store.problem == "unreachable" and len(store_lines(caplog)) == 1
        await relay.mend()
        for _ in range(200):
            if store.problem is None:
                break
            await asyncio.sleep(0.05)
        assert store.problem is None and await store.usage() == {}
        lines = store_lines(caplog)
        assert len(lines) == 2 and "works again" in lines[1]
    finally:
        await store.close()


async def test_two_processes_never_show_a_channel_the_same_quote(postgres_url: str, corpus: Corpus) -> None:
    stores = [await PostgresStore.open(postgres_url) for _ in range(2)]
    # the same seed in both: without the claim, both would pick the same quote at the same moment
    apps = [App(corpus, store, rng=random.Random(7)) for store in stores]
    try:
        invocation = dataclasses.replace(parse_command("/quote random"), channel_id=3)
        rounds = len(quote.candidates(corpus, None, None, None)) // 2  # within one cycle: no quote may repeat
        for _ in range(rounds):
            await asyncio.gather(*(app.answer(invocation) for app in apps))
        (filter_key,) = await _filter_keys(stores[0])
        assert len(await stores[0].shown_quotes(3, filter_key)) == 2 * rounds  # every answer one not seen yet
    finally:
        await asyncio.gather(*(s.close() for s in stores))


async def _filter_keys(store: PostgresStore) -> set[str]:
    return {row[0] for row in await store._read("SELECT DISTINCT filter_key FROM quote_history")}


async def test_a_reload_served_by_one_process_reaches_the_others(postgres_url: str) -> None:
    stores = [await PostgresStore.open(postgres_url) for _ in range(2)]
    apps = [await archive_app(SEEDS, store) for store in stores]  # the seeds are only read
    reloads = [0, 0]
    try:
        for number, app in enumerate(apps):
            read_again = app.archive.reload

            async def counted(number: int = number, read_again=read_again) -> Corpus:
                reloads[number] += 1
                return await read_again()

            app.archive.reload = counted
            await app.store.listen_reloads(app.archive.reload)
        command = dataclasses.replace(parse_command("/corpus reload"), is_owner=True)
        reply = await apps[0].answer(command)
        assert reply.pages[0].title == "Archive reloaded"
        for _ in range(100):
            if reloads[1]:
                break
            await asyncio.sleep(0.05)
        assert reloads == [1, 1]  # the other process reloaded; the one that served it did not do it twice
        assert await stores[1].get_meta("corpus:version") == "1"
    finally:
        await asyncio.gather(*(s.close() for s in stores))


async def test_a_reload_that_fails_is_logged_and_the_listener_reloads_at_the_next_one(
    postgres_url: str, corpus: Corpus, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = seeds_copy(tmp_path)
    announcer, listener = await PostgresStore.open(postgres_url), await PostgresStore.open(postgres_url)
    app = await archive_app(folder, listener)
    before = app.corpus
    try:
        await listener.listen_reloads(app.archive.reload)
        shutil.rmtree(folder)  # gone for a moment: the first reload fails
        await announcer.announce_reload()
        for _ in range(200):
            if any("catching up with news on corpus_reload failed" in r.getMessage() for r in caplog.records):
                break
            await asyncio.sleep(0.05)
        assert app.corpus is before  # the corpus it had stays
        seeds_copy(tmp_path)
        (folder / "001_56f617656db8bfc2.txt").unlink()  # and the folder is back with one file fewer
        await announcer.announce_reload()
        for _ in range(200):
            if app.corpus is not before:
                break
            await asyncio.sleep(0.05)
        assert set(app.corpus.articles) == set(before.articles) - {"001_56f617656db8bfc2"}
    finally:
        await asyncio.gather(announcer.close(), listener.close())


async def test_a_reload_announced_while_a_process_was_cut_off_reaches_it_when_back(
    cable: tuple[Cable, str], postgres_url: str
) -> None:
    relay, cut_off_url = cable
    # the listener reaches the server only through the relay, the announcer directly
    announcer, listener = await PostgresStore.open(postgres_url), await PostgresStore.open(cut_off_url)
    reloads: list[str] = []

    async def reload() -> None:
        reloads.append("reloaded")

    try:
        await listener.listen_reloads(reload)
        await relay.cut()
        await announcer.announce_reload()  # its NOTIFY finds nobody listening through the relay
        await relay.mend()
        for _ in range(200):
            if reloads:
                break
            await asyncio.sleep(0.05)
        assert reloads == ["reloaded"] and listener.reloads.version == 1
    finally:
        await asyncio.gather(announcer.close(), listener.close())
