"""What each command does: one async handler per command, answering from one corpus snapshot."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from bot import archive_posts, charts, daily_posts, feeds, fetch, uploads
from bot.core.answers import article, daily, help_page, quote, related, status
from bot.core.answers import timeline as timeline_answers
from bot.core.answers.timeline_chart import chart_data
from bot.core.article import CorpusError
from bot.core.corpus import Corpus
from bot.core.replies import Reply, UserError
from bot.core.text import truncate
from bot.loading.files import too_large
from bot.uploads import Upload, safe_name

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
    return quote.quote_reply(corpus, chosen, options, matching=len(pool), restarted=restarted)


async def find_articles(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    return related.related_reply(corpus, invocation.options["text"])


async def quote_daily(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    server = invocation.guild_id or invocation.channel_id  # in a DM, the conversation
    return daily.daily_reply(corpus, server, app.clock().astimezone(dt.UTC).date())


async def show_help(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    entries = [
        (f"Apps → {c.menu}" if c.menu else f"/{c.name}", c.help, () if c.menu else c.examples)
        for c in app.commands.values()
        if c.help
    ]
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


ARCHIVE = "archive"  # beside the articles: removed files go there, never deleted


async def corpus_remove(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    """Move an article's file into the corpus folder's archive/ (recoverable) and reload without it."""
    found = corpus.article(invocation.options["article"])
    if found is None:
        raise UserError(
            f"No article is called “{truncate(invocation.options['article'], 100)}”; pick one from the list."
        )
    if found.path is None or not found.path.is_file():
        raise UserError(f"`{found.id}` has no file of its own to remove.")
    if app.loader is None or app.reload_lock.locked():  # the file moves only when the reload can follow
        raise UserError("The archive cannot be reloaded right now; try again in a moment.")
    archived = await asyncio.to_thread(_archive, found.path)
    log.info("article %s archived as %s", found.id, archived)
    reloaded = await corpus_reload(app, invocation, corpus)
    reloaded.pages[0].title = "Article removed"
    reloaded.pages[
        0
    ].description = (
        f"“{truncate(found.headline, 200)}” is out of the archive; its file is kept as `{ARCHIVE}/{archived.name}`."
    )
    return reloaded


def _archive(path: Path) -> Path:
    """Move a file into archive/ beside it under a name no other archived file has."""
    folder = path.parent / ARCHIVE
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    number = 1
    while target.exists():
        target = folder / f"{path.stem}.{number}{path.suffix}"
        number += 1
    path.rename(target)  # the same file system: atomic, and nothing is copied
    return target


async def corpus_add(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    """Read an uploaded file or a fetched page in the sandbox and show, privately, what it would add; nothing is
    saved yet."""
    url = invocation.options.get("url", "").strip()
    if (invocation.upload is None) == (not url):
        raise UserError("Attach the article file (`.txt`, `.md` or `.html`) to `file:`, or give a page's `url:`.")
    typed_name, data = invocation.upload or await fetch.page_upload(
        url, allow_private=app.fetch_allow_private, max_bytes=app.max_article_bytes
    )
    name = safe_name(typed_name)
    if problem := too_large(len(data), app.max_article_bytes):
        raise UserError(f"I can't add “{truncate(typed_name, 100)}”: {problem}.")
    try:
        extracted = await app.reader.run(name, uploads.read, name, data)  # a page that takes too much fails alone
    except CorpusError as error:
        raise UserError(f"I can't add that file: {error}") from None
    token = app.uploads.hold(Upload(name, data, invocation.user_id))
    return uploads.preview(extracted, name, token)


async def corpus_add_confirm(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    """Save the previewed upload under a free, safe name and reload with it."""
    if app.corpus_dir is None or app.loader is None:
        raise UserError("This bot was started without a corpus folder to add to.")
    if app.reload_lock.locked():
        raise UserError("A reload is running; press **Add it** again in a moment.")
    upload = app.uploads.take(invocation.options.get("upload", ""), invocation.user_id)
    if upload is None:
        raise UserError("That upload has expired or was already handled; run `/corpus add` again.")
    saved = await asyncio.to_thread(uploads.save_new, app.corpus_dir, upload.name, upload.data)
    log.info("article uploaded as %s", saved.name)
    reply = await corpus_reload(app, invocation, corpus)
    reply.ephemeral = True
    reply.pages[0].title = "Article added"
    reply.pages[0].description = f"Saved as `{saved.name}`; the archive now has {len(app.corpus.articles)} articles."
    return reply


async def corpus_add_cancel(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    app.uploads.take(invocation.options.get("upload", ""), invocation.user_id)
    return Reply.notice("Nothing added", "The upload was dropped; the archive is unchanged.")


async def config_daily_quote(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    """Set or stop this server's daily post of the quote of the day."""
    if invocation.guild_id is None:
        raise UserError("The daily quote is posted in a server's channel: run this in a server.")
    options = invocation.options
    if options.get("off") == "true":
        await daily_posts.save(app, invocation.guild_id, None)
        return Reply.notice("Daily quote stopped", "The quote of the day will no longer be posted here.")
    if not options.get("channel") or not options.get("time"):
        raise UserError("Give both `channel:` and `time:` (UTC, e.g. 08:30), or `off: True` to stop.")
    post = daily_posts.DailyPost(int(options["channel"]), daily_posts.parse_time(options["time"]))
    await daily_posts.save(app, invocation.guild_id, post)
    return Reply.notice(
        "Daily quote set", f"The quote of the day will be posted in <#{post.channel_id}> every day at {post.time} UTC."
    )


