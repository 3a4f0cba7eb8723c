"""“New in the archive”: the articles the followed feeds added, posted in each server's chosen channel."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.core.corpus import Corpus
from bot.core.replies.reply import Page, Reply
from bot.core.text import truncate
from bot.posts.daily_quote import Send
from bot.posts.server_settings import ServerSettings
from bot.stores import Store

log = logging.getLogger(__name__)

MOST_LISTED = 10  # a feed that added more is summed up after these


@dataclass
class ArchivePost:
    """Where a server wants its “New in the archive” posts, and why posting there last failed."""

    channel_id: int
    problem: str | None = None  # cleared when the setting changes


SETTINGS = ServerSettings("new-articles", ArchivePost)  # the "new-articles:" keys of the state database
setting = SETTINGS.get
save = SETTINGS.save


def new_articles_reply(corpus: Corpus, article_ids: list[str]) -> Reply | None:
    """The post: each new article's headline, publication, date and id; None when none is in the corpus."""
    articles = [corpus.articles[i] for i in article_ids if i in corpus.articles]
    if not articles:
        return None
    lines = [
        f"**{truncate(a.headline, 200)}** — {truncate(a.publication or 'unknown publication', 60)} · "
        f"{a.date_label} (`{truncate(a.id, 60)}`)"
        for a in articles[:MOST_LISTED]
    ]
    if len(articles) > MOST_LISTED:
        lines.append(f"… and {len(articles) - MOST_LISTED} more; `/corpus status` counts them all.")
    title = f"New in the archive: {articles[0].headline}" if len(articles) == 1 else "New in the archive"
    page = Page(
        title=truncate(title, 250),
        description="\n".join(lines),
        footer="Added from the feeds this archive follows · /article show to read one",
    )
    return Reply([page], data={"added": [a.id for a in articles]})


async def announce(store: Store, corpus: Corpus, send: Send, article_ids: list[str]) -> list[int]:
    """Post the new articles in every server that asked for it; the servers posted in. A channel the bot
    cannot post in is said once in the log and in /config show, and not tried again until set again."""
    reply = new_articles_reply(corpus, article_ids)
    if reply is None:
        return []
    posted = []
    async for guild_id, post in SETTINGS.each(store):
        if post.problem:
            continue
        try:
            await send(post.channel_id, reply)
            posted.append(guild_id)
        except Exception as error:  # a deleted channel, a missing permission
            post.problem = f"{type(error).__name__}: {str(error)[:200]}"
            log.warning("new articles not posted in server %s channel %s: %s", guild_id, post.channel_id, post.problem)
            await save(store, guild_id, post)
    return posted
