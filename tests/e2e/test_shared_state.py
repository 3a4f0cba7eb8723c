"""Two bot processes (shards 0 and 1) on one PostgreSQL database, through the loopback emulator: exactly one
syncs the commands, and a channel's quote cycle continues across a restart on a fresh disk without repeats."""

from __future__ import annotations

import regex

from tests.e2e.test_sharding import SHARDS, guilds_on_both_shards
from tests.emulator.process import BotProcess
from tests.stores.backends import postgres_url

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
