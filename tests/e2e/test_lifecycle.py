"""Start-up, sync, slow answers, faults and shutdown of the real bot against the emulator."""

from __future__ import annotations

import asyncio

import bot.glue.commands
from tests.e2e.conftest import is_view_timer, leftover_tasks, settings_for, start_bot, stop_bot
from tests.emulator.spec import recorded_problems

KHARKIV_HEADLINE = "Vladimir Putin’s war is failing. The West should help it fail faster"
GLOBAL_SYNC = ("PUT", "/applications/{application_id}/commands")


async def test_without_a_guild_it_syncs_globally_once_and_not_again_after_a_restart(emulator, tmp_path):
    settings = settings_for(emulator, tmp_path / "bot.sqlite3", guild=False)
    with emulator.patched_discord():
        first = await start_bot(emulator, settings)
        assert {"article", "quote", "timeline", "help"} <= {c["name"] for c in emulator.commands[None]}
        await stop_bot(first)
        second = await start_bot(emulator, settings)  # same database: the command set is unchanged
        reply = await (await emulator.invoke("article search", {"query": "kharkiv"})).reply()
        await stop_bot(second)
    assert len(emulator.requests_to(*GLOBAL_SYNC)) == 1
    assert emulator.gateway.identified == 2
    assert reply["embeds"][0]["title"] == KHARKIV_HEADLINE
    assert recorded_problems(emulator.requests) == []


async def test_a_slow_answer_is_deferred_then_sent_as_the_followup(running_bot, monkeypatch):
    monkeypatch.setattr(bot.glue.commands, "DEFER_AFTER_SECONDS", 0)  # every answer counts as slow
    exchange = await running_bot.emulator.invoke("article search", {"query": "kharkiv"})
    assert (await exchange.response())["type"] == 5
    followup = await exchange.reply()
    assert followup["embeds"][0]["title"] == KHARKIV_HEADLINE
    # the thinking message became the answer, and its page buttons work
    message_id = exchange.original_message_id
    assert running_bot.emulator.message(message_id)["embeds"][0]["title"] == KHARKIV_HEADLINE
    next_button = running_bot.emulator.buttons(message_id)["Next"]["custom_id"]
    await (await running_bot.emulator.press(message_id, next_button)).response()
    assert running_bot.emulator.message(message_id)["embeds"][0]["title"] != KHARKIV_HEADLINE


async def test_a_rate_limited_reply_is_retried(running_bot):
    route = "/interactions/{interaction_id}/{interaction_token}/callback"
    running_bot.emulator.fail("POST", route, status=429, times=1, retry_after=0.05)
    _, reply = await running_bot.ask("help")
    assert "/article search" in str(reply["embeds"])
    assert [r.status for r in running_bot.emulator.requests_to("POST", route)] == [429, 200]


async def test_after_a_dropped_gateway_the_bot_resumes_and_keeps_answering(running_bot):
    gateway = running_bot.emulator.gateway
    await gateway.drop(code=4000)
    await running_bot.emulator.wait_for(lambda: gateway.resumed == 1)
    assert gateway.identified == 1  # resumed, not a fresh session
    _, reply = await running_bot.ask("timeline", {"date": "2022"})
    assert reply["embeds"][0]["title"].startswith("Timeline")


async def test_close_ends_the_gateway_connection_and_every_task(emulator, tmp_path):
    with emulator.patched_discord():
        running = await start_bot(emulator, settings_for(emulator, tmp_path / "bot.sqlite3"))
        await running.ask("help")
        await stop_bot(running)
    await emulator.wait_for(lambda: not emulator.gateway.sockets)
    assert running.runner.done() and running.runner.exception() is None
    assert running.bot.is_closed()
    assert [t for t in leftover_tasks() if not is_view_timer(t)] == []


async def test_close_stops_the_page_button_timers(emulator, tmp_path):
    with emulator.patched_discord():
        running = await start_bot(emulator, settings_for(emulator, tmp_path / "bot.sqlite3"))
        await running.ask("timeline", {"date": "2022"})
        await stop_bot(running)
    await asyncio.sleep(0)
    timers = [t for t in leftover_tasks() if is_view_timer(t)]
    for timer in timers:
        timer.cancel()
    assert timers == []


async def test_a_slow_notice_stays_private_after_a_public_thinking_message(running_bot, monkeypatch):
    monkeypatch.setattr(bot.glue.commands, "DEFER_AFTER_SECONDS", 0)
    emulator = running_bot.emulator
    exchange = await emulator.invoke("article show", {"article": "no such article @everyone"})
    assert (await exchange.response())["type"] == 5
    notice = await exchange.reply()
    assert notice["flags"] & 64 and "No article" in str(notice["embeds"]) + str(notice.get("content"))
    assert notice["allowed_mentions"] == {"parse": []}
    deleted = emulator.requests_to("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
    assert len(deleted) == 1  # the public "thinking…" is gone, so nobody else sees the notice's trace


async def test_an_unexpected_error_after_deferring_is_apologised_for_privately(running_bot, monkeypatch, caplog):
    monkeypatch.setattr(bot.glue.commands, "DEFER_AFTER_SECONDS", 0)

    async def broken(invocation):
        await asyncio.sleep(0.05)
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(running_bot.app, "answer", broken)
    caplog.set_level("CRITICAL", logger="bot.glue.tree")  # the traceback is logged; the fixture forbids ERRORs
    exchange = await running_bot.emulator.invoke("timeline", {"date": "2022"})
    assert (await exchange.response())["type"] == 5
    apology = await exchange.reply()
    assert apology["flags"] & 64 and "Sorry" in apology["content"]
    assert "a bug of ours" not in apology["content"]
    # Discord would make the first follow-up after a public deferral public: the bot deletes "thinking…" first
    deleted = running_bot.emulator.requests_to("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
    assert len(deleted) == 1
