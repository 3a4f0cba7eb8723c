"""RSS and Atom feeds the archive follows: new entries' pages fetched and added, each entry once, ever."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from typing import TYPE_CHECKING

import feedparser

from bot import fetch, uploads
from bot.core.article import CorpusError
from bot.core.replies import UserError
from bot.loading.files import parse_bytes

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

FEEDS = "feeds"  # the feeds followed, as a JSON list of URLs
MOST_NEW_PER_POLL = 20  # a feed that suddenly lists hundreds of entries is taken in over several polls


def _seen_key(link: str) -> str:
    return "feed-entry:" + hashlib.sha256(link.encode()).hexdigest()[:32]


async def followed(app: App) -> list[str]:
    return json.loads(await app.store.get_meta(FEEDS) or "[]")


async def entries(app: App, url: str) -> list[str]:
    """The links of a feed's entries, newest first as the feed lists them; UserError if it is no feed."""
    page = await fetch.fetch_page(url, allow_private=app.fetch_allow_private, max_bytes=app.max_article_bytes)
    parsed = await asyncio.to_thread(feedparser.parse, page.data)
    if not parsed.get("version") or parsed.get("bozo") and not parsed.entries:
        raise UserError(f"{url[:100]} is not an RSS or Atom feed.")
    return [entry.link for entry in parsed.entries if entry.get("link")]


async def follow(app: App, url: str) -> int:
    """Follow a feed; what it lists now counts as seen, so only later entries are added. The entries it has."""
    links = await entries(app, url)
    for link in links:
        await app.store.set_meta(_seen_key(link), "seen")
    feeds = await followed(app)
    if url not in feeds:
        await app.store.set_meta(FEEDS, json.dumps([*feeds, url]))
    return len(links)


async def unfollow(app: App, url: str) -> bool:
    feeds = await followed(app)
    if url not in feeds:
        return False
    await app.store.set_meta(FEEDS, json.dumps([f for f in feeds if f != url]))
    return True


async def poll(app: App) -> list[str]:
    """Fetch every followed feed and add the pages of entries never seen before; the files added. A feed or a
    page that fails is logged and skipped (and an entry whose page is no article is not tried again)."""
    if app.corpus_dir is None:
        return []
    added = []
    for url in await followed(app):
        try:
            links = await entries(app, url)
        except UserError as error:
            log.warning("feed %s skipped: %s", url, error)
            continue
        new = [link for link in links if await app.store.get_meta(_seen_key(link)) is None][:MOST_NEW_PER_POLL]
        for link in new:
            await app.store.set_meta(_seen_key(link), "seen")  # first: a page that fails is not fetched forever
            try:
                name, data = await fetch.page_upload(
                    link, allow_private=app.fetch_allow_private, max_bytes=app.max_article_bytes
                )
                await app.reader.run(name, parse_bytes, name, data)  # an article, or not added at all
            except (UserError, CorpusError) as error:
                log.warning("feed entry %s not added: %s", link, error)
                continue
            saved = await asyncio.to_thread(uploads.save_new, app.corpus_dir, name, data)
            added.append(saved.name)
    return added
