"""A TCP relay between the bot and the real PostgreSQL server, to cut the database away mid-run and mend it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit


def with_parts(url: str, **parts: str) -> str:
    """The URL with its password, host ("host:port") or path replaced."""
    split = urlsplit(url)
    user, password = split.username or "", parts.get("password", split.password or "")
    host = parts.get("host", f"{split.hostname}:{split.port or 5432}")
    path = parts.get("path", split.path)
    return urlunsplit(split._replace(netloc=f"{user}:{password}@{host}", path=path))


class Cable:
    """A TCP relay to the real server that can be cut (every connection dropped, the port refused) and mended."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self.server: asyncio.Server | None = None
        self.links: set[asyncio.StreamWriter] = set()

    async def mend(self) -> None:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]  # the same port again after a cut

    async def cut(self) -> None:
        self.server.close()
        for writer in list(self.links):
            writer.transport.abort()
        self.links.clear()
        await self.server.wait_closed()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        self.links |= {writer, up_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


@contextlib.asynccontextmanager
async def cable_to(url: str) -> AsyncIterator[tuple[Cable, str]]:
    """A mended relay to the server of `url`, and the URL that reaches it through the relay."""
    split = urlsplit(url)
    relay = Cable(split.hostname or "localhost", split.port or 5432)
    await relay.mend()
    try:
        yield relay, with_parts(url, host=f"127.0.0.1:{relay.port}")
    finally:
        with contextlib.suppress(Exception):
            await relay.cut()
