"""Faults Discord throws at a long-running bot: dropped gateways, rate limits, server errors, a corpus reload
under traffic, and SIGTERM on redeploy. Each runs the real bot against the emulator."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import shutil
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace

import discord
import discord.http
import discord.webhook.async_
import pytest
import regex

import bot.archive.holdings
import bot.glue.commands
from bot.archive.load import load_corpus
from tests.conftest import SEEDS
from tests.e2e.conftest import settings_for, settle, start_bot, stop_bot
from tests.emulator.process import BotProcess
from tests.emulator.spec import recorded_problems

KHARKIV_HEADLINE = "Vladimir Putin’s war is failing. The West should help it fail faster"
CALLBACK = "/interactions/{interaction_id}/{interaction_token}/callback"
FOLLOWUP = "/webhooks/{webhook_id}/{webhook_token}"
EPHEMERAL = 64


def successful(emulator, route: str, token: str) -> int:
    """How many requests to `route` for one interaction (by its token) the emulator accepted."""
    return sum(1 for r in emulator.requests_to("POST", route) if r.status == 200 and token in r.path)


async def no_identify_wait(shard_id, *, initial=False) -> None:
    """discord.py waits 5 s before a re-IDENTIFY to respect Discord's identify limit; the emulator has none."""


# --- the gateway ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", [1000, 1006, 4000])
async def test_after_the_gateway_closes_with_any_code_the_bot_reconnects_and_answers(running_bot, code):
    gateway = running_bot.emulator.gateway
    await gateway.drop(code=code)
    await running_bot.emulator.wait_for(lambda: gateway.resumed + gateway.identified >= 2 and gateway.socket)
    assert gateway.connections == 2 and not running_bot.runner.done()
    _, reply = await running_bot.ask("article search", {"query": "kharkiv"})
    assert reply["embeds"][0]["title"] == KHARKIV_HEADLINE


async def test_an_invalidated_session_is_identified_afresh_and_answers(running_bot):
    gateway = running_bot.emulator.gateway
    running_bot.bot.before_identify_hook = no_identify_wait
    gateway.invalidate()
    await gateway.drop(code=4000)  # the RESUME that follows is refused with op 9
    await running_bot.emulator.wait_for(lambda: gateway.identified == 2 and gateway.socket)
    assert gateway.invalidated == 1 and gateway.resumed == 0
    _, reply = await running_bot.ask("timeline", {"date": "2022"})
    assert reply["embeds"][0]["title"].startswith("Timeline")


async def test_a_reconnect_request_is_resumed_and_answers(running_bot):
    gateway = running_bot.emulator.gateway
    await gateway.request_reconnect()
    await running_bot.emulator.wait_for(lambda: gateway.resumed == 1 and gateway.socket)
    _, reply = await running_bot.ask("help")
    assert "/article search" in str(reply["embeds"])


# --- REST errors -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("route", "status", "deferred"),
    [
        (CALLBACK, 500, False),
        (CALLBACK, 502, False),
        (CALLBACK, 429, True),
        (FOLLOWUP, 429, True),
        (FOLLOWUP, 500, True),
        (FOLLOWUP, 502, True),
    ],
)
async def test_a_refused_reply_is_retried_and_arrives_exactly_once(running_bot, monkeypatch, route, status, deferred):
    emulator = running_bot.emulator
    if deferred:
        monkeypatch.setattr(bot.glue.commands, "DEFER_AFTER_SECONDS", 0)  # answer by follow-up
    emulator.fail("POST", route, status=status, times=1, retry_after=0.05)
    exchange = await emulator.invoke("article search", {"query": "kharkiv"})
    reply = await exchange.reply(timeout=8)  # discord.py waits 1 s before retrying a 5xx
    assert reply["embeds"][0]["title"] == KHARKIV_HEADLINE
    await settle()  # anything the bot still meant to send for it has been sent
    statuses = [r.status for r in emulator.requests_to("POST", route) if exchange.token in r.path]
    assert statuses == [status, 200]
    assert successful(emulator, CALLBACK, exchange.token) == 1
    assert successful(emulator, FOLLOWUP, exchange.token) == (1 if deferred else 0)
    shown = [
        m for m in emulator.messages.values() if (m.get("interaction_metadata") or {}).get("id") == str(exchange.id)
    ]
    assert len(shown) == 1 and shown[0]["embeds"][0]["title"] == KHARKIV_HEADLINE


