"""The quote of the day posted by itself: at its time, once a day per server, across restarts, said once on failure."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.app import App
from bot.core.replies.reply import Reply
from bot.invocation import Invocation
from bot.posts import daily_quote
from bot.posts.daily_quote import DailyPost, post_due
from bot.stores.sqlite import SqliteStore
from tests.e2e.conftest import settings_for, start_bot, stop_bot
from tests.emulator.fixtures import emulator  # noqa: F401

GUILD, CHANNEL = 7, 70
MORNING = dt.datetime(2026, 12, 1, 8, 29, tzinfo=dt.UTC)


class Posts:
    """What a send would have posted, or the error it raises for a channel that is gone."""

    def __init__(self, fail: bool = False) -> None:
        self.sent: list[tuple[int, Reply]] = []
        self.fail = fail

    async def __call__(self, channel_id: int, reply: Reply) -> None:
        if self.fail:
            raise PermissionError("Missing Access")
        self.sent.append((channel_id, reply))


async def test_posted_at_its_time_once_a_day_and_not_again_after_a_restart(corpus, tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    await app.answer(
        Invocation("config daily-quote", {"channel": str(CHANNEL), "time": "8.30"}, guild_id=GUILD, can_manage=True)
    )
    posts = Posts()
    assert await post_due(app.store, app.corpus, posts, MORNING) == [] and posts.sent == []  # 08:29: not yet
    assert await post_due(app.store, app.corpus, posts, MORNING + dt.timedelta(minutes=1)) == [GUILD]
    assert await post_due(app.store, app.corpus, posts, MORNING + dt.timedelta(hours=3)) == []  # already posted today
    ((channel, reply),) = posts.sent
    assert channel == CHANNEL and reply.pages[0].footer == "Quote of the day · 1 Dec 2026"
    await store.close()
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")  # a restart: the day's post is remembered
    app = App(corpus, store)
    assert await post_due(app.store, app.corpus, posts, MORNING + dt.timedelta(hours=4)) == []
    assert await post_due(app.store, app.corpus, posts, MORNING + dt.timedelta(days=1, minutes=1)) == [GUILD]
    assert len(posts.sent) == 2 and posts.sent[0][1].data["quote"]["id"] != posts.sent[1][1].data["quote"]["id"]
    off = await app.answer(Invocation("config daily-quote", {"off": "true"}, guild_id=GUILD, can_manage=True))
    assert off.pages[0].title == "Daily quote stopped"
    assert await post_due(app.store, app.corpus, posts, MORNING + dt.timedelta(days=2, minutes=1)) == []
    await store.close()


async def test_a_server_whose_setting_cannot_be_read_is_skipped_and_said_once(corpus, tmp_path, caplog) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    await daily_quote.save(app.store, GUILD, DailyPost(CHANNEL, "08:30"))
    await daily_quote.save(app.store, GUILD + 1, DailyPost(CHANNEL + 1, "08:30"))
    await store.set_meta(f"daily-quote:{GUILD}", '{"channel_id": 70, "when": "08:30"}')  # another version's
    posts = Posts()
    for day in range(2):
        assert await post_due(app.store, app.corpus, posts, MORNING + dt.timedelta(days=day, minutes=1)) == [GUILD + 1]
    assert [channel for channel, _ in posts.sent] == [CHANNEL + 1, CHANNEL + 1]
    assert sum(f"setting of server {GUILD} skipped" in r.getMessage() for r in caplog.records) == 1
    await store.close()


async def test_a_channel_it_cannot_post_in_is_said_once_and_shown_in_config_show(corpus, tmp_path, caplog) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    await daily_quote.save(app.store, GUILD, DailyPost(CHANNEL, "08:00"))
    failing = Posts(fail=True)
    for minute in range(5):
        await post_due(app.store, app.corpus, failing, MORNING + dt.timedelta(minutes=minute))
    assert sum("not posted" in r.getMessage() for r in caplog.records) == 1
    shown = await app.answer(Invocation("config show", guild_id=GUILD))
    assert "not posting" in shown.pages[0].description and "Missing Access" in shown.pages[0].description
    await store.close()


@pytest.mark.parametrize("typed", ["8", "25:00", "noon", "08:61"])
async def test_a_time_that_is_no_time_is_refused(corpus, tmp_path, typed) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    reply = await App(corpus, store).answer(
        Invocation("config daily-quote", {"channel": "1", "time": typed}, guild_id=GUILD, can_manage=True)
    )
    assert reply.ephemeral and "UTC time" in reply.pages[0].description
    await store.close()


async def test_the_real_bot_posts_it_in_the_channel(emulator, tmp_path) -> None:  # noqa: F811
    with emulator.patched_discord():
        running = await start_bot(emulator, settings_for(emulator, tmp_path / "bot.sqlite3"))
        try:
            await daily_quote.save(running.app.store, emulator.guild_id, DailyPost(emulator.channel_id, "08:30"))
            before = len(emulator.messages)
            await post_due(
                running.app.store, running.app.corpus, running.bot.post_reply, MORNING + dt.timedelta(minutes=1)
            )
            posted = list(emulator.messages.values())[before:]
            assert len(posted) == 1 and posted[0]["embeds"][0]["footer"]["text"] == "Quote of the day · 1 Dec 2026"
            await post_due(
                running.app.store, running.app.corpus, running.bot.post_reply, MORNING + dt.timedelta(minutes=2)
            )
            assert len(emulator.messages) == before + 1
        finally:
            await stop_bot(running)
