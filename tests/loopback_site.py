"""A small web site on loopback for the tests that fetch pages and feeds (routes in, base URL out), and a server
that counts the connections made to it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@contextlib.asynccontextmanager
async def loopback_site(routes: dict[str, Handler]) -> AsyncIterator[str]:
    """Serve `routes` (path → GET handler) on 127.0.0.1 at a free port; yields the base URL."""
    app = web.Application()
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def counting_server(host: str = "127.0.0.1") -> AsyncIterator[tuple[int, list[str]]]:
    """A TCP server on loopback that only counts who connected (and hangs up): yields its port and the list
    of peers, which stays empty as long as nothing reached it."""
    peers: list[str] = []

    async def count(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peers.append(str(writer.get_extra_info("peername")))
        writer.close()

    server = await asyncio.start_server(count, host, 0)
    try:
        yield server.sockets[0].getsockname()[1], peers
    finally:
        server.close()
        await server.wait_closed()
