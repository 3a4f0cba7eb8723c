"""The archive's own commands: status, add (after a private preview), remove, restore, history, reload, feeds."""

from __future__ import annotations

import logging

from bot.archive.changes import Who
from bot.archive.files import digest_of, too_large
from bot.archive.intake import feeds, fetch, uploads
from bot.archive.intake.fetch import FetchPolicy
from bot.archive.intake.uploads import Upload, safe_name
from bot.archive.living import LivingArchive
from bot.core.answers import archive as archive_answers
from bot.core.article import CorpusError
from bot.core.corpus import Corpus
from bot.core.replies.markdown import echo
from bot.core.replies.reply import Reply, UserError
from bot.core.text import truncate
from bot.invocation import Door, Invocation
from bot.posts import new_articles
from bot.posts.daily_quote import Send

log = logging.getLogger(__name__)
HISTORY_SHOWN = 200  # changes /corpus history pages through, newest first


def _archive(app: Door) -> LivingArchive:
    if app.archive is None:
        raise UserError("This bot was started without an archive to change.")
    return app.archive


def _who(invocation: Invocation, via: str, source: str = "") -> Who:
    """Who is changing the archive: the Discord user (and server), or the console's operator."""
    if invocation.console:
        return Who("cli", source=source)
    return Who(via, invocation.user_id or None, invocation.guild_id, source)


def policy(app: Door) -> FetchPolicy:
    return FetchPolicy(app.max_article_bytes, app.fetch_allow_private)


async def corpus_status(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    return archive_answers.status_reply(corpus, app.loaded_at)


async def corpus_reload(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Read the folder (and the stored articles) again, here and in every process sharing the database."""
    fresh = await _archive(app).reload()
    await app.store.announce_reload()
    return archive_answers.status_reply(fresh, app.loaded_at, title="Archive reloaded")


async def corpus_add(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Read an uploaded file or a fetched page in the sandbox and show, privately, what it would add; nothing is
    stored yet."""
    archive = _archive(app)
    url = invocation.options.get("url", "").strip()
    if (invocation.upload is None) == (not url):
        raise UserError("Attach the article file (`.txt`, `.md` or `.html`) to `file:`, or give a page's `url:`.")
    typed_name, data = invocation.upload or await fetch.page_upload(
        url, allow_private=app.fetch_allow_private, max_bytes=app.max_article_bytes
    )
    name = safe_name(typed_name)
    if problem := too_large(len(data), app.max_article_bytes):
        raise UserError(f"I can't add {echo(typed_name, 100)}: {problem}.")
    if (existing := archive.digests.get(digest_of(data))) is not None:
        raise UserError(f"{echo(typed_name, 100)} is in the archive already, as `{existing}`.")
    try:
        extracted = await app.reader.run(name, uploads.read, name, data)  # a page that takes too much fails alone
    except CorpusError as error:
        raise UserError(f"I can't add that file: {error}") from None
    held = Upload(name, data, invocation.user_id, "url" if url else "upload", url or typed_name, typed_name)
    token = app.uploads.hold(held)
    return uploads.preview(extracted, name, token)


async def corpus_add_confirm(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Store the previewed article, with who added it, and apply it in every process."""
    archive = _archive(app)
    upload = app.uploads.take(invocation.options.get("upload", ""), invocation.user_id)
    if upload is None:
        raise UserError("That upload has expired or was already handled; run `/corpus add` again.")
    change = await archive.add(upload.original or upload.name, upload.data, _who(invocation, upload.via, upload.source))
    log.info("article %s added (%s) by %s", change.article_id, change.via, change.by_user or "the command line")
    return Reply.notice(
        "Article added",
        f"“{truncate(change.headline, 200)}” is in the archive as `{change.article_id}`; "
        f"it now has {len(archive.corpus.articles)} articles.",
        article_id=change.article_id,
        seq=change.seq,
    )


async def corpus_add_cancel(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    app.uploads.take(invocation.options.get("upload", ""), invocation.user_id)
    return Reply.notice("Nothing added", "The upload was dropped; the archive is unchanged.")


async def corpus_remove(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Take an article out of the archive (nothing is deleted: /corpus restore brings it back)."""
    archive = _archive(app)
    found = corpus.article(invocation.options["article"])
    if found is None:
        typed = invocation.options["article"]
        if typed.strip() in archive.removed:
            raise UserError(f"`{typed.strip()}` is removed already; `/corpus restore` brings it back.")
        raise UserError(f"No article is called {echo(typed, 100)}; pick one from the list.")
    change = await archive.remove(found.id, _who(invocation, "discord"))
    return Reply.notice(
        "Article removed",
        f"“{truncate(found.headline, 200)}” (`{found.id}`) is out of the archive; "
        f"`/corpus restore article: {found.id}` brings it back.",
        article_id=found.id,
        seq=change.seq,
    )


async def corpus_restore(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Bring a removed article back."""
    archive = _archive(app)
    typed = invocation.options["article"].strip()
    removed = {article_id: change.headline for article_id, change in archive.removed.items()}
    article_id = archive_answers.find_removed(removed, typed)
    if article_id is None:
        if corpus.article(typed) is not None:
            raise UserError(f"{echo(typed, 100)} is in the archive: it was never removed.")
        raise UserError(f"No removed article is called {echo(typed, 100)}; pick one from the list.")
    change = await archive.restore(article_id, _who(invocation, "discord"))
    return Reply.notice(
        "Article restored",
        f"“{truncate(change.headline, 200)}” (`{article_id}`) is back in the archive.",
        article_id=article_id,
        seq=change.seq,
    )


async def corpus_history(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Every change to the archive, newest first, paged."""
    changes = await _archive(app).history(HISTORY_SHOWN)
    return archive_answers.history_reply([archive_answers.Entry(**vars(change)) for change in changes])


async def feed_add(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    url = invocation.options["url"].strip()
    listed = await feeds.follow(app.store, policy(app), app.reader, url)
    return Reply.notice(
        "Feed followed",
        f"Following {url}: its {listed} current entries count as seen; entries it "
        "lists from now on are added when the feeds are next read.",
    )


async def feed_list(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    followed = await feeds.followed(app.store)
    text = "\n".join(f"• {url}" for url in followed) or "No feed is followed; add one with `/corpus feed add`."
    return Reply.notice("Feeds", text, feeds=followed)


async def feed_remove(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    url = invocation.options["url"].strip()
    if not await feeds.unfollow(app.store, url):
        raise UserError(f"{echo(url, 100)} is not followed; `/corpus feed list` shows the feeds.")
    return Reply.notice("Feed removed", f"No longer following {url}; the articles it added stay.")


async def add_from_feeds(app: Door, send: Send | None = None) -> list[str]:
    """Read every feed once, store what is new (every process applies it), and, with `send`, post the new
    articles in the servers that asked for it (/config new-articles); the ids added."""
    if app.archive is None:
        return []
    added = await feeds.poll(app.store, app.archive, policy(app), app.reader)
    if added and send is not None:
        try:  # nothing raised here stops the feed reader: the articles are stored; only the post is lost
            await new_articles.announce(app.store, app.corpus, send, added)
        except Exception:
            log.exception("feeds added %s, but announcing them failed", ", ".join(added))
    return added
