"""What each command does: one async handler per command, answering from one corpus snapshot."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import TYPE_CHECKING

from bot.core.answers import article, help_page, quote, status
from bot.core.answers import timeline as timeline_answers
from bot.core.corpus import Corpus
from bot.core.replies import Reply, UserError

if TYPE_CHECKING:
    from bot.app import App
    from bot.commands import Invocation

log = logging.getLogger(__name__)
CLAIM_ATTEMPTS = 5  # picks per /quote random while other processes claim the same channel's quotes


async def article_search(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    return article.search_reply(corpus, **invocation.options)


async def article_show(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    return article.show_reply(corpus, invocation.options["article"])


async def timeline(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    return timeline_answers.timeline_reply(corpus, **invocation.options)


async def quote_random(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    """A quotation this channel has not seen under these filters, until it has seen them all."""
    options = invocation.options
    pool = quote.candidates(corpus, options.get("speaker"), options.get("article"), options.get("topic"))
    if not pool:
        return quote.no_quote_reply(corpus, options.get("speaker"), options.get("article"), options.get("topic"))
    filter_key = quote.filter_key(corpus, options)
    shown = await app.store.shown_quotes(invocation.channel_id, filter_key)
    last = await app.store.last_shown(invocation.channel_id, filter_key) if len(shown) >= len(pool) else None
    for _ in range(CLAIM_ATTEMPTS):
        chosen, restarted = quote.pick(pool, shown, app.rng, last)
        if await app.store.mark_shown(invocation.channel_id, filter_key, chosen.id, restart=restarted):
            break
        shown = shown | {chosen.id}  # another process sharing the state showed it first: pick again
    return quote.quote_reply(corpus, chosen, options)


async def show_help(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    entries = [(f"/{c.name}", c.help, c.examples) for c in app.commands.values() if c.help]
    return help_page.help_reply(len(corpus.articles), entries)


async def corpus_status(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    return status.status_reply(corpus, app.reloaded_at)


async def corpus_reload(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    """Build a fresh corpus off the event loop and swap it in whole, one reload at a time."""
    if app.loader is None:
        raise UserError("This bot was started without a corpus folder to reload from.")
    if app.reload_lock.locked():
        raise UserError("A reload is already running; try /corpus status in a moment.")
    fresh = await reload_corpus(app)
    await app.store.announce_reload()  # every other process sharing the database reloads too
    return status.status_reply(fresh, app.reloaded_at, title="Corpus reloaded")


async def reload_corpus(app: App) -> Corpus:
    """Build a fresh corpus off the event loop and swap it in whole (also when another process announced one)."""
    async with app.reload_lock:
        fresh = await asyncio.to_thread(app.loader)
        app.corpus, app.reloaded_at = fresh, dt.datetime.now(dt.UTC)
    log.info("corpus reloaded: %d articles", len(fresh.articles))
    return fresh
