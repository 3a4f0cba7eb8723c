"""The quote of the day posted by itself: per-server settings in the store, one post per server per UTC day."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core.answers.daily import daily_reply
from bot.core.corpus import Corpus
from bot.core.replies.reply import Reply, UserError
from bot.posts.server_settings import ServerSettings
from bot.stores import Store

log = logging.getLogger(__name__)

_TIME = re.compile(r"^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*(?:utc)?\s*$", re.I)

Send = Callable[[int, Reply], Awaitable[None]]  # post a reply in a channel; raises when it cannot


@dataclass
class DailyPost:
    """A server's daily-quote setting, and what became of the last post."""

    channel_id: int
    time: str  # "HH:MM", UTC
    problem: str | None = None  # why posting failed; cleared when the setting changes


SETTINGS = ServerSettings("daily-quote", DailyPost)  # the "daily-quote:" keys of the state database
setting = SETTINGS.get
save = SETTINGS.save


def parse_time(typed: str) -> str:
    match = _TIME.match(typed or "")
    if match is None:
        raise UserError(f"`time:` is a UTC time like 08:30, not “{(typed or '')[:40]}”.")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


async def post_due(store: Store, corpus: Corpus, send: Send, now: dt.datetime) -> list[int]:
    """Post today's quotation in every server whose time has come and that has no post today; the servers
    posted in. The store lets one process post a server's day once, across restarts and processes."""
    now = now.astimezone(dt.UTC)
    today = now.date()
    posted = []
    async for guild_id, post in SETTINGS.each(store):
        if post.problem or now.strftime("%H:%M") < post.time:
            continue

        async def deliver(guild_id: int = guild_id, post: DailyPost = post) -> None:
            await send(post.channel_id, daily_reply(corpus, guild_id, today))

        try:
            if await store.run_once_per_change(f"daily-quote:posted:{guild_id}", today.isoformat(), deliver):
                posted.append(guild_id)
        except Exception as error:  # a deleted channel, a missing permission: said once, not retried each minute
            post.problem = f"{type(error).__name__}: {str(error)[:200]}"
            log.warning(
                "daily quote for server %s not posted in channel %s: %s", guild_id, post.channel_id, post.problem
            )
            await save(store, guild_id, post)
    return posted
