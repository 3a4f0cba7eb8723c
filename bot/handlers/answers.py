"""The answers: search, articles, quotations, timelines and help, each from one corpus snapshot."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging

from bot import charts
from bot.core.answers import article, browse, daily, help_page, quote, related
from bot.core.answers import quote_search as quotes_by_words
from bot.core.answers import timeline as timeline_answers
from bot.core.answers.timeline_chart import chart_data
from bot.core.corpus import Corpus
from bot.core.replies.reply import Reply
from bot.invocation import Door, Invocation

log = logging.getLogger(__name__)
CLAIM_ATTEMPTS = 5  # picks per /quote random while other processes claim the same channel's quotes


async def article_search(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    return article.search_reply(corpus, **invocation.options)


async def article_show(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    return article.show_reply(corpus, invocation.options["article"])


async def article_list(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    return browse.list_reply(corpus, **invocation.options)


async def quote_search(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    return quotes_by_words.search_reply(corpus, **invocation.options)


async def timeline(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    options = dict(invocation.options)
    chart = options.pop("chart", "false") == "true"
    reply = timeline_answers.timeline_reply(corpus, **options)
    if chart and not reply.ephemeral:
        drawn = chart_data(reply.data["events"], reply.data["period"], reply.pages[0].title)
        reply.files[charts.FILENAME] = await asyncio.to_thread(charts.render, drawn)  # off the event loop
        for page in reply.pages:
            page.image = f"attachment://{charts.FILENAME}"
        reply.data["chart"] = dataclasses.asdict(drawn)
    return reply


async def quote_random(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
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
    seen = 1 if restarted else len(shown & {q.id for q in pool}) + 1
    return quote.quote_reply(corpus, chosen, options, matching=len(pool), restarted=restarted, shown=seen)


async def find_articles(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    return related.related_reply(corpus, invocation.options["text"])


async def quote_daily(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    server = invocation.guild_id or invocation.channel_id  # in a DM, the conversation
    return daily.daily_reply(corpus, server, app.clock().astimezone(dt.UTC).date())


async def show_help(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    if invocation.options.get("command", "").strip():  # one command (or group) in full
        topics = [
            help_page.Topic(
                c.name,
                c.help or c.description,
                tuple((o.name, o.description, o.required) for o in c.options),
                c.examples,
                c.menu,
            )
            for c in app.commands.values()
            if not c.internal
        ]
        return help_page.command_reply(invocation.options["command"], topics)
    entries = [
        (f"Apps → {c.menu}" if c.menu else f"/{c.name}", c.help, () if c.menu else c.examples)
        for c in app.commands.values()
        if c.help
    ]
    return help_page.help_reply(len(corpus.articles), entries)
