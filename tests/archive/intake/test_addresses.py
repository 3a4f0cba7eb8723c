"""The host's own network is refused in every spelling, before any connection: as the URL of /corpus add, as a
redirect target, as a feed entry's link, and at connect time for whatever address the client was given."""

from __future__ import annotations

import asyncio
import os
import sys

import aiohttp
import pytest
from aiohttp import web

from benchmarks.hostile import spellings
from bot.app import App
from bot.archive.intake.addresses import PublicResolver, Refused, guarded_socket
from bot.archive.intake.fetch import check_url
from bot.handlers.archive import add_from_feeds
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.archive.intake.test_feeds import PAGE, rss
from tests.conftest import ROOT, SEEDS, archive_app
from tests.loopback_site import counting_server, loopback_site

PRIVATE = {  # an address of each kind, and the word the refusal uses for it
    "127.0.0.1": "loopback",
    "10.0.0.1": "private",
    "192.168.0.1": "private",
    "169.254.169.254": "link-local or cloud metadata",
}
PUBLIC_ONLY = "the bot fetches only public web pages"
LOOPBACK_NAMES = ["localhost", "LOCALHOST", "ｌｏｃａｌｈｏｓｔ", "localhost.", "news.localhost"]
IPV6_LOOPBACK = ["[::1]", "[0:0:0:0:0:0:0:1]", "[::1%25lo]", "[::]"]


async def _app(tmp_path, allowed=False) -> App:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    return await archive_app(SEEDS, store, fetch_allow_private=allowed)  # the seeds are only read


async def _refusal(app: App, url: str) -> str:
    reply = await app.answer(Invocation("corpus add", {"url": url}, is_owner=True))
    assert reply.ephemeral and reply.pages[0].title == "Sorry", url
    return reply.pages[0].description


@pytest.mark.parametrize("address", PRIVATE)
async def test_every_spelling_of_a_private_address_is_refused_as_the_url_before_connecting(address, tmp_path) -> None:
    app = await _app(tmp_path)
    async with counting_server() as (port, peers):
        for family, host in spellings(address).items():
            said = await _refusal(app, f"http://{host}:{port}/latest/meta-data/")
            assert f"is a {PRIVATE[address]} address ({address})" in said and PUBLIC_ONLY in said, (family, said)
        if address == "127.0.0.1":
            for host in LOOPBACK_NAMES + IPV6_LOOPBACK:
                assert PUBLIC_ONLY in await _refusal(app, f"http://{host}:{port}/"), host
    assert peers == []
    await app.store.close()


def test_a_public_address_is_let_through_in_its_own_spellings() -> None:
    assert check_url("http://16843009/").raw_host == "16843009"  # 1.1.1.1, as the resolver reads it
    assert check_url("http://[::ffff:8.8.8.8]/a").path == "/a"
    assert check_url("https://例え.テスト/記事").raw_host == "xn--r8jz45g.xn--zckzah"
    with pytest.raises(Refused, match="Only http"):
        check_url("gopher://127.0.0.1/")


async def test_a_redirect_to_any_spelling_of_a_private_address_is_refused_before_connecting(tmp_path) -> None:
    async def redirect(request: web.Request) -> web.Response:  # the target as written: HTTPFound would normalize it
        return web.Response(status=302, headers={"Location": request.query["to"]})

    async def page(request: web.Request) -> web.Response:
        return web.Response(body=PAGE, content_type="text/html")

    async with counting_server() as (port, peers), loopback_site({"/go": redirect, "/news": page}) as base:
        # this one test server may be fetched from; any other address of the host's own network may not
        app = await _app(tmp_path, allowed={base.removeprefix("http://")})
        allowed = await app.answer(Invocation("corpus add", {"url": f"{base}/go?to=/news"}, is_owner=True))
        assert allowed.pages[0].title.startswith("Preview:")
        for address, kind in PRIVATE.items():
            for family, host in {"as written": address, **spellings(address)}.items():
                target = f"http://{host}:{port}/latest/meta-data/"
                said = await _refusal(app, f"{base}/go?to={target}")
                assert f"is a {kind} address ({address})" in said, (family, said)
        assert PUBLIC_ONLY in await _refusal(app, f"{base}/go?to=http://[::1]:{port}/")
    assert peers == []
    await app.store.close()


async def test_the_connect_time_check_refuses_literal_and_resolved_addresses_alike() -> None:
    """Whatever reaches the client (here, with no check before it), the socket for a private address is never
    made, and the resolver answers no name with one."""
    async with counting_server() as (port, peers):
        connector = aiohttp.TCPConnector(socket_factory=guarded_socket())
        async with aiohttp.ClientSession(connector=connector) as session:
            for url in (f"http://127.0.0.1:{port}/", f"http://localhost:{port}/", f"http://127。0。0。1:{port}/"):
                with pytest.raises(aiohttp.ClientConnectorError) as raised:
                    await session.get(url)
                assert isinstance(raised.value.__cause__, Refused) and "loopback" in str(raised.value.__cause__)
        with pytest.raises(Refused, match="leads to the host's own network"):
            await PublicResolver().resolve("localhost", port)
        assert peers == []
        allowed = aiohttp.TCPConnector(socket_factory=guarded_socket({f"127.0.0.1:{port}"}))
        async with aiohttp.ClientSession(connector=allowed) as session:
            with pytest.raises(aiohttp.ClientError):  # it connects, and the counting server hangs up
                await session.get(f"http://127.0.0.1:{port}/")
    assert peers  # the same server, allowed: reached


async def test_a_feed_entry_linking_to_a_private_address_is_refused_and_not_saved(tmp_path, caplog) -> None:
    state = {"links": []}

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(state["links"]), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        return web.Response(body=PAGE, content_type="text/html")

    async with counting_server() as (port, peers), loopback_site({"/feed.xml": feed, "/stories/{n}": page}) as base:
        app = await _app(tmp_path, allowed={base.removeprefix("http://")})
        await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
        hosts = [*list(spellings("127.0.0.1").values())[:16], "localhost", "[::1]"]  # a poll takes in 20 at most
        state["links"] = [f"http://{host}:{port}/stories/metadata" for host in hosts] + [f"{base}/stories/fine"]
        assert await add_from_feeds(app) == ["fine"]
    assert peers == [] and [a.article_id for a in await app.store.stored_articles(content=False)] == ["fine"]
    assert sum(PUBLIC_ONLY in r.getMessage() for r in caplog.records) == len(hosts)
    await app.store.close()


async def test_the_command_line_refuses_a_private_spelling_in_one_line_and_exit_code_one(tmp_path) -> None:
    async with counting_server() as (port, peers):
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "corpus",
            "add",
            f"http://127。0。0。1:{port}/latest/meta-data/",
            cwd=ROOT,
            env={**os.environ, "BOT_DATABASE": str(tmp_path / "bot.sqlite3")},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(child.communicate(), 60)
    assert child.returncode == 1 and out == b""
    assert err.decode().count("\n") == 1 and "127。0。0。1 is a loopback address (127.0.0.1)" in err.decode()
    assert PUBLIC_ONLY in err.decode() and "Traceback" not in err.decode() and peers == []