class FastClock(SimpleNamespace):
    """discord.py's `asyncio` for its HTTP clients, with their retry back-off (1, 3, 5, 7 s) fifty times shorter."""

    def __getattr__(self, name: str):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(seconds: float, result=None):
        return await asyncio.sleep(seconds / 50, result)


async def test_a_followup_that_keeps_failing_ends_in_a_clear_apology_and_the_bot_carries_on(
    emulator, tmp_path, monkeypatch, caplog
):
    """Five 500s exhaust discord.py's retries: the user is told, once, and the next command is answered."""
    for module in (discord.http, discord.webhook.async_):  # REST, and interaction replies and follow-ups
        monkeypatch.setattr(module, "asyncio", FastClock())
    monkeypatch.setattr(bot.glue.commands, "DEFER_AFTER_SECONDS", 0)
    caplog.set_level(logging.INFO)
    with emulator.patched_discord():
        running = await start_bot(emulator, settings_for(emulator, tmp_path / "bot.sqlite3"))
        try:
            emulator.fail("POST", FOLLOWUP, status=500, times=5)
            exchange = await emulator.invoke("article search", {"query": "kharkiv"})
            apology = await exchange.wait(lambda ex: next((a.body for a in ex.answers if a.kind == "followup"), None))
            _, next_reply = await running.ask("help")
        finally:
            await stop_bot(running)
    assert "something went wrong on my side" in apology["content"]
    assert "kharkiv" not in str(apology).lower()  # the apology, not a half-sent reply
    assert successful(emulator, CALLBACK, exchange.token) == 1
    assert successful(emulator, FOLLOWUP, exchange.token) == 1  # one apology, no duplicate
    assert "/article search" in str(next_reply["embeds"])
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in errors] == ["unexpected error in article search"]
    assert recorded_problems(emulator.requests) == []


# --- /corpus reload under traffic -------------------------------------------------------------------------------
def corpus_folder(target: Path, prefixes: tuple[str, ...]) -> Path:
    target.mkdir()
    for path in SEEDS.iterdir():
        if path.name.startswith(prefixes) or path.name == "catalog.toml":
            shutil.copy(path, target / path.name)
    return target


def fingerprint(corpus, query: str = "ukraine") -> dict:
    """What an answer from this corpus looks like: its status counts and its search results."""
    from bot.core.answers.archive import status_reply
    from bot.core.answers.article import search_reply

    counts = tuple(f.value for f in status_reply(corpus, dt.datetime.now(dt.UTC)).pages[0].fields[:3])
    search = search_reply(corpus, query=query)
    return {
        "counts": counts,
        "top": search.pages[0].title,
        "of": len(search.pages),
        "headlines": {a.headline for a in corpus.articles.values()},
    }


def which_corpus(reply: dict, old: dict, new: dict) -> str:
    """'old' or 'new' for an answer wholly from one corpus; AssertionError for anything mixed."""
    embed = reply["embeds"][0]
    if embed["title"] == "Corpus status":
        counts = tuple(f["value"] for f in embed["fields"][:3])
        matches = [name for name, print_ in (("old", old), ("new", new)) if print_["counts"] == counts]
    elif "footer" in embed and "for “ukraine”" in embed["footer"]["text"]:
        total = int(regex.search(r"of (\d+)", embed["footer"]["text"]).group(1))
        matches = [
            name
            for name, print_ in (("old", old), ("new", new))
            if (print_["top"], print_["of"]) == (embed["title"], total)
        ]
    else:
        article = next(f["value"] for f in embed["fields"] if f["name"] == "Article")
        matches = [name for name, print_ in (("old", old), ("new", new)) if article in print_["headlines"]]
    assert len(matches) == 1, f"answer from neither or both corpora: {embed}"
    return matches[0]