async def config_new_articles(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    """Set or stop this server's “New in the archive” posts of what the feeds add."""
    if invocation.guild_id is None:
        raise UserError("New articles are posted in a server's channel: run this in a server.")
    if invocation.options.get("off") == "true":
        await archive_posts.save(app, invocation.guild_id, None)
        return Reply.notice("New articles: not posted", "Articles the feeds add will no longer be announced here.")
    if not invocation.options.get("channel"):
        raise UserError("Give a `channel:` to post new articles in, or `off: True` to stop.")
    post = archive_posts.ArchivePost(int(invocation.options["channel"]))
    await archive_posts.save(app, invocation.guild_id, post)
    return Reply.notice(
        "New articles: posted", f"Articles the followed feeds add will be announced in <#{post.channel_id}>."
    )


def _problem(line: str, problem: str | None) -> str:
    return line + (f" — **not posting**: {problem} (set it again to retry)" if problem else "")


async def config_show(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    post = await daily_posts.setting(app, invocation.guild_id) if invocation.guild_id else None
    if post is None:
        line = "not posted (set it with `/config daily-quote`)"
    else:
        line = _problem(f"<#{post.channel_id}> at {post.time} UTC", post.problem)
    new = await archive_posts.setting(app, invocation.guild_id) if invocation.guild_id else None
    added = (
        "not posted (set it with `/config new-articles`)"
        if new is None
        else _problem(f"<#{new.channel_id}>", new.problem)
    )
    return Reply.notice("Settings of this server", f"Daily quote: {line}\nNew articles from feeds: {added}")


async def feed_add(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    url = invocation.options["url"].strip()
    listed = await feeds.follow(app, url)
    return Reply.notice(
        "Feed followed",
        f"Following {url}: its {listed} current entries count as seen; entries it "
        "lists from now on are added when the feeds are next read.",
    )


async def feed_list(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    followed = await feeds.followed(app)
    text = "\n".join(f"• {url}" for url in followed) or "No feed is followed; add one with `/corpus feed add`."
    return Reply.notice("Feeds", text, feeds=followed)


async def feed_remove(app: App, invocation: Invocation, corpus: Corpus) -> Reply:
    url = invocation.options["url"].strip()
    if not await feeds.unfollow(app, url):
        raise UserError(f"{url[:100]} is not followed; `/corpus feed list` shows the feeds.")
    return Reply.notice("Feed removed", f"No longer following {url}; the articles it added stay.")


async def add_from_feeds(app: App, send: daily_posts.Send | None = None) -> list[str]:
    """Read every feed once; when something was added, reload (here and in every process sharing the database)
    and, with `send`, post the new articles in the servers that asked for it (/config new-articles). Nothing
    raised here stops the feed reader: what fails is logged and the articles saved stay for the next reload."""
    added = await feeds.poll(app)
    if added and app.loader is not None and not app.reload_lock.locked():
        try:
            await reload_corpus(app)
            await app.store.announce_reload()
            if send is not None:
                await archive_posts.announce(app, send, [Path(name).stem for name in added])
        except Exception:
            log.exception("feeds added %s, but the reload or the announcement failed", ", ".join(added))
    return added
