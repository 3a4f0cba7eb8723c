"""Two bot processes (shards 0 and 1) on one PostgreSQL database, through the loopback emulator: exactly one
syncs the commands, a channel's quote cycle continues across a restart on a fresh disk without repeats, and
the database cut away mid-run loses no interaction: the state written meanwhile reaches it once it is back."""

from __future__ import annotations

import asyncio

import asyncpg
import regex

from tests.e2e.test_sharding import SHARDS, guilds_on_both_shards
from tests.emulator.process import BotProcess
from tests.stores.backends import postgres_url
from tests.stores.cable import cable_to

__all__ = ["postgres_url"]


def shard_process(emulator, workdir, url: str, shard: int) -> BotProcess:
    workdir.mkdir()
    return BotProcess(
        emulator,
        "sharded-token",
        workdir,  # a fresh folder each time: the local file holds only the cache, as on an ephemeral disk
        DISCORD_GUILD_ID="",
        DISCORD_SHARD_COUNT=str(SHARDS),
        DISCORD_SHARD_IDS=str(shard),
        BOT_COOLDOWN_USES="0",
        DATABASE_URL=url,
    )


async def quote_ids(emulator, guild: int, channel: int, times: int) -> list[str]:
    ids = []
    for _ in range(times):
        exchange = await emulator.invoke("quote random", guild_id=guild, channel_id=channel)
        reply = await exchange.reply(timeout=10)
        card = reply["embeds"][0]
        ids.append(f"{card['title']}\n{card.get('description', '')}")  # the quotation: cards show no id
    return ids


async def test_two_processes_share_one_database(emulator, tmp_path, postgres_url: str) -> None:
    owners = await guilds_on_both_shards(emulator)
    guild = owners[0]
    channel = emulator.guilds[guild][-1]
    processes = [shard_process(emulator, tmp_path / f"shard-{s}", postgres_url, s) for s in range(SHARDS)]
    try:
        for process in processes:  # started together: they migrate and sync under the database's locks
            await process.start()
        for process in processes:
            await process.ready(shards=SHARDS)
        before = await quote_ids(emulator, guild, channel, 3)
        assert await processes[0].terminate(timeout=10) == 0
        processes[0] = await shard_process(emulator, tmp_path / "shard-0-again", postgres_url, 0).start()
        await processes[0].ready(shards=SHARDS)
        after = await quote_ids(emulator, guild, channel, 3)
        codes = [await process.terminate(timeout=10) for process in processes]
    finally:
        for process in processes:
            await process.kill()
    assert codes == [0] * SHARDS
    assert len(set(before + after)) == 6  # the cycle went on after the restart: no quote twice
    logs = "".join(process.logs() for process in processes)
    first_logs = (tmp_path / "shard-0" / "bot.log").read_text() + (tmp_path / "shard-1" / "bot.log").read_text()
    assert len(regex.findall(r"synced \d+ slash commands", first_logs)) == 1  # one of the two synced
    assert "slash commands unchanged; not syncing" in first_logs
    assert "postgresql://" in logs and ":***@" in logs and "Traceback" not in logs


async def quote_history(url: str, channel: int) -> tuple[set[str], int]:
    """The quote ids the database holds for `channel`, and its count of /quote random uses."""
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch("SELECT quote_id FROM quote_history WHERE channel_id = $1", channel)
        uses = await connection.fetchval("SELECT COALESCE(SUM(uses), 0) FROM usage WHERE command = 'quote random'")
    finally:
        await connection.close()
    return {row[0] for row in rows}, int(uses)


async def test_a_database_outage_loses_no_interaction_and_the_state_catches_up(
    emulator, tmp_path, postgres_url: str
) -> None:
    owners = await guilds_on_both_shards(emulator)
    channels = {shard: emulator.guilds[guild][-1] for shard, guild in owners.items()}
    async with cable_to(postgres_url) as (cable, through_cable):
        processes = [shard_process(emulator, tmp_path / f"shard-{s}", through_cable, s) for s in range(SHARDS)]
        try:
            for process in processes:
                await process.start()
            for process in processes:
                await process.ready(shards=SHARDS)
            shown = {s: await quote_ids(emulator, owners[s], channels[s], 2) for s in range(SHARDS)}
            await cable.cut()  # every connection of both processes dropped, and no new one accepted
            # each one is answered from memory while the database is away: none lost
            during = {s: await quote_ids(emulator, owners[s], channels[s], 3) for s in range(SHARDS)}
            await cable.mend()
            for _ in range(300):  # the queued writes are replayed with backoff (the first retries within seconds)
                caught_up = [await quote_history(postgres_url, channels[s]) for s in range(SHARDS)]
                if all(len(ids) == len(set(shown[s] + during[s])) for s, (ids, _) in enumerate(caught_up)):
                    if caught_up[0][1] == 2 * SHARDS + 3 * SHARDS:
                        break
                await asyncio.sleep(0.1)
            else:
                raise AssertionError(f"the state never caught up: {caught_up}")
            after = {s: await quote_ids(emulator, owners[s], channels[s], 3) for s in range(SHARDS)}
            codes = [await process.terminate(timeout=10) for process in processes]
        finally:
            for process in processes:
                await process.kill()
    assert codes == [0] * SHARDS
    for s in range(SHARDS):
        # the quotes shown while the database was away are in the channel's history: the cycle skips them after
        assert not set(after[s]) & set(shown[s] + during[s]) and len(set(after[s])) == 3
    logs = [process.logs() for process in processes]
    for log in logs:
        assert len(regex.findall(r"database \S+ is unreachable", log)) == 1  # one line for the outage
        assert "works again" in log and "Traceback" not in log
    _, uses = await quote_history(postgres_url, channels[0])
    assert uses == 8 * SHARDS  # every use counted, the ones during the outage too
