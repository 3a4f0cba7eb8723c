"""RSS and Atom feeds the archive follows: new entries' pages fetched and stored, each entry once, ever."""

from __future__ import annotations

import hashlib
import json
import logging
import time

import feedparser

from bot.archive.changes import ArchiveAway, Who
from bot.archive.intake import fetch
from bot.archive.intake.fetch import FetchPolicy
from bot.archive.intake.sandbox import Sandbox
from bot.archive.living import LivingArchive
from bot.core.article import CorpusError
from bot.core.replies.markdown import echo
from bot.core.replies.reply import UserError
from bot.stores import Store

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
    Atom feed; run in the sandbox (bot.archive.intake.sandbox), like every page read from outside."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") or parsed.get("bozo") and not parsed.entries:
        return None
    return [str(entry.link) for entry in parsed.entries[:MOST_LISTED] if entry.get("link")]


async def followed(store: Store) -> list[str]:
    return json.loads(await store.get_meta(FEEDS) or "[]")


async def entries(policy: FetchPolicy, reader: Sandbox, url: str, timeout: float = fetch.TIMEOUT_SECONDS) -> list[str]:
    """The links of a feed's entries, newest first as the feed lists them; UserError if it is no feed."""
    page = await fetch.fetch_page(url, allow_private=policy.allow_private, max_bytes=policy.max_bytes, timeout=timeout)
    try:
        links = await reader.run(url[:100], links_of, page.data)
    except CorpusError as error:
        raise UserError(f"The feed could not be read: {error}.") from None
    if links is None:
        raise UserError(f"{echo(url, 100)} is not an RSS or Atom feed.")
    return links


async def follow(store: Store, policy: FetchPolicy, reader: Sandbox, url: str) -> int:
    """Follow a feed; what it lists now counts as seen, so only later entries are added. The entries it has."""
    links = await entries(policy, reader, url)
    await store.mark_entries(url, [entry_key(link) for link in links])
    feeds = await followed(store)
    if url not in feeds:
        await store.set_meta(FEEDS, json.dumps([*feeds, url]))
    return len(links)


async def unfollow(store: Store, url: str) -> bool:
    feeds = await followed(store)
    if url not in feeds:
        return False
    await store.set_meta(FEEDS, json.dumps([f for f in feeds if f != url]))
    await store.forget_feed(url)
    return True


async def poll(
    store: Store, archive: LivingArchive, policy: FetchPolicy, reader: Sandbox, budget: float = POLL_SECONDS
) -> list[str]:
    """Fetch every followed feed and store the pages of entries never seen before, within `budget` seconds; the
    ids added. An entry counts as seen once its article is stored, or once it is refused (the reason logged with
    its address); one the database could not take is tried again at the next poll. A feed or an entry that fails,
    whatever it raises, is logged and skipped; the others go on."""
    added: list[str] = []
    deadline = time.monotonic() + budget
    for url in await followed(store):
        if time.monotonic() >= deadline:
            log.warning("feeds not read within %.0f s: %s and the feeds after it wait for the next poll", budget, url)
            break
        try:
            added += await _poll_feed(store, archive, policy, reader, url, deadline)
        except UserError as error:
            log.warning("feed %s skipped: %s", url, error)
        except Exception:
            log.exception("feed %s skipped", url)
    return added


async def _poll_feed(
    store: Store, archive: LivingArchive, policy: FetchPolicy, reader: Sandbox, url: str, deadline: float
) -> list[str]:
    keys = {link: entry_key(link) for link in await entries(policy, reader, url, _left(deadline))}
    seen = await store.seen_entries(list(keys.values()))
    # another feed saw some first: they are this feed's too, so that unfollowing that one does not bring them back
    await store.mark_entries(url, [key for key in keys.values() if key in seen])
    added = []
    for link in [link for link, key in keys.items() if key not in seen][:MOST_NEW_PER_POLL]:
        if time.monotonic() >= deadline:
            log.warning("feed %s: out of time, its other new entries wait for the next poll", url)
            break
        try:
            name, data = await fetch.page_upload(
                link, allow_private=policy.allow_private, max_bytes=policy.max_bytes, timeout=_left(deadline)
            )
            change = await archive.add(name, data, Who("feed", source=link))
        except ArchiveAway as error:  # not seen yet: tried again next time
            log.warning("feed entry %s not added yet: %s", link, error)
            continue
        except (UserError, CorpusError) as error:
            log.warning("feed entry %s not added: %s", link, error)
        except Exception:
            log.exception("feed entry %s not added", link)
        else:
            added.append(change.article_id)
        await store.mark_entries(url, [keys[link]])
    return added


def _left(deadline: float) -> float:
    return max(0.1, min(fetch.TIMEOUT_SECONDS, deadline - time.monotonic()))
