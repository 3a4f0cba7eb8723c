"""RSS and Atom feeds the archive follows: new entries' pages fetched and added, each entry once, ever."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging

import feedparser

from bot.archive.changes import ArchiveAway, Who
from bot.archive.intake import fetch
from bot.archive.intake.fetch import FetchPolicy
from bot.archive.living import LivingArchive
from bot.core.replies.reply import UserError
from bot.stores import Store

log = logging.getLogger(__name__)

FEEDS = "feeds"  # the feeds followed, as a JSON list of URLs
MOST_NEW_PER_POLL = 20  # a feed that suddenly lists hundreds of entries is taken in over several polls


def _seen_key(link: str) -> str:
    return "feed-entry:" + hashlib.sha256(link.encode()).hexdigest()[:32]


async def followed(store: Store) -> list[str]:
    return json.loads(await store.get_meta(FEEDS) or "[]")


async def entries(policy: FetchPolicy, url: str) -> list[str]:
    """The links of a feed's entries, newest first as the feed lists them; UserError if it is no feed."""
    page = await fetch.fetch_page(url, allow_private=policy.allow_private, max_bytes=policy.max_bytes)
    parsed = await asyncio.to_thread(feedparser.parse, page.data)
    if not parsed.get("version") or parsed.get("bozo") and not parsed.entries:
        raise UserError(f"{url[:100]} is not an RSS or Atom feed.")
    return [entry.link for entry in parsed.entries if entry.get("link")]


async def follow(store: Store, policy: FetchPolicy, url: str) -> int:
    """Follow a feed; what it lists now counts as seen, so only later entries are added. The entries it has."""
    links = await entries(policy, url)
    for link in links:
        await store.set_meta(_seen_key(link), "seen")
    feeds = await followed(store)
    if url not in feeds:
        await store.set_meta(FEEDS, json.dumps([*feeds, url]))
    return len(links)


async def unfollow(store: Store, url: str) -> bool:
    feeds = await followed(store)
    if url not in feeds:
        return False
    await store.set_meta(FEEDS, json.dumps([f for f in feeds if f != url]))
    return True


async def poll(store: Store, archive: LivingArchive, policy: FetchPolicy) -> list[str]:
    """Fetch every followed feed and add the pages of entries never seen before; the ids added. An entry
    counts as seen once its article is stored, or once it is refused for a reason (recorded with it); one that
    fails because the database is away is tried again at the next poll."""
    added = []
    for url in await followed(store):
        try:
            links = await entries(policy, url)
        except UserError as error:
            log.warning("feed %s skipped: %s", url, error)
            continue
        new = [link for link in links if await store.get_meta(_seen_key(link)) is None][:MOST_NEW_PER_POLL]
        for link in new:
            try:
                name, data = await fetch.page_upload(
                    link, allow_private=policy.allow_private, max_bytes=policy.max_bytes
                )
                change = await archive.add(name, data, Who("feed", source=link))
            except ArchiveAway as error:  # not seen yet: tried again next time
                log.warning("feed entry %s not added yet: %s", link, error)
                continue
            except UserError as error:
                log.warning("feed entry %s not added: %s", link, error)
                await store.set_meta(_seen_key(link), f"refused: {str(error)[:300]}")
                continue
            await store.set_meta(_seen_key(link), f"stored: {change.article_id}")
            added.append(change.article_id)
    return added
