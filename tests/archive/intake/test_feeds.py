"""Feeds: a loopback RSS feed's new entries are added once, ever; what is no feed or no article is refused."""

from __future__ import annotations

import html
import json
import shutil
import sqlite3

import pytest
from aiohttp import web

from bot.archive.intake import feeds
from bot.handlers.archive import add_from_feeds, policy
from bot.invocation import Invocation
from bot.migrations import migrations
from bot.stores.sqlite import SqliteStore
from tests.conftest import FIXTURES, SEEDS, archive_app, folder_bytes
from tests.loopback_site import loopback_site

PAGE = (FIXTURES / "web" / "opengraph_only.html").read_bytes()


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>{items}</channel></rss>'.encode()
    )


@pytest.fixture
async def site():
    state = {"links": []}

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(state["links"]), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        return web.Response(body=PAGE, content_type="text/html")

    async def not_a_feed(request: web.Request) -> web.Response:
        return web.Response(text="<html><body>hello</body></html>", content_type="text/html")

    async def empty_page(request: web.Request) -> web.Response:
        return web.Response(text="<html><body><nav>Home</nav></body></html>", content_type="text/html")

    async with loopback_site(
        {"/feed.xml": feed, "/stories/{name}": page, "/empty/{name}": empty_page, "/index.html": not_a_feed}
    ) as base:
        yield base, state


async def _app(tmp_path, store):
    folder = tmp_path / "corpus"
    if not folder.exists():
        shutil.copytree(SEEDS, folder)
    return await archive_app(folder, store, fetch_allow_private=True), folder


async def test_new_entries_are_added_once_even_across_a_restart(site, tmp_path) -> None:
    base, state = site
    state["links"] = [f"{base}/stories/old-one"]
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app, folder = await _app(tmp_path, store)
    followed = await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    assert followed.pages[0].title == "Feed followed"
    assert await add_from_feeds(app) == []  # what it listed when followed counts as seen
    state["links"].insert(0, f"{base}/stories/wind-farm")
    before = folder_bytes(folder)
    assert await add_from_feeds(app) == ["wind-farm"]
    assert "wind-farm" in app.corpus.articles and folder_bytes(folder) == before  # stored, not written
    history = await app.answer(Invocation("corpus history", is_owner=True))
    assert [(c["action"], c["id"], c["via"], c["by"]) for c in history.data["changes"]] == [
        ("add", "wind-farm", "feed", "the bot")
    ]
    assert await add_from_feeds(app) == []
    await store.close()
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")  # a restart: still seen
    app, folder = await _app(tmp_path, store)
    assert await add_from_feeds(app) == []
    listed = await app.answer(Invocation("corpus feed list"))
    assert listed.data["feeds"] == [f"{base}/feed.xml"]
    removed = await app.answer(Invocation("corpus feed remove", {"url": f"{base}/feed.xml"}, is_owner=True))
    assert removed.pages[0].title == "Feed removed" and "wind-farm" in app.corpus.articles
    await store.close()


async def test_a_page_that_is_no_feed_and_an_entry_that_is_no_article_are_refused(site, tmp_path) -> None:
    base, state = site
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app, folder = await _app(tmp_path, store)
    refused = await app.answer(Invocation("corpus feed add", {"url": f"{base}/index.html"}, is_owner=True))
    assert refused.ephemeral and "not an RSS or Atom feed" in refused.pages[0].description
    await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    state["links"] = [f"{base}/empty/nothing"]
    before = set(app.corpus.articles)
    assert await add_from_feeds(app) == [] and set(app.corpus.articles) == before
    member = await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}))
    assert "may change the archive" in member.pages[0].description
    await store.close()


async def test_a_feed_of_100000_entries_is_read_for_its_newest_500_and_forgotten_when_unfollowed(tmp_path) -> None:
    state = {"links": []}

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(state["links"]), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        return web.Response(body=PAGE, content_type="text/html")

    async with loopback_site({"/feed.xml": feed, "/s/{n}": page}) as base:
        state["links"] = [f"{base}/s/{n}" for n in range(100_000)]
        store = await SqliteStore.open(tmp_path / "bot.sqlite3")
        app, folder = await _app(tmp_path, store)
        app.max_article_bytes = 8 * 1024 * 1024  # the feed itself is 7 MB
        followed = await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
        assert "its 500 current entries count as seen" in followed.pages[0].description
        state["links"].insert(0, f"{base}/s/news")
        assert await add_from_feeds(app) == ["news"]
        assert _rows(tmp_path) == 501
        await app.answer(Invocation("corpus feed remove", {"url": f"{base}/feed.xml"}, is_owner=True))
        assert _rows(tmp_path) == 0 and "news" in app.corpus.articles
        await store.close()


