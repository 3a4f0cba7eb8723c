"""Hostile pages and addresses, probed on loopback: what each does to the bot, as a table.

    python -m benchmarks.hostile_pages            # every probe (several minutes on code without the budgets)
    python -m benchmarks.hostile_pages --quick    # without the two slow ones (a million paragraphs, slow redirects)

Every page and feed is made here (no third-party text) and every server is started here on 127.0.0.1: nothing
leaves the machine. The bot is driven as it runs: `/corpus add url:` and `file:` through App.answer, a followed
feed through the feed poll and a discord.py task loop, the folder through load_corpus. The probes use only what
the bot had before issue 20 too, so the same script measures the code before and after.

Connections are watched where asyncio makes them: "reached connect()" means the bot opened a socket to that
address (one that is not this machine's is failed there at once, so nothing is sent). The address
93.184.215.14 stands in for a public web server: connections to it go to the loopback server, so that a public
first hop can redirect to a private address, and a public feed can link to one.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import logging
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

from benchmarks import markdown_table
from benchmarks.hostile import (
    PRIVATE,
    article_page,
    deep_json_ld,
    million_paragraphs,
    rss,
    spellings,
)

ROOT = Path(__file__).resolve().parent.parent


# --- watching connections ------------------------------------------------------------------------------------------
STAND_IN = "93.184.215.14"  # "a public web server": sent to the loopback site
CONNECTS: list[str] = []
_connect = asyncio.selector_events.BaseSelectorEventLoop.sock_connect


async def _watched(self, sock, address):
    host, port = str(address[0]), address[1]
    CONNECTS.append(host)
    if host == STAND_IN:
        address = ("127.0.0.1", port)
    elif host not in ("127.0.0.1", "::ffff:127.0.0.1"):
        raise ConnectionRefusedError(f"probe: not connecting to {host}")  # nothing leaves this machine
    return await _connect(self, sock, address)


def watch_connections() -> None:
    """From now on, every socket asyncio connects is recorded, and only loopback is really connected to."""
    asyncio.selector_events.BaseSelectorEventLoop.sock_connect = _watched


def _reached(address: str) -> bool:
    """Whether a socket was opened to `address` (or an IPv6 form of it) since CONNECTS was emptied."""
    for host in CONNECTS:
        try:
            ip = ipaddress.ip_address(host.partition("%")[0])
        except ValueError:
            continue
        mapped = getattr(ip, "ipv4_mapped", None) or getattr(ip, "sixtofour", None)
        if ip.version == 6 and mapped is None and (int(ip) >> 32 == 0 or ip in ipaddress.ip_network("64:ff9b::/96")):
            mapped = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if str(ip) == address or str(mapped) == address:
            return True
    return False


# --- the bot, as it runs ----------------------------------------------------------------------------------------------
async def _app(folder: Path, **options):
    """The App as the bot runs it: the living archive of `folder` with its state in a SQLite file beside it, and
    pages from outside read by the shared reader."""
    from bot.app import App
    from bot.archive.intake.sandbox import shared
    from bot.archive.living import LivingArchive
    from bot.stores.sqlite import SqliteStore

    if not folder.exists():
        shutil.copytree(ROOT / "seeds", folder)
    store = await SqliteStore.open(folder.parent / "bot.sqlite3")
    archive = LivingArchive(folder, store, max_bytes=options.get("max_article_bytes", 5 * 1024 * 1024), reader=shared())
    await archive.open()
    return App(None, store, archive=archive, **options)


async def _answer(app, invocation) -> str:
    """What the user is shown, or what escaped instead of a reply."""
    try:
        reply = await app.answer(invocation)
    except Exception as error:  # what the probe is for: nothing should get here
        return f"{type(error).__name__} raised out of the command (no reply)"
    page = reply.pages[0]
    return page.title if page.title.startswith("Preview") else f"“{page.description[:110]}”"


async def _site(routes: dict[str, Callable[[web.Request], Awaitable[web.StreamResponse]]]):
    application = web.Application()
    for path, handler in routes.items():
        application.router.add_get(path, handler)
    runner = web.AppRunner(application)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]


async def address_probes(scratch: Path) -> list[list[str]]:
    """Each spelling family of the four private addresses as the URL, a redirect target and a feed entry."""
    from bot.handlers.archive import add_from_feeds
    from bot.invocation import Invocation

    links: list[str] = []

    async def page(request: web.Request) -> web.Response:
        return web.Response(body=article_page(), content_type="text/html")

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(links), content_type="application/rss+xml")

    async def go(request: web.Request) -> web.Response:  # the target as written: HTTPFound would normalize it
        return web.Response(status=302, headers={"Location": request.query["to"]})

    runner, port = await _site({"/feed.xml": feed, "/go": go, "/{name}": page})
    rows = []
    try:
        families = {"as written": {a: a for a in PRIVATE}}
        for address in PRIVATE:
            for family, host in spellings(address).items():
                families.setdefault(family, {})[address] = host
        for number, (family, hosts) in enumerate(families.items()):
            folder = scratch / f"addresses-{number}" / "corpus"
            app = await _app(folder)
            cells = []
            for how in ("url", "redirect", "feed"):
                reached, said, loopback = [], "", ""
                for address, host in hosts.items():
                    target = f"http://{host}:{port}/story-{number}-{how}"
                    CONNECTS.clear()
                    if how == "url":
                        said = await _answer(app, Invocation("corpus add", {"url": target}, is_owner=True))
                    elif how == "redirect":
                        public = f"http://{STAND_IN}:{port}/go?to={target}"
                        said = await _answer(app, Invocation("corpus add", {"url": public}, is_owner=True))
                    else:
                        links[:] = []
                        await app.answer(
                            Invocation("corpus feed add", {"url": f"http://{STAND_IN}:{port}/feed.xml"}, is_owner=True)
                        )
                        links[:] = [target]
                        try:
                            saved = await add_from_feeds(app)
                        except Exception as error:
                            saved = [type(error).__name__]
                        said = f"saved {saved}" if saved else "nothing saved"
                    if _reached(address):
                        reached.append(address)
                    if address == "127.0.0.1":
                        loopback = said
                cells.append(_verdict(reached, len(hosts), said, loopback))
            await app.store.close()
            rows.append([family, ", ".join(hosts.values())[:60], *cells])
    finally:
        await runner.cleanup()
    return rows


def _verdict(reached: list[str], tried: int, said: str, loopback: str) -> str:
    """What came of one spelling family on one path: connections made (and what 127.0.0.1 gave), or refusals."""
    if reached:
        return f"**reached connect() for {len(reached)}/{tried}**; 127.0.0.1: {loopback[:50]}"
    return f"refused {tried}/{tried}, no connection; e.g. {said[:70]}"


# --- pages, feeds and the rest: each probe in a process of its own (its memory, and a hard stop) -------------------
async def _million(scratch: Path) -> str:
    from bot.invocation import Invocation

    app = await _app(scratch / "corpus")
    upload = Invocation("corpus add", {"file": "x.html"}, is_owner=True, upload=("x.html", million_paragraphs()))
    started = time.perf_counter()
    reading = asyncio.ensure_future(_answer(app, upload))
    await asyncio.sleep(0.5)  # the page is being read now
    asked = time.perf_counter()
    await app.answer(Invocation("article search", {"query": "ferry"}))
    meanwhile = time.perf_counter() - asked
    said = await reading
    await app.store.close()
    return f"{said} after {time.perf_counter() - started:.1f} s; /article search meanwhile: {meanwhile:.2f} s"


async def _json_ld_upload(scratch: Path) -> str:
    from bot.invocation import Invocation

    app = await _app(scratch / "corpus")
    upload = Invocation("corpus add", {"file": "x.html"}, is_owner=True, upload=("x.html", deep_json_ld()))
    said = await _answer(app, upload)
    await app.store.close()
    return said


async def _json_ld_folder(scratch: Path) -> str:
    from bot.archive.load import load_corpus

    folder = scratch / "corpus"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "deep-json-ld.html").write_bytes(deep_json_ld())
    (folder / "million.html").write_bytes(million_paragraphs())
    try:
        corpus = load_corpus(folder)
    except Exception as error:
        return f"**{type(error).__name__}: the load stops, the bot does not start**"
    return f"loaded {len(corpus.articles)} articles; skipped: {'; '.join(e[:60] for e in corpus.errors)}"


async def _feed_site(links: list[str]) -> tuple[web.AppRunner, int]:
    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(links), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        return web.Response(body=PAGES.get(request.match_info["name"], article_page)(), content_type="text/html")

    return await _site({"/feed.xml": feed, "/stories/{name:.*}": page})


PAGES = {"deep-json-ld": deep_json_ld, "million": million_paragraphs}


async def _json_ld_feed_loop(scratch: Path) -> str:
    from discord.ext import tasks

    from bot.handlers.archive import add_from_feeds
    from bot.invocation import Invocation

    links: list[str] = []
    runner, port = await _feed_site(links)
    base = f"http://{STAND_IN}:{port}"
    app = await _app(scratch / "corpus")
    await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    links[:] = [f"{base}/stories/deep-json-ld", f"{base}/stories/fine"]

    async def read_feeds() -> None:  # what the bot's loop runs every BOT_FEED_MINUTES (here: 0.2 s)
        await add_from_feeds(app)

    loop = tasks.loop(seconds=0.2)(read_feeds)
    loop.start()
    for _ in range(100):
        await asyncio.sleep(0.1)
        if "fine" in app.corpus.articles or loop.failed():
            break
    links.insert(0, f"{base}/stories/later")
    for _ in range(100):
        await asyncio.sleep(0.1)
        if "later" in app.corpus.articles or loop.failed():
            break
    state = "**loop ended: no feed is read until a restart**" if loop.failed() else "loop running"
    added = [name for name in ("deep-json-ld", "fine", "later") if name in app.corpus.articles]
    loop.cancel()
    await runner.cleanup()
    await app.store.close()
    return f"{state}; articles added: {', '.join(added) or 'none'}"


async def _feed_100k(scratch: Path) -> str:
    from bot.handlers.archive import add_from_feeds
    from bot.invocation import Invocation

    links: list[str] = []
    runner, port = await _feed_site(links)
    base = f"http://{STAND_IN}:{port}"
    links[:] = [f"{base}/stories/{n}" for n in range(100_000)]
    app = await _app(scratch / "corpus", max_article_bytes=8 * 1024 * 1024)
    started = time.perf_counter()
    await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    followed, rows = time.perf_counter() - started, _entry_rows(scratch)
    started = time.perf_counter()
    await add_from_feeds(app)
    polled = time.perf_counter() - started
    await app.answer(Invocation("corpus feed remove", {"url": f"{base}/feed.xml"}, is_owner=True))
    await runner.cleanup()
    await app.store.close()
    return (
        f"follow {followed:.1f} s, {rows:,} rows kept; a later poll {polled:.1f} s; "
        f"after unfollowing {_entry_rows(scratch):,} rows left"
    )


def _entry_rows(scratch: Path) -> int:
    with sqlite3.connect(scratch / "bot.sqlite3") as connection:
        try:
            return connection.execute("SELECT COUNT(*) FROM feed_entries").fetchone()[0]
        except sqlite3.OperationalError:  # before issue 20: one row of meta per entry
            return connection.execute("SELECT COUNT(*) FROM meta WHERE key LIKE 'feed-entry:%'").fetchone()[0]


async def _entry_names(scratch: Path) -> str:
    from bot.handlers.archive import add_from_feeds
    from bot.invocation import Invocation

    links: list[str] = []
    runner, port = await _feed_site(links)
    base = f"http://{STAND_IN}:{port}"
    app = await _app(scratch / "corpus")
    await app.answer(Invocation("corpus feed add", {"url": f"{base}/feed.xml"}, is_owner=True))
    links[:] = [f"{base}/stories/{name}" for name in ("first", "CON", ".hidden", "a%2F..%2Fescape", "x" * 300)]
    try:
        added = await add_from_feeds(app)
        outcome = f"saved as {', '.join(name[:24] + ('…' if len(name) > 24 else '') for name in added)}"
    except Exception as error:
        outcome = f"**{type(error).__name__} out of the poll**"
    written = sorted(p.name[:24] for p in (scratch / "corpus").iterdir() if not (ROOT / "seeds" / p.name).exists())
    await runner.cleanup()
    await app.store.close()
    return (
        f"{outcome}; files written into the folder: {', '.join(written) or 'none'}; "
        f"'first' in the archive: {'first' in app.corpus.articles}"
    )


async def _slow_redirects(scratch: Path) -> str:
    from bot.invocation import Invocation

    async def hop(request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        await asyncio.sleep(10)  # each answer in less than the 15 s a request may take
        if number < 3:
            raise web.HTTPFound(f"/slow/{number + 1}")
        return web.Response(body=article_page(), content_type="text/html")

    runner, port = await _site({"/slow/{n}": hop})
    app = await _app(scratch / "corpus")
    started = time.perf_counter()
    said = await _answer(app, Invocation("corpus add", {"url": f"http://{STAND_IN}:{port}/slow/0"}, is_owner=True))
    elapsed = time.perf_counter() - started
    await runner.cleanup()
    await app.store.close()
    return f"{said} after {elapsed:.0f} s"


async def _discord(scratch: Path) -> str:
    from bot.commands import TABLE
    from bot.glue.commands import app_commands_from

    shown = []
    for command in app_commands_from(TABLE):
        if command.name in ("config", "corpus"):
            permissions = command.default_permissions.value if command.default_permissions else None
            shown.append(f"/{command.name}: DMs {'no' if command.guild_only else 'yes'}, permissions {permissions}")
    return "; ".join(shown)


PROBES: dict[str, tuple[str, Callable[[Path], Awaitable[str]], bool]] = {  # name: (what, probe, slow)
    "million": ("4 MB page, a million tiny paragraphs, `/corpus add file:`", _million, True),
    "json-ld-upload": ("JSON-LD nesting 100,000 brackets, `/corpus add file:`", _json_ld_upload, False),
    "json-ld-folder": ("that page and the 4 MB one in the folder at start-up", _json_ld_folder, True),
    "json-ld-feed": ("that page as a feed entry, the feed read by a discord.py task loop", _json_ld_feed_loop, False),
    "feed-100k": ("following a feed of 100,000 entries", _feed_100k, False),
    "entry-names": ("feed entries named CON, .hidden, a%2F..%2Fescape, 300 × x", _entry_names, False),
    "slow-redirects": ("three redirects and the page, 10 s each", _slow_redirects, True),
    "discord": ("what Discord is told about /config and /corpus", _discord, False),
}


def _run_probe(name: str, scratch: Path) -> None:
    """In the probe's own process: run it, print its result and the process's peak memory as JSON."""
    result = asyncio.run(PROBES[name][1](scratch))
    try:
        from bot.archive.intake import sandbox

        sandbox.shared().close()  # the worker, reaped: its memory counts below
    except ImportError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"result": result, "peak_mb": peak // 1024}))


def _probe(name: str, limit: float) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "benchmarks.hostile_pages", "--probe", name, "--scratch", scratch]
        started = time.perf_counter()
        try:
            done = subprocess.run(command, cwd=Path.cwd(), capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return f"**still at it after {limit:.0f} s: stopped**"
    if done.returncode != 0:
        return f"**the probe's process failed: {done.stderr.strip().splitlines()[-1][:100]}**"
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return f"{found['result']} ({time.perf_counter() - started:.0f} s in all, peak {found['peak_mb']} MB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out the slow probes")
    parser.add_argument("--limit", type=float, default=300.0, help="seconds a probe may take before it is stopped")
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.getLogger().addHandler(logging.NullHandler())  # the bot's warnings about each probe: the table says it
    watch_connections()
    if args.probe:
        _run_probe(args.probe, args.scratch)
        return
    with tempfile.TemporaryDirectory() as scratch:
        rows = asyncio.run(address_probes(Path(scratch)))
    print("Each spelling family of 127.0.0.1, 10.0.0.1, 192.168.0.1 and 169.254.169.254:\n")
    print(markdown_table(["spelling", "hosts", "as the URL", "as a redirect target", "as a feed entry"], rows))
    print("\nPages, feeds and commands:\n")
    found = [[what, _probe(name, args.limit)] for name, (what, _, slow) in PROBES.items() if not (slow and args.quick)]
    print(markdown_table(["probe", "result"], found))


if __name__ == "__main__":
    main()
