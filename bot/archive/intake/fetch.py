"""Fetching a web page for /corpus add url: and the feeds: one deadline, every hop checked (addresses.py)."""

from __future__ import annotations

import asyncio
import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import aiohttp

from bot.archive.intake.addresses import Allowed, PublicResolver, Refused, check_url, guarded_socket
from bot.archive.intake.uploads import safe_name
from bot.core.text import size_label

__all__ = ["Page", "Refused", "check_url", "fetch_page", "page_upload"]

TIMEOUT_SECONDS = 15.0  # for the whole fetch, redirects included
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class FetchPolicy:
    """What the bot may fetch: public addresses only (unless a test allows private ones), at most `max_bytes`."""

    max_bytes: int
    allow_private: Allowed = False


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    data: bytes
    content_type: str


async def fetch_page(
    url: str, *, allow_private: Allowed = False, max_bytes: int, timeout: float = TIMEOUT_SECONDS
) -> Page:
    """GET a page over http(s), following at most three redirects, each checked like the first, all within
    one deadline; Refused with a reason for any other scheme, a private address however written, a page too
    large, a timeout or a redirect loop."""
    try:
        async with asyncio.timeout(timeout):
            guarded = allow_private is not True
            connector = aiohttp.TCPConnector(
                resolver=PublicResolver(allow_private) if guarded else None,
                socket_factory=guarded_socket(allow_private) if guarded else None,  # literal or resolved
            )
            async with aiohttp.ClientSession(connector=connector) as session:
                return await _follow(session, url, allow_private, max_bytes)
    except TimeoutError:
        raise Refused(f"The page did not answer within {timeout:.0f} s.") from None


async def _follow(session: aiohttp.ClientSession, url: str, allow_private: Allowed, max_bytes: int) -> Page:
    for _ in range(MAX_REDIRECTS + 1):
        target = check_url(url, allow_private)  # what the client will connect to, not what urlsplit sees
        try:
            async with session.get(target, allow_redirects=False, headers={"User-Agent": "news-archive-bot"}) as got:
                if got.status in (301, 302, 303, 307, 308) and "Location" in got.headers:
                    url = urljoin(str(target), got.headers["Location"])
                    continue
                if got.status != 200:
                    raise Refused(f"The page answered HTTP {got.status}.")
                data = bytearray()
                async for chunk in got.content.iter_chunked(65536):
                    data += chunk
                    if len(data) > max_bytes:
                        raise Refused(f"The page is larger than {size_label(max_bytes)}, the most an article may be.")
                return Page(str(got.url), bytes(data), got.headers.get("Content-Type", ""))
        except aiohttp.ClientError as error:
            if isinstance(error.__cause__, Refused):
                raise error.__cause__ from None
            raise Refused(f"The page could not be fetched: {type(error).__name__}.") from None
    raise Refused(f"The page redirects more than {MAX_REDIRECTS} times.")


async def page_upload(
    url: str, *, allow_private: Allowed = False, max_bytes: int, timeout: float = TIMEOUT_SECONDS
) -> tuple[str, bytes]:
    """A web page as an article file: named after its address by the upload name rules, saved as .html, the
    address kept in the page as its canonical link (so the article's url is the page's)."""
    page = await fetch_page(url, allow_private=allow_private, max_bytes=max_bytes, timeout=timeout)
    parts = urlsplit(page.url)
    stem = Path(unquote(parts.path).rstrip("/")).stem or parts.hostname or "page"
    data = page.data
    if b'rel="canonical"' not in data[:65536]:
        link = f'<link rel="canonical" href="{html.escape(page.url, quote=True)}">'.encode()
        data = data.replace(b"<head>", b"<head>" + link, 1) if b"<head>" in data[:65536] else link + data
    return safe_name(f"{stem}.html"), data