async def test_a_reload_under_traffic_answers_each_command_wholly_from_the_old_or_the_new_corpus(
    emulator, tmp_path, monkeypatch
):
    folder = corpus_folder(tmp_path / "corpus", ("000", "001"))
    new_dir = corpus_folder(tmp_path / "new", ("002", "003", "004"))
    old, new = fingerprint(load_corpus(folder)), fingerprint(load_corpus(new_dir))
    assert not old["headlines"] & new["headlines"]

    def slow_load(*args, **kwargs):
        time.sleep(0.5)  # a big corpus takes a while: the bot must keep answering meanwhile
        return load_corpus(*args, **kwargs)

    settings = settings_for(emulator, tmp_path / "bot.sqlite3").model_copy(
        update={"cooldown_uses": 0, "corpus_dir": folder}
    )
    asks = [("corpus status", {}), ("article search", {"query": "ukraine"}), ("quote random", {})]

    async def wave() -> list[dict]:
        exchanges = [await emulator.invoke(command, options) for command, options in asks]
        return [await exchange.reply() for exchange in exchanges]

    with emulator.patched_discord():
        running = await start_bot(emulator, settings)
        try:
            before = await wave()
            # the operator swaps the folder's files; reading them again takes a while
            for path in folder.iterdir():
                path.unlink()
            for path in new_dir.iterdir():
                shutil.copy(path, folder / path.name)
            monkeypatch.setattr(bot.archive.holdings, "load_corpus", slow_load)
            reload = await emulator.invoke("corpus reload")
            during = []
            while reload.callback is None:
                during += await wave()
            reloaded = await reload.reply()
            after = await wave()
        finally:
            await stop_bot(running)
    assert reloaded["embeds"][0]["title"] == "Archive reloaded"
    assert {which_corpus(r, old, new) for r in before} == {"old"}
    assert {which_corpus(r, old, new) for r in after} == {"new"}
    assert len(during) >= 3  # the event loop kept answering while the new corpus was being built
    assert {which_corpus(r, old, new) for r in during} <= {"old", "new"}
    assert recorded_problems(emulator.requests) == []


# --- SIGTERM -------------------------------------------------------------------------------------------------------
async def test_sigterm_lets_the_reply_in_flight_finish_closes_the_database_and_exits(emulator, tmp_path):
    async with BotProcess(emulator, "sigterm-test-token", tmp_path) as process:
        await process.ready()
        emulator.slow("POST", CALLBACK, seconds=1.0)  # the reply is still being sent when SIGTERM comes
        exchange = await emulator.invoke("article search", {"query": "kharkiv"})
        await emulator.wait_for(lambda: emulator.requests_to("POST", CALLBACK), timeout=10)
        code = await process.terminate(timeout=10)
    logs = process.logs()
    assert code == 0, logs[-2000:]
    assert (await exchange.reply(timeout=0.1))["embeds"][0]["title"] == KHARKIV_HEADLINE
    assert "shutting down: finishing 1 answers in progress" in logs
    assert "database closed" in logs and "Traceback" not in logs
    with sqlite3.connect(process.database) as database:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert dict(database.execute("SELECT command, uses FROM usage")) == {"article search": 1}
    await emulator.wait_for(lambda: not emulator.gateway.sockets)


# --- the database under concurrent commands ---------------------------------------------------------------------
async def test_concurrent_commands_never_collide_in_the_database(tmp_path, corpus):
    """A quote-history restart is a two-statement transaction on the connection every command shares."""
    from bot.app import App
    from bot.invocation import Invocation
    from bot.stores.sqlite import SqliteStore

    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    channels, pool = range(10), len(corpus.quotations())
    for channel in channels:  # show every quotation once in each channel, one after another
        for _ in range(pool):
            await app.answer(Invocation("quote random", channel_id=channel))
    restarts = [Invocation("quote random", channel_id=channel) for channel in channels]  # all at once
    searches = [Invocation("article search", {"query": "kharkiv"}, guild_id=1) for _ in range(10)]
    await asyncio.gather(*(app.answer(ask) for ask in restarts + searches))
    usage = await store.usage()
    await store.close()
    assert (store.skipped_writes, store.problem) == (0, None)
    assert usage == {"quote random": len(channels) * (pool + 1), "article search": 10}
