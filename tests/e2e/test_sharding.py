"""Scale-out: the bot over two shards, in one process (AutoShardedBot) and split across two processes."""

from __future__ import annotations

import asyncio

import regex

from bot.app import App
from bot.core.corpus import Corpus
from bot.glue.client import ShardedArchiveBot, create_bot
from bot.stores.sqlite import SqliteStore
from tests.e2e.conftest import START_TIMEOUT, settings_for, settle
from tests.emulator import DiscordEmulator
from tests.emulator.gateway import shard_of
from tests.emulator.process import BotProcess
from tests.emulator.spec import recorded_problems

KHARKIV_HEADLINE = "Vladimir Putin’s war is failing. The West should help it fail faster"
SHARDS = 2


async def guilds_on_both_shards(emulator: DiscordEmulator) -> dict[int, int]:
    """shard id → a guild it owns: the emulator's own guild and one added on the other shard."""
    first = emulator.guild_id
    # ids one millisecond apart differ by 1 << 22, so they land on neighbouring shards
    second, _ = await emulator.add_guild(first + (1 << 22), channels=2)
    return {shard_of(g, SHARDS): g for g in (first, second)}


async def no_identify_wait(shard_id, *, initial=False) -> None:
    """discord.py spaces IDENTIFYs 5 s apart for Discord's identify limit; the emulator has none."""


async def test_one_process_runs_both_shards_and_each_answers_for_its_own_guilds(emulator, tmp_path, corpus: Corpus):
    owners = await guilds_on_both_shards(emulator)
    assert sorted(owners) == [0, 1]
    settings = settings_for(emulator, tmp_path / "bot.sqlite3", guild=False).model_copy(
        update={"shard_count": SHARDS, "shard_ids": (0, 1)}
    )
    with emulator.patched_discord():
        bot = create_bot(settings, App(corpus, await SqliteStore.open(settings.database)))
        assert isinstance(bot, ShardedArchiveBot)
        bot.before_identify_hook = no_identify_wait
        runner = asyncio.create_task(bot.start(settings.token.get_secret_value()))
        try:
            await emulator.gateway.wait_connected(START_TIMEOUT, shards=SHARDS)
            await asyncio.wait_for(bot.wait_until_ready(), START_TIMEOUT)
            replies = {}
            for shard, guild in owners.items():
                exchange = await emulator.invoke("article search", {"query": "kharkiv"}, guild_id=guild)
                replies[shard] = (exchange, await exchange.reply())
            bot_guild_shards = {g: bot.get_guild(g).shard_id for g in owners.values()}
            await settle()
        finally:
            await bot.close()
            await asyncio.wait_for(runner, START_TIMEOUT)
            await bot.app.store.close()
    identifies = sorted(m["d"]["shard"] for m in emulator.gateway.received if m["op"] == 2)
    assert identifies == [[0, SHARDS], [1, SHARDS]]
    sessions = emulator.gateway.sessions
    for shard, guild in owners.items():
        assert sessions[shard].guild_ids == [guild]  # GUILD_CREATE went to the owning shard only
        assert sessions[shard].events.count("INTERACTION_CREATE") == 1
        assert bot_guild_shards[guild] == shard
        exchange, reply = replies[shard]
        assert reply["embeds"][0]["title"] == KHARKIV_HEADLINE
        assert emulator.message(exchange.original_message_id)["guild_id"] == str(guild)
    assert recorded_problems(emulator.requests) == []


async def test_two_processes_split_the_shards_and_each_answers_only_its_guilds(emulator, tmp_path):
    owners = await guilds_on_both_shards(emulator)
    processes = []
    try:
        for shard in range(SHARDS):
            workdir = tmp_path / f"shard-{shard}"
            workdir.mkdir()
            process = BotProcess(
                emulator,
                "sharded-token",
                workdir,
                DISCORD_GUILD_ID="",
                DISCORD_SHARD_COUNT=str(SHARDS),
                DISCORD_SHARD_IDS=str(shard),
            )
            processes.append(await process.start())
            await process.ready(shards=shard + 1)
        answered = {}
        for shard, guild in owners.items():
            exchange = await emulator.invoke(
                "timeline", {"date": "2022"}, guild_id=guild, channel_id=emulator.guilds[guild][-1]
            )
            answered[shard] = await exchange.reply(timeout=10)
        codes = [await process.terminate(timeout=10) for process in processes]
    finally:
        for process in processes:
            await process.kill()
    assert codes == [0] * SHARDS
    for shard, guild in owners.items():
        assert answered[shard]["embeds"][0]["title"].startswith("Timeline")
        served = regex.findall(r"served /timeline guild=(\d+)", processes[shard].logs())
        assert served == [str(guild)]  # answered by the process that runs its shard, and by no other
    identifies = sorted(m["d"]["shard"] for m in emulator.gateway.received if m["op"] == 2)
    assert identifies == [[0, SHARDS], [1, SHARDS]]
