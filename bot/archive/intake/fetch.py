"""Fetching a web page for /corpus add url:, refusing the host's own network unless a test setting allows it."""

from __future__ import annotations

import html
import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import DefaultResolver

from bot.archive.files import size_label
from bot.core.replies.reply import UserError

TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 3


class Refused(UserError):
    """A URL the bot will not fetch, and why."""


@dataclass(frozen=True)
class FetchPolicy:
    """What the bot may fetch: public addresses only (unless a test allows private ones), at most `max_bytes`."""

    max_bytes: int
    allow_private: bool = False


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    data: bytes
    content_type: str


def _refuse_private(address: str, host: str) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not ip.is_global or ip.is_multicast:
        kind = (
            "loopback"
            if ip.is_loopback
            else "link-local or cloud metadata"
            if ip.is_link_local
            else "private"
            if ip.is_private
            else "reserved"
        )
        raise Refused(f"{host} is a {kind} address ({address}): the bot fetches only public web pages.")


class PublicResolver(AbstractResolver):
    """DNS that answers only with public addresses, checked where the connection is made (so a name that
    resolves to a public address once and a private one later cannot slip through)."""

    def __init__(self) -> None:
        self._resolver = DefaultResolver()

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[dict[str, Any]]:
        answers = await self._resolver.resolve(host, port, family)
        for answer in answers:
            _refuse_private(answer["host"], host)
        return answers

    async def close(self) -> None:
        await self._resolver.close()


async def fetch_page(
    url: str, *, allow_private: bool = False, max_bytes: int, timeout: float = TIMEOUT_SECONDS
) -> Page:
    """GET a page over http(s), following at most three redirects, each checked like the first; Refused with a
    reason for any other scheme, a private address, a page too large, a timeout or a redirect loop."""
    connector = aiohttp.TCPConnector(resolver=None if allow_private else PublicResolver())
    limits = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=limits) as session:
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise Refused(f"Only http:// and https:// pages can be added, not “{url[:100]}”.")
            if not allow_private:
                try:  # a literal address never reaches the resolver: check it here
                    _refuse_private(parts.hostname.strip("[]"), parts.hostname)
                except ValueError:
                    pass  # a name: the resolver checks what it resolves to
            try:
                async with session.get(url, allow_redirects=False, headers={"User-Agent": "news-archive-bot"}) as got:
                    if got.status in (301, 302, 303, 307, 308) and "Location" in got.headers:
                        url = urljoin(url, got.headers["Location"])
                        continue
                    if got.status != 200:
                        raise Refused(f"The page answered HTTP {got.status}.")
                    data = bytearray()
                    async for chunk in got.content.iter_chunked(65536):
                        data += chunk
                        if len(data) > max_bytes:
                            raise Refused(
                                f"The page is larger than {size_label(max_bytes)}, the most an article may be."
                            )
                    return Page(str(got.url), bytes(data), got.headers.get("Content-Type", ""))
            except TimeoutError:
                raise Refused(f"The page did not answer within {timeout:.0f} s.") from None
            except aiohttp.ClientError as error:
                if isinstance(error.__cause__, Refused):
                    raise error.__cause__ from None
                raise Refused(f"The page could not be fetched: {type(error).__name__}.") from None
        raise Refused(f"The page redirects more than {MAX_REDIRECTS} times.")


async def page_upload(url: str, *, allow_private: bool = False, max_bytes: int) -> tuple[str, bytes]:
    """A web page as an article file: named after its address, saved as .html, the address kept in the page as
    its canonical link (so the article's url is the page's)."""
    page = await fetch_page(url, allow_private=allow_private, max_bytes=max_bytes)
    parts = urlsplit(page.url)
    stem = Path(parts.path.rstrip("/")).stem or parts.hostname or "page"
    data = page.data
    if b'rel="canonical"' not in data[:65536]:
        link = f'<link rel="canonical" href="{html.escape(page.url, quote=True)}">'.encode()
        data = data.replace(b"<head>", b"<head>" + link, 1) if b"<head>" in data[:65536] else link + data
    return f"{stem}.html", data
