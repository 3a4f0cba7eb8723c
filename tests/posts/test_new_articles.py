"""“New in the archive”: what the followed feeds add is announced in the channel a server chose, once."""

from __future__ import annotations

import logging

from bot.app import App
from bot.archive.load import load_corpus
from bot.handlers.archive import add_from_feeds
from bot.invocation import Invocation
from bot.posts import new_articles
from bot.stores.sqlite import SqliteStore
from tests.archive.intake.test_feeds import site  # noqa: F401
from tests.conftest import SEEDS, archive_app
from tests.e2e.conftest import settings_for, start_bot, stop_bot
from tests.emulator.fixtures import emulator  # noqa: F401
from tests.posts.test_daily_quote import Posts

GUILD, CHANNEL = 7, 70
HEADLINE = "Wind farm plan splits valley villages"  # the page the loopback site serves for every story


async def _following(app: App, base: str, state: dict) -> None:
    state["links"] = [f"{base}/stories/old-one"]
    await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    state["links"].insert(0, f"{base}/stories/wind-farm")


async def _app(tmp_path, store) -> App:
    return await archive_app(SEEDS, store, fetch_allow_private=True)  # the seeds are only read


async def test_an_article_a_feed_adds_is_announced_once_where_the_server_asked(site, tmp_path) -> None:  # noqa: F811
    base, state = site
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = await _app(tmp_path, store)
    setting = Invocation("config new-articles", {"channel": str(CHANNEL)}, guild_id=GUILD, can_manage=True)
    assert (await app.answer(setting)).pages[0].title == "New articles: posted"
    await _following(app, base, state)
    posts = Posts()
    assert await add_from_feeds(app, posts) == ["wind-farm"]
    ((channel, reply),) = posts.sent
    assert channel == CHANNEL and reply.pages[0].title == f"New in the archive: {HEADLINE}"
    assert "Valley Post · 14 Nov 2023 (`wind-farm`)" in reply.pages[0].description
    assert await add_from_feeds(app, posts) == [] and len(posts.sent) == 1  # nothing new: nothing posted
    shown = await app.answer(Invocation("config show", guild_id=GUILD))
    assert f"New articles from feeds: <#{CHANNEL}>" in shown.pages[0].description
    off = Invocation("config new-articles", {"off": "true"}, guild_id=GUILD, can_manage=True)
    assert (await app.answer(off)).pages[0].title == "New articles: not posted"
    state["links"].insert(0, f"{base}/stories/wind-farm-again")
    assert await add_from_feeds(app, posts) == ["wind-farm-again"] and len(posts.sent) == 1
    await store.close()


async def test_a_channel_it_cannot_post_in_is_said_once_and_in_config_show(site, tmp_path, caplog) -> None:  # noqa: F811
    base, state = site
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = await _app(tmp_path, store)
    await new_articles.save(app.store, GUILD, new_articles.ArchivePost(CHANNEL))
    await _following(app, base, state)
    failing = Posts(fail=True)
    with caplog.at_level(logging.WARNING, logger="bot"):
        await add_from_feeds(app, failing)
        state["links"].insert(0, f"{base}/stories/another")
        await add_from_feeds(app, failing)
    assert sum("new articles not posted" in r.getMessage() for r in caplog.records) == 1
    shown = await app.answer(Invocation("config show", guild_id=GUILD))
    assert "not posting**: PermissionError: Missing Access" in shown.pages[0].description
    await store.close()


async def test_the_setting_needs_a_server_a_channel_and_the_right_to_manage(tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(load_corpus(SEEDS), store)
    anyone = await app.answer(Invocation("config new-articles", {"channel": "1"}, guild_id=GUILD))
    assert anyone.ephemeral and "Manage Server" in anyone.pages[0].description
    nowhere = await app.answer(Invocation("config new-articles", {"channel": "1"}, can_manage=True))
    assert "run this in a server" in nowhere.pages[0].description
    bare = await app.answer(Invocation("config new-articles", {}, guild_id=GUILD, can_manage=True))
    assert "Give a `channel:`" in bare.pages[0].description
    await store.close()


async def test_the_real_bot_announces_what_its_feed_reader_added(emulator, site, tmp_path) -> None:  # noqa: F811
    base, state = site
    with emulator.patched_discord():
        settings = settings_for(emulator, tmp_path / "bot.sqlite3").model_copy(update={"fetch_allow_private": True})
        running = await start_bot(emulator, settings)
        try:
            app = running.app
            _, set_it = await running.ask("config new-articles", {"channel": emulator.channel()})
            assert set_it["flags"] & 64 and f"<#{emulator.channel_id}>" in str(set_it["embeds"])
            await _following(app, base, state)
            before = len(emulator.messages)
            await running.bot.read_feeds()
            posted = list(emulator.messages.values())[before:]
            assert len(posted) == 1 and posted[0]["embeds"][0]["title"] == f"New in the archive: {HEADLINE}"
            assert posted[0]["channel_id"] == str(emulator.channel_id)
            (sent,) = emulator.requests_to("POST", "/channels/{channel_id}/messages")
            assert sent.body["allowed_mentions"] == {"parse": []}  # a headline that says @everyone pings nobody
        finally:
            await stop_bot(running)
