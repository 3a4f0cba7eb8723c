"""Each server's own settings: the daily quote and the new-articles post (Manage Server in that server)."""

from __future__ import annotations

from bot.core.corpus import Corpus
from bot.core.replies.reply import Reply, UserError
from bot.invocation import Door, Invocation
from bot.posts import daily_quote, new_articles


async def config_daily_quote(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Set or stop this server's daily post of the quote of the day."""
    if invocation.guild_id is None:
        raise UserError("The daily quote is posted in a server's channel: run this in a server.")
    options = invocation.options
    if options.get("off") == "true":
        await daily_quote.save(app.store, invocation.guild_id, None)
        return Reply.notice("Daily quote stopped", "The quote of the day will no longer be posted here.")
    if not options.get("channel") or not options.get("time"):
        raise UserError("Give both `channel:` and `time:` (UTC, e.g. 08:30), or `off: True` to stop.")
    post = daily_quote.DailyPost(int(options["channel"]), daily_quote.parse_time(options["time"]))
    await daily_quote.save(app.store, invocation.guild_id, post)
    return Reply.notice(
        "Daily quote set", f"The quote of the day will be posted in <#{post.channel_id}> every day at {post.time} UTC."
    )


async def config_new_articles(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    """Set or stop this server's “New in the archive” posts of what the feeds add."""
    if invocation.guild_id is None:
        raise UserError("New articles are posted in a server's channel: run this in a server.")
    if invocation.options.get("off") == "true":
        await new_articles.save(app.store, invocation.guild_id, None)
        return Reply.notice("New articles: not posted", "Articles the feeds add will no longer be announced here.")
    if not invocation.options.get("channel"):
        raise UserError("Give a `channel:` to post new articles in, or `off: True` to stop.")
    post = new_articles.ArchivePost(int(invocation.options["channel"]))
    await new_articles.save(app.store, invocation.guild_id, post)
    return Reply.notice(
        "New articles: posted", f"Articles the followed feeds add will be announced in <#{post.channel_id}>."
    )


def _problem(line: str, problem: str | None) -> str:
    return line + (f" — **not posting**: {problem} (set it again to retry)" if problem else "")


async def config_show(app: Door, invocation: Invocation, corpus: Corpus) -> Reply:
    post = await daily_quote.setting(app.store, invocation.guild_id) if invocation.guild_id else None
    if post is None:
        line = "not posted (set it with `/config daily-quote`)"
    else:
        line = _problem(f"<#{post.channel_id}> at {post.time} UTC", post.problem)
    new = await new_articles.setting(app.store, invocation.guild_id) if invocation.guild_id else None
    added = (
        "not posted (set it with `/config new-articles`)"
        if new is None
        else _problem(f"<#{new.channel_id}>", new.problem)
    )
    return Reply.notice("Settings of this server", f"Daily quote: {line}\nNew articles from feeds: {added}")
