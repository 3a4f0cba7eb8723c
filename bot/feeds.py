"""RSS and Atom feeds the archive follows: new entries' pages fetched and added, each entry once, ever."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
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
MOST_LISTED = 500  # a feed's entries read, newest first: one that lists 100,000 is read for its newest 500
MOST_NEW_PER_POLL = 20  # a feed that suddenly lists hundreds of new entries is taken in over several polls
POLL_SECONDS = 10 * 60.0  # one poll of every feed; what it does not reach in time is read at the next one


def entry_key(link: str) -> str:
    """What the store keeps of an entry: a hash of its link."""
    return hashlib.sha256(link.encode()).hexdigest()[:32]


def links_of(data: bytes) -> list[str] | None:
    """The links of a feed's newest MOST_LISTED entries as it lists them, or None when the bytes are no RSS or
    Atom feed; run in the sandbox (bot.loading.sandbox), like every page read from outside."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") or parsed.get("bozo") and not parsed.entries:
        return None
    return [str(entry.link) for entry in parsed.entries[:MOST_LISTED] if entry.get("link")]


async def followed(app: App) -> list[str]:
    return json.loads(await app.store.get_meta(FEEDS) or "[]")


async def entries(app: App, url: str, timeout: float = fetch.TIMEOUT_SECONDS) -> list[str]:
    """The links of a feed's entries, newest first as the feed lists them; UserError if it is no feed."""
    page = await fetch.fetch_page(
        url, allow_private=app.fetch_allow_private, max_bytes=app.max_article_bytes, timeout=timeout
    )
    try:
        links = await app.reader.run(url[:100], links_of, page.data)
    except CorpusError as error:
        raise UserError(f"The feed could not be read: {error}.") from None
    if links is None:
        raise UserError(f"{url[:100]} is not an RSS or Atom feed.")
    return links


async def follow(app: App, url: str) -> int:
    """Follow a feed; what it lists now counts as seen, so only later entries are added. The entries it has."""
    links = await entries(app, url)
    await app.store.mark_entries(url, [entry_key(link) for link in links])
    feeds = await followed(app)
    if url not in feeds:
        await app.store.set_meta(FEEDS, json.dumps([*feeds, url]))
    return len(links)


async def unfollow(app: App, url: str) -> bool:
    feeds = await followed(app)
    if url not in feeds:
        return False
    await app.store.set_meta(FEEDS, json.dumps([f for f in feeds if f != url]))
    await app.store.forget_feed(url)
    return True


async def poll(app: App, budget: float = POLL_SECONDS) -> list[str]:
    """Fetch every followed feed and add the pages of entries never seen before, within `budget` seconds; the
    files added. A feed or an entry that fails, whatever it raises, is logged with its address and skipped (an
    entry is not tried again); the others go on."""
    if app.corpus_dir is None:
        return []
    added: list[str] = []
    deadline = time.monotonic() + budget
    for url in await followed(app):
        if time.monotonic() >= deadline:
            log.warning("feeds not read within %.0f s: %s and the feeds after it wait for the next poll", budget, url)
            break
        try:
            added += await _poll_feed(app, url, deadline)
        except UserError as error:
            log.warning("feed %s skipped: %s", url, error)
        except Exception:
            log.exception("feed %s skipped", url)
    return added


async def _poll_feed(app: App, url: str, deadline: float) -> list[str]:
    keys = {link: entry_key(link) for link in await entries(app, url, _left(deadline))}
    seen = await app.store.seen_entries(list(keys.values()))
    # another feed saw some first: they are this feed's too, so that unfollowing that one does not bring them back
    await app.store.mark_entries(url, [key for key in keys.values() if key in seen])
    added = []
    for link in [link for link, key in keys.items() if key not in seen][:MOST_NEW_PER_POLL]:
        if time.monotonic() >= deadline:
            log.warning("feed %s: out of time, its other new entries wait for the next poll", url)
            break
        await app.store.mark_entries(url, [keys[link]])  # first: a page that fails is not fetched forever
        try:
            added.append(await _add(app, link, deadline))
        except (UserError, CorpusError) as error:
            log.warning("feed entry %s not added: %s", link, error)
        except Exception:
            log.exception("feed entry %s not added", link)
    return added


async def _add(app: App, link: str, deadline: float) -> str:
    """Fetch an entry's page, check in the sandbox that it is an article, save it under a safe, free name."""
    name, data = await fetch.page_upload(
        link, allow_private=app.fetch_allow_private, max_bytes=app.max_article_bytes, timeout=_left(deadline)
    )
    await app.reader.run(name, parse_bytes, name, data)  # an article, or not added at all
    saved = await asyncio.to_thread(uploads.save_new, app.corpus_dir, name, data)
    return saved.name


def _left(deadline: float) -> float:
    return max(0.1, min(fetch.TIMEOUT_SECONDS, deadline - time.monotonic()))
