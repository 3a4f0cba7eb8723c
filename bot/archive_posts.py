"""“New in the archive”: the articles the followed feeds added, posted in each server's chosen channel."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from bot.core.corpus import Corpus
from bot.core.replies import Page, Reply
from bot.core.text import truncate
from bot.daily_posts import Send

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

SERVERS = "new-articles:servers"  # the ids of the servers that want the post, as a JSON list
MOST_LISTED = 10  # a feed that added more is summed up after these


@dataclass
class ArchivePost:
    """Where a server wants its “New in the archive” posts, and why posting there last failed."""

    channel_id: int
    problem: str | None = None  # cleared when the setting changes


async def setting(app: App, guild_id: int) -> ArchivePost | None:
    raw = await app.store.get_meta(f"new-articles:{guild_id}")
    return ArchivePost(**json.loads(raw)) if raw else None


async def save(app: App, guild_id: int, post: ArchivePost | None) -> None:
    """Set (or with None, stop) a server's posts of new articles; the list of servers follows."""
    servers = set(json.loads(await app.store.get_meta(SERVERS) or "[]"))
    if post is None:
        servers.discard(guild_id)
        await app.store.set_meta(f"new-articles:{guild_id}", "")
    else:
        servers.add(guild_id)
        await app.store.set_meta(f"new-articles:{guild_id}", json.dumps(asdict(post)))
    await app.store.set_meta(SERVERS, json.dumps(sorted(servers)))


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


async def announce(app: App, send: Send, article_ids: list[str]) -> list[int]:
    """Post the new articles in every server that asked for it; the servers posted in. A channel the bot
    cannot post in is said once in the log and in /config show, and not tried again until set again."""
    reply = new_articles_reply(app.corpus, article_ids)
    if reply is None:
        return []
    posted = []
    for guild_id in json.loads(await app.store.get_meta(SERVERS) or "[]"):
        post = await setting(app, guild_id)
        if post is None or post.problem:
            continue
        try:
            await send(post.channel_id, reply)
            posted.append(guild_id)
        except Exception as error:  # a deleted channel, a missing permission
            post.problem = f"{type(error).__name__}: {str(error)[:200]}"
            log.warning("new articles not posted in server %s channel %s: %s", guild_id, post.channel_id, post.problem)
            await save(app, guild_id, post)
    return posted
