"""The real bot's background loops (discord.py tasks, which end for good on an exception) outlive any item: a
hostile feed entry is skipped (or read without what made it hostile) and the entries after it are added; a daily
post that fails is logged and the loop posts at the next minute."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import discord
from aiohttp import web

from benchmarks.hostile import article_page, deep_json_ld, million_paragraphs
from bot.invocation import Invocation
from tests.archive.intake.test_feeds import rss
from tests.e2e.conftest import settings_for, start_bot, stop_bot
from tests.emulator.fixtures import emulator  # noqa: F401
from tests.loopback_site import loopback_site

HOSTILE = {"deep-json-ld": deep_json_ld, "million-paragraphs": million_paragraphs, "x" * 300: article_page}


async def until(condition: Callable[[], bool], what: str) -> None:
    try:
        async with asyncio.timeout(60):  # a failsafe for a broken loop, not a measure of speed
            while not condition():
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"never came: {what}") from None


async def test_the_feed_loop_goes_on_after_hostile_entries_and_adds_the_later_ones(emulator, tmp_path) -> None:  # noqa: F811
    state: dict[str, list[str]] = {"links": []}

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(state["links"]), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        make = HOSTILE.get(request.match_info["name"], article_page)
        return web.Response(body=make(), content_type="text/html")

    async with loopback_site({"/feed.xml": feed, "/stories/{name}": page}) as base:
        with emulator.patched_discord():
            settings = settings_for(emulator, tmp_path / "bot.sqlite3").model_copy(update={"fetch_allow_private": True})
            running = await start_bot(emulator, settings)
            try:
                app, reader = running.app, running.bot.feed_reader
                await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))

                def first_poll_begun() -> bool:  # the next one is due in BOT_FEED_MINUTES
                    return reader.next_iteration is not None and reader.next_iteration > discord.utils.utcnow()

                await until(first_poll_begun, "the first poll, made at start-up")
                hostile = [f"{base}/stories/{name}" for name in HOSTILE] + ["http://127。0。0。1:9/stories/private"]
                state["links"] = [*hostile, f"{base}/stories/fine"]  # newest first: the hostile ones are read first
                reader.change_interval(seconds=0.2)
                await until(lambda: "fine" in app.corpus.articles, "the entry after the hostile ones")
                assert "deep-json-ld" in app.corpus.articles and "x" * 80 in app.corpus.articles
                assert "million-paragraphs" not in app.corpus.articles and "private" not in app.corpus.articles
                state["links"].insert(0, f"{base}/stories/later")
                await until(lambda: "later" in app.corpus.articles, "an entry of a later poll")
                assert reader.is_running() and not reader.failed()
            finally:
                await stop_bot(running)


async def test_the_daily_posts_loop_goes_on_after_a_minute_that_failed(emulator, tmp_path, caplog) -> None:  # noqa: F811
    with emulator.patched_discord():
        running = await start_bot(emulator, settings_for(emulator, tmp_path / "bot.sqlite3"))
        try:
            app, loop = running.app, running.bot.daily_posts
            await app.store.set_meta("daily-quote:servers", "not a list")  # every minute's reading of it fails
            loop.change_interval(seconds=0.1)
            await until(lambda: "daily quotes not posted this minute" in caplog.text, "a minute that failed")
            await app.store.set_meta("daily-quote:servers", "[]")  # mended: the loop must still be there
            _, set_it = await running.ask("config daily-quote", {"channel": emulator.channel(), "time": "00:00"})
            assert "every day at 00:00 UTC" in str(set_it["embeds"])
            before = len(emulator.messages)
            await until(lambda: len(emulator.messages) > before, "the quote of the day, posted by the loop")
            assert loop.is_running() and not loop.failed()
        finally:
            await stop_bot(running)
