"""The discord.py bot: extensions, command sync, start-up and a clean shutdown on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import signal
from collections.abc import Awaitable, Callable

import aiohttp
import discord
import yarl
from discord.ext import commands, tasks

from bot.app import App
from bot.archive.living import LivingArchive
from bot.commands import TABLE
from bot.core.replies.layout import layout
from bot.core.replies.reply import Reply
from bot.glue.commands import app_commands_from
from bot.glue.replies import LIVE_VIEWS, embed_for
from bot.glue.tree import ArchiveTree
from bot.handlers.archive import add_from_feeds
from bot.posts.daily_quote import post_due
from bot.settings import Settings
from bot.stores import Store

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 5.0  # platforms kill a process ~10 s after SIGTERM


def point_at(settings: Settings) -> None:
    """Send REST and gateway traffic where the settings say (Discord, a proxy, or a loopback emulator)."""
    discord.http.Route.BASE = settings.api_base_url
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


class ArchiveMixin:
    """A slash-command-only bot that answers from an App (shared by the plain and the sharded client)."""

    def __init__(self, settings: Settings, app: App, **options) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents(guilds=True),
            tree_cls=ArchiveTree,
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.settings = settings
        self.app = app
        self.synced = asyncio.Event()
        self.feed_reader: tasks.Loop | None = None

    async def setup_hook(self) -> None:
        for command in app_commands_from(TABLE):
            self.tree.add_command(command)
        await self.sync_commands()
        self.daily_posts.start()
        if self.settings.feed_minutes > 0:
            self.feed_reader = tasks.loop(minutes=self.settings.feed_minutes)(self.read_feeds)
            self.feed_reader.start()

    async def read_feeds(self) -> None:
        """Every BOT_FEED_MINUTES: the followed feeds' new entries added to the archive. Nothing raised here
        may end the loop (discord.py would not run it again until a restart): logged, and read again next time."""
        try:
            added = await add_from_feeds(self.app, self.post_reply)
        except Exception:
            log.exception("reading the feeds failed; they are read again in %d minutes", self.settings.feed_minutes)
            return
        if added:
            log.info("added from feeds: %s", ", ".join(added))

    @tasks.loop(minutes=1)
    async def daily_posts(self) -> None:
        """Each minute: the quote of the day, in every server whose posting time has come (an error is logged
        and the loop goes on: the next minute tries again)."""
        try:
            await post_due(self.app.store, self.app.corpus, self.post_reply, self.app.clock())
        except Exception:
            log.exception("daily quotes not posted this minute")

    async def post_reply(self, channel_id: int, reply: Reply) -> None:
        """A reply sent as a message of the bot's own in a channel (not an answer to anyone)."""
        channel = self.get_partial_messageable(channel_id)
        await channel.send(embed=embed_for(layout(reply)), allowed_mentions=discord.AllowedMentions.none())

    async def sync_commands(self) -> None:
        """Sync to the dev guild at once, else globally; only when the command set changed (200 creates/day)."""
        guild = discord.Object(self.settings.guild_id) if self.settings.guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        payload = [command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
        key = f"commands:{guild.id if guild else 'global'}"

        async def sync() -> None:
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d slash commands %s", len(synced), f"to guild {guild.id}" if guild else "globally")

        # one process syncs a changed set; the others (other shards, other hosts on the same database) skip
        if not await self.app.store.run_once_per_change(key, digest, sync):
            log.info("slash commands unchanged; not syncing")
        self.synced.set()

    async def close(self) -> None:
        self.daily_posts.cancel()
        if self.feed_reader is not None:
            self.feed_reader.cancel()
        for view in list(LIVE_VIEWS):
            view.stop()  # their timeout timers would otherwise outlive the client
        await super().close()

    async def on_ready(self) -> None:
        log.info("logged in as %s (%s) in %d servers", self.user, getattr(self.user, "id", "?"), len(self.guilds))


class ArchiveBot(ArchiveMixin, commands.Bot):
    """One process, one gateway connection."""


class ShardedArchiveBot(ArchiveMixin, commands.AutoShardedBot):
    """One process running the shards DISCORD_SHARD_IDS of DISCORD_SHARD_COUNT."""


def create_bot(settings: Settings, app: App) -> ArchiveBot | ShardedArchiveBot:
    point_at(settings)
    if settings.shard_count:
        return ShardedArchiveBot(
            settings,
            app,
            shard_count=settings.shard_count,
            shard_ids=list(settings.shard_ids) if settings.shard_ids else None,
        )
    return ArchiveBot(settings, app)


async def serve(settings: Settings) -> int:
    """Open the store and the archive, run until the gateway closes or a signal asks us to stop."""
    from bot.archive.session import session
    from bot.core.article import CorpusError
    from bot.stores import DatabaseSettingError

    try:
        async with session(settings, index=True) as opened:
            log.info("state in %s", opened.store.describe())
            return await _serve(settings, opened.store, opened.archive)
    except (DatabaseSettingError, CorpusError) as error:  # a setting to fix: one line, and the process ends
        log.error("%s", error)
        return 2


async def _serve(settings: Settings, store: Store, archive: LivingArchive) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    app = App(
        None,
        store,
        archive=archive,
        fetch_allow_private=settings.fetch_allow_private,
        max_article_bytes=settings.max_article_bytes,
        admin_guild_ids=settings.admin_guild_ids,
    )
    log.info("the archive is changed by %s", app.admins())
    app.reader.start()  # the page reader's imports take a second: done before the first upload, link or feed
    await store.listen_reloads(archive.reload)  # a /corpus reload served by another process
    await store.listen_changes(_nudger(archive))  # a change another process made: applied here at once
    following = asyncio.create_task(archive.follow(settings.archive_poll_seconds))
    bot = create_bot(settings, app)
    status = 0
    try:
        async with bot:
            # the only place the token is unwrapped: everywhere else it shows as stars
            runner = asyncio.create_task(bot.start(settings.token.get_secret_value()))
            stopper = asyncio.create_task(stop.wait())
            done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if runner in done and runner.exception() is not None:
                raise runner.exception()
            log.info("shutting down: finishing %d answers in progress", app.in_flight)
            await app.drain(timeout=SHUTDOWN_GRACE_SECONDS)
            await bot.close()
            stopper.cancel()
            await asyncio.gather(runner, return_exceptions=True)
    except discord.LoginFailure:
        log.error("login failed: Discord rejected the token (check DISCORD_TOKEN)")
        status = 1
    except (aiohttp.ClientConnectionError, discord.GatewayNotFound, OSError) as error:
        # DNS, a refused connection, no network: a setup problem, told in one line, not a traceback
        log.error(
            "cannot reach Discord at %s: %s (check the network, or DISCORD_API_BASE_URL)", settings.api_base_url, error
        )
        status = 1
    finally:
        following.cancel()
        await asyncio.gather(following, return_exceptions=True)
        app.reader.close()  # a page still being read ends here, not after its time limit
        log.info("database closed")
    return status


def _nudger(archive: LivingArchive) -> Callable[[], Awaitable[None]]:
    async def nudge() -> None:
        archive.nudge()

    return nudge


def run(settings: Settings) -> int:
    if not logging.getLogger().handlers:  # `python -m bot` has set up logging already: not every line twice
        discord.utils.setup_logging(level=getattr(logging, settings.log_level, logging.INFO), root=True)
    return asyncio.run(serve(settings))
