"""Feeds: a loopback RSS feed's new entries are added once, ever; what is no feed or no article is refused."""

from __future__ import annotations

import shutil

import pytest
from aiohttp import web

from bot.handlers.archive import add_from_feeds
from bot.invocation import Invocation
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