def _rows(tmp_path) -> int:
    with sqlite3.connect(tmp_path / "bot.sqlite3") as connection:
        return connection.execute("SELECT COUNT(*) FROM feed_entries").fetchone()[0]


async def test_entries_are_stored_under_the_upload_name_rules_whatever_their_address(tmp_path) -> None:
    state = {"links": []}

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(state["links"]), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:  # each address a page of its own (the same bytes twice
        mark = f"<p>Filed under {html.escape(request.raw_path)}.</p></body>".encode()  # are one article)
        return web.Response(body=PAGE.replace(b"</body>", mark), content_type="text/html")

    async with loopback_site({"/feed.xml": feed, "/stories/{name:.*}": page}) as base:
        store = await SqliteStore.open(tmp_path / "bot.sqlite3")
        app, folder = await _app(tmp_path, store)
        await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
        paths = ["CON", ".hidden", "a%2F..%2F..%2Fescape", "x" * 300, "Ünïcode story"]
        state["links"] = [f"{base}/stories/{path}" for path in paths]
        before = folder_bytes(folder)
        added = await add_from_feeds(app)
    assert added == ["_CON", "hidden", "escape", "x" * 80, "Unicode_story"]
    stored = {a.article_id: a.file_name for a in await store.stored_articles(content=False)}
    assert stored == {i: f"{i}.html" for i in added} and folder_bytes(folder) == before
    await store.close()


async def test_a_poll_out_of_time_leaves_the_entries_it_did_not_reach_for_the_next_one(site, tmp_path) -> None:
    base, state = site
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app, folder = await _app(tmp_path, store)
    await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    state["links"] = [f"{base}/stories/late-one"]
    assert await feeds.poll(app.store, app.archive, policy(app), app.reader, budget=0) == []
    assert await add_from_feeds(app) == ["late-one"]
    await store.close()


async def test_entries_seen_before_the_upgrade_stay_seen(site, tmp_path) -> None:
    """Version 4 kept each seen entry as a row of meta; the migration moves them, so nothing is added twice."""
    base, state = site
    database = tmp_path / "bot.sqlite3"
    with sqlite3.connect(database, isolation_level=None) as connection:
        for migration in migrations()[:4]:
            connection.executescript(migration.sql)
        connection.execute("PRAGMA user_version = 4")
        link = f"{base}/stories/seen-long-ago"
        connection.execute("INSERT INTO meta VALUES (?, 'seen')", ("feed-entry:" + feeds.entry_key(link),))
        connection.execute("INSERT INTO meta VALUES ('feeds', ?)", (json.dumps([f"{base}/feed.xml"]),))
    store = await SqliteStore.open(database)
    app, folder = await _app(tmp_path, store)
    state["links"] = [link, f"{base}/stories/new-one"]
    assert await add_from_feeds(app) == ["new-one"]
    assert await store.get_meta("feed-entry:" + feeds.entry_key(link)) is None
    await store.close()


async def test_an_entry_that_fails_for_any_reason_is_logged_and_the_polls_go_on(site, tmp_path, caplog) -> None:
    base, state = site
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app, folder = await _app(tmp_path, store)
    await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    state["links"] = [f"{base}/stories/lost", f"{base}/stories/also-lost"]
    store_whole = app.archive.add

    async def broken(*args, **kwargs):  # storing raises what no rule expects: no UserError, no CorpusError
        raise FileNotFoundError("the disk went away")

    app.archive.add = broken
    assert await add_from_feeds(app) == []
    failed = [r for r in caplog.records if r.getMessage().startswith("feed entry")]
    assert len(failed) == 2 and all(r.exc_info[0] is FileNotFoundError for r in failed)
    app.archive.add = store_whole
    state["links"].insert(0, f"{base}/stories/next")
    assert await add_from_feeds(app) == ["next"]  # the failed ones are not tried again
    await store.close()
