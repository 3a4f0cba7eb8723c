"""/corpus add url:: pages fetched over http(s) from a loopback server, and every way a URL is refused."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web

from bot.archive.intake.fetch import Refused, fetch_page
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.conftest import FIXTURES, SEEDS, archive_app
from tests.loopback_site import loopback_site

PAGE = (FIXTURES / "web" / "wordpress_jsonld.html").read_bytes()


@pytest.fixture
async def site():
    async def page(request: web.Request) -> web.Response:
        return web.Response(body=PAGE, content_type="text/html")

    async def loop(request: web.Request) -> web.Response:
        raise web.HTTPFound("/loop")

    async def moved(request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently("/news/harbour-ferry")

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.Response(text="late")

    async def hop(request: web.Request) -> web.Response:
        await asyncio.sleep(0.5)  # each answer well within the deadline; all four together not
        number = int(request.match_info["n"])
        if number < 3:
            raise web.HTTPFound(f"/hop/{number + 1}")
        return web.Response(body=PAGE, content_type="text/html")

    async def huge(request: web.Request) -> web.Response:
        return web.Response(body=b"<p>" + b"x" * (6 * 1024 * 1024), content_type="text/html")

    async with loopback_site(
        {"/news/harbour-ferry": page, "/loop": loop, "/old": moved, "/slow": slow, "/huge": huge, "/hop/{n}": hop}
    ) as base:
        yield base


async def test_a_page_is_fetched_after_a_redirect(site) -> None:
    page = await fetch_page(f"{site}/old", allow_private=True, max_bytes=5_000_000)
    assert page.url == f"{site}/news/harbour-ferry" and page.data == PAGE


@pytest.mark.parametrize(
    ("path", "says"),
    [("/loop", "redirects more than"), ("/huge", "larger than"), ("/missing", "HTTP 404")],
)
async def test_bad_pages_are_refused_with_the_reason(site, path, says) -> None:
    with pytest.raises(Refused, match=says):
        await fetch_page(site + path, allow_private=True, max_bytes=5_000_000)


async def test_a_page_that_does_not_answer_in_time_is_refused(site) -> None:
    with pytest.raises(Refused, match="did not answer within"):
        await fetch_page(f"{site}/slow", allow_private=True, max_bytes=5_000_000, timeout=0.5)


async def test_one_deadline_covers_the_whole_fetch_redirects_included(site) -> None:
    assert (await fetch_page(f"{site}/hop/3", allow_private=True, max_bytes=5_000_000, timeout=1.8)).data == PAGE
    with pytest.raises(Refused, match="did not answer within 2 s"):
        await fetch_page(f"{site}/hop/0", allow_private=True, max_bytes=5_000_000, timeout=1.8)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://127.0.0.1:9/x", "loopback"),
        ("http://localhost:9/x", "loopback"),
        ("http://10.1.2.3/x", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local or cloud metadata"),
        ("http://[::1]/x", "loopback"),
        ("file:///etc/passwd", "Only http"),
        ("ftp://example.com/a", "Only http"),
    ],
)
async def test_the_hosts_own_network_and_other_schemes_are_refused(url, says) -> None:
    with pytest.raises(Refused, match=says):
        await fetch_page(url, max_bytes=5_000_000, timeout=2)


async def test_corpus_add_url_previews_the_page_and_stores_it_as_html_with_its_address(site, tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = await archive_app(SEEDS, store, fetch_allow_private=True)
    url = f"{site}/news/harbour-ferry"
    preview = await app.answer(Invocation("corpus add", {"url": url}, is_owner=True, user_id=5))
    assert preview.pages[0].title == "Preview: Harbour council approves ferry subsidy"
    await app.answer(Invocation("corpus add confirm", {"upload": preview.data["upload"]}, is_owner=True, user_id=5))
    (stored,) = await store.stored_articles(["harbour-ferry"])
    assert stored.file_name == "harbour-ferry.html" and stored.via == "url" and stored.source == url
    assert f'<link rel="canonical" href="{url}">'.encode() in stored.content
    assert app.corpus.articles["harbour-ferry"].url == url
    strict = await archive_app(SEEDS, store)  # the default: loopback is refused
    denied = await strict.answer(Invocation("corpus add", {"url": url}, is_owner=True))
    assert denied.ephemeral and "loopback" in denied.pages[0].description
    both = await strict.answer(
        Invocation("corpus add", {"url": url, "file": "a.txt"}, is_owner=True, upload=("a.txt", b"x"))
    )
    assert both.ephemeral and "or give a page" in both.pages[0].description
    await store.close()


async def test_corpus_add_url_refuses_a_page_over_the_configured_article_size(site, tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = await archive_app(SEEDS, store, fetch_allow_private=True, max_article_bytes=1024)
    refused = await app.answer(Invocation("corpus add", {"url": f"{site}/news/harbour-ferry"}, is_owner=True))
    assert refused.ephemeral and "larger than 1 KB, the most an article may be" in refused.pages[0].description
    assert await store.stored_articles() == []
    await store.close()
