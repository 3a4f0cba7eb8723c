"""The real bot (bot.glue) logged in to the loopback emulator, answering from seeds/ with its own SQLite."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import pytest
from pydantic import SecretStr

from bot.app import App
from bot.archive.living import LivingArchive
from bot.core.corpus import Corpus
from bot.glue.client import create_bot
from bot.settings import Settings
from bot.stores.sqlite import SqliteStore
from tests.conftest import SEEDS
from tests.emulator import DiscordEmulator, Exchange, Person
from tests.emulator.fixtures import emulator  # noqa: F401
from tests.emulator.spec import recorded_problems

START_TIMEOUT = 5.0
BUSY_TASKS = ("CommandTree-invoker", "discord-ui-view-dispatch-")  # discord.py's names for handler tasks


@dataclass
class RunningBot:
    """The bot, its App and the emulator it is talking to."""

    bot: discord.Client
    app: App
    emulator: DiscordEmulator
    runner: asyncio.Task

    async def ask(
        self, command: str, options: dict[str, Any] | None = None, user: Person | None = None
    ) -> tuple[Exchange, dict[str, Any]]:
        """Invoke a slash command and return its exchange and the message body the user sees."""
        exchange = await self.emulator.invoke(command, options, user)
        return exchange, await exchange.reply()


def settings_for(loopback: DiscordEmulator, database: Path, guild: bool = True) -> Settings:
    # model_construct: these values and the defaults, nothing read from the environment, .env or settings.toml
    return Settings.model_construct(
        token=SecretStr("emulated-token"),
        api_base_url=loopback.api_url,
        gateway_url=loopback.gateway_url,
        corpus_dir=SEEDS,
        database=database,
        guild_id=loopback.guild_id if guild else None,
    )


async def start_bot(loopback: DiscordEmulator, settings: Settings, corpus: Corpus | None = None) -> RunningBot:
    """Start the bot in a task and return once it has synced (or skipped syncing) and joined the gateway: over
    `corpus` when given, else over the living archive of settings.corpus_dir (which it never writes to)."""
    store = await SqliteStore.open(settings.database)
    archive = None
    if corpus is None:
        archive = LivingArchive(settings.corpus_dir, store, max_bytes=settings.max_article_bytes)
        await archive.open()
    app = App(
        corpus,
        store,
        archive=archive,
        max_article_bytes=settings.max_article_bytes,
        fetch_allow_private=settings.fetch_allow_private,
        admin_guild_ids=settings.admin_guild_ids,
    )
    bot = create_bot(settings, app)
    runner = asyncio.create_task(bot.start(settings.token.get_secret_value()), name="bot under test")

    async def ready() -> None:
        await bot.synced.wait()  # type: ignore[attr-defined]
        await loopback.gateway.wait_connected(START_TIMEOUT)

    waiting = asyncio.create_task(ready())
    done, _ = await asyncio.wait({runner, waiting}, timeout=START_TIMEOUT, return_when=asyncio.FIRST_COMPLETED)
    if waiting not in done:
        waiting.cancel()
        await stop_bot(RunningBot(bot, app, loopback, runner))
        state = runner if runner.done() else "still starting"
        raise AssertionError(f"bot not ready within {START_TIMEOUT}s: {state}")
    return RunningBot(bot, app, loopback, runner)


async def settle(timeout: float = START_TIMEOUT) -> None:
    """Wait until the bot has finished every interaction it was handed, so closing does not cut one short."""
    async with asyncio.timeout(timeout):
        while busy := [t for t in asyncio.all_tasks() if not t.done() and t.get_name().startswith(BUSY_TASKS)]:
            await asyncio.wait(busy)


async def stop_bot(running: RunningBot) -> None:
    """Close the bot as the entry point does, then the store; the runner must end without an error."""
    await settle()
    await running.bot.close()
    await asyncio.wait_for(asyncio.gather(running.runner, return_exceptions=True), START_TIMEOUT)
    await running.app.store.close()
    if running.runner.done() and not running.runner.cancelled() and running.runner.exception():
        raise running.runner.exception()


def task_code(task: asyncio.Task) -> tuple[str, str]:
    code = getattr(task.get_coro(), "cr_code", None)
    return getattr(code, "co_qualname", ""), getattr(code, "co_filename", "")


def leftover_tasks() -> list[asyncio.Task]:
    """Tasks still running code of discord.py or of the bot (the emulator's own server tasks excepted).

    discord.py's `_delay_ready` (waiting guild_ready_timeout for more GUILD_CREATEs) is not cancelled by
    `Client.close()` and ends by itself; it is discord.py's, not a leak of the bot: cancelled here."""
    left = []
    for task in asyncio.all_tasks():
        if task is asyncio.current_task() or task.done():
            continue
        qualname, filename = task_code(task)
        if qualname == "ConnectionState._delay_ready":
            task.cancel()
        elif "/discord/" in filename or "/bot/" in filename:
            left.append(task)
    return left


def is_view_timer(task: asyncio.Task) -> bool:
    return task_code(task)[0] == "BaseView.__timeout_task_impl"


@pytest.fixture
async def running_bot(
    emulator: DiscordEmulator,  # noqa: F811
    tmp_path: Path,
    corpus: Corpus,
    caplog: pytest.LogCaptureFixture,
) -> AsyncIterator[RunningBot]:
    """The real bot against the emulator; afterwards: clean shutdown, no leaked tasks, no logged errors, and
    every request it sent within Discord's limits and (when ../shared is present) its OpenAPI schemas."""
    caplog.set_level(logging.INFO)
    with emulator.patched_discord():  # restores discord.py's class attributes the glue points at us
        running = await start_bot(emulator, settings_for(emulator, tmp_path / "bot.sqlite3"), corpus)
        try:
            yield running
        finally:
            await stop_bot(running)
    await asyncio.sleep(0)  # let cancelled tasks finish cancelling
    left = leftover_tasks()
    for timer in filter(is_view_timer, left):  # known: see test_lifecycle's view-timer test
        timer.cancel()
    assert [task for task in left if not is_view_timer(task)] == []
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
    assert recorded_problems(emulator.requests) == []
