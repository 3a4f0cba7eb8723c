"""The running bot at scale: `python -m bot` over N synthetic articles, driven through the loopback emulator.

.venv/bin/python -m benchmarks.live_archive --articles 10000            # a quick run
.venv/bin/python -m benchmarks.live_archive --articles 100000 --adds 10 # the issue's size (a cold start takes minutes)
.venv/bin/python -m benchmarks.live_archive --database-url postgresql://user:pw@localhost/db  # state in PostgreSQL

It measures, in one run: a cold start (nothing cached) and a warm restart, each to the first answered search; the
bot's memory (RSS); articles added while a user searches without pause — from another process with
`python -m bot corpus add FILE` and through Discord (/corpus add, then Add it) — each until a search finds it;
the searches' latency before and during the adds; how long a stop (SIGTERM) takes; and whether discord.py said
its heartbeat was blocked. The corpus lives in --workdir (default benchmarks/out/live) and is reused; the state is
a new SQLite file there, or with --database-url a new schema of that PostgreSQL database, dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import statistics
import sys
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import psutil

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the emulator lives in the test package
    sys.path.insert(0, str(ROOT))

from benchmarks import markdown_table  # noqa: E402
from benchmarks.synth import generate, write_files  # noqa: E402
from tests.emulator import DiscordEmulator  # noqa: E402
from tests.emulator.process import BotProcess  # noqa: E402

TOKEN = "live-archive-token"
QUERIES = ["kharkiv counter-offensive", "zelensky nato", "taurus missiles", "bakhmut", "sanctions russia"]
ADDED = """---
headline: Zyxbrook{n} harbour reopens to the island ferries
publication: The Harbour Gazette
date: 2026-11-{day:02d}
---
The harbour at Zyxbrook{n} reopened on Monday after storm repairs, the port authority said.

"We lost three weeks of crossings and the island felt it," said the harbour master, Ilse Varga.
"""


def corpus(workdir: Path, size: int) -> Path:
    folder = workdir / f"corpus-{size}"
    if not (folder.is_dir() and sum(1 for _ in folder.glob("*.md")) == size):
        shutil.rmtree(folder, ignore_errors=True)
        write_files(generate(size), folder)
    return folder


class Searcher:
    """One user searching without pause, one query after another; each latency kept with when it ended."""

    def __init__(self, emulator: DiscordEmulator) -> None:
        self.emulator = emulator
        self.latencies: list[tuple[float, float]] = []  # (ended at, ms)
        self.task: asyncio.Task | None = None

    async def _run(self) -> None:
        n = 0
        while True:
            started = time.perf_counter()
            exchange = await self.emulator.invoke("article search", {"query": QUERIES[n % len(QUERIES)]})
            await exchange.reply()
            ended = time.perf_counter()
            self.latencies.append((ended, (ended - started) * 1000))
            n += 1

    def start(self) -> None:
        self.task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

    def between(self, start: float, end: float) -> list[float]:
        return [ms for at, ms in self.latencies if start <= at <= end]


async def found(emulator: DiscordEmulator, word: str) -> bool:
    reply = await (await emulator.invoke("article search", {"query": word})).reply()
    return any(word.lower() in (embed.get("title") or "").lower() for embed in reply.get("embeds") or [])


async def until_found(emulator: DiscordEmulator, word: str, since: float, limit: float = 120.0) -> float:
    while not await found(emulator, word):
        if time.perf_counter() - since > limit:
            return float("inf")
        await asyncio.sleep(0.02)
    return time.perf_counter() - since


async def start(
    emulator: DiscordEmulator, workdir: Path, folder: Path, state: dict[str, str]
) -> tuple[BotProcess, float, float]:
    """The bot started; seconds to the first answered search, and its RSS in MB then."""
    began = time.perf_counter()
    bot = await BotProcess(
        emulator, TOKEN, workdir, BOT_CORPUS_DIR=str(folder), BOT_FEED_MINUTES="0", BOT_COOLDOWN_USES="0", **state
    ).start()
    await bot.ready(timeout=3600)
    await found(emulator, "kharkiv")
    return bot, time.perf_counter() - began, psutil.Process(bot.pid).memory_info().rss / 2**20


async def add_from_the_command_line(workdir: Path, folder: Path, state: dict[str, str], n: int) -> tuple[float, str]:
    path = workdir / f"zyxbrook{n}.txt"
    path.write_text(ADDED.format(n=n, day=1 + n % 28), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DISCORD_", "DATABASE_URL"))}
    env |= {"BOT_CORPUS_DIR": str(folder), "BOT_DATABASE": str(workdir / "bot.sqlite3"), **state}
    began = time.perf_counter()
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "corpus", "add", str(path), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await child.communicate()
    if child.returncode:
        raise RuntimeError(err.decode())
    return time.perf_counter() - began, f"zyxbrook{n}"


async def add_through_discord(emulator: DiscordEmulator, n: int) -> str:
    upload = emulator.upload(f"zyxbrook{n}.txt", ADDED.format(n=n, day=1 + n % 28).encode())
    exchange = await emulator.invoke("corpus add", {"file": upload})
    await exchange.reply()
    message = exchange.original_message_id
    pressed = await emulator.press(message, emulator.buttons(message)["Add it"]["custom_id"])
    await pressed.response()
    return f"zyxbrook{n}"


def spread(values: list[float]) -> str:
    if not values:
        return "—"
    values = sorted(values)
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    return f"{statistics.median(values):.1f} / {p99:.1f} / {values[-1]:.1f}"


@contextlib.asynccontextmanager
async def fresh_state(workdir: Path, database_url: str | None, warm: bool = False) -> AsyncIterator[dict[str, str]]:
    """The bot's settings for a state nobody has used: a new SQLite file, or a new PostgreSQL schema (`warm`:
    beside the parse cache and search index the last run left, which the SQLite file holds too)."""
    for name in () if warm and database_url else ("bot.sqlite3", "bot.sqlite3-wal", "bot.sqlite3-shm", "bot-index"):
        if (workdir / name).is_dir():
            shutil.rmtree(workdir / name)
        (workdir / name).unlink(missing_ok=True)
    if not database_url:
        yield {}
        return
    schema = f"live_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(database_url)
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
        yield {"DATABASE_URL": f"{database_url}{'&' if '?' in database_url else '?'}search_path={schema}"}
    finally:
        await admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await admin.close()


async def run(size: int, adds: int, workdir: Path, database_url: str | None, warm: bool) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    folder = corpus(workdir, size)
    async with fresh_state(workdir, database_url, warm) as state:
        await measure(size, adds, workdir, folder, state, "PostgreSQL" if database_url else "SQLite", warm)


async def measure(
    size: int, adds: int, workdir: Path, folder: Path, state: dict[str, str], where: str, warm: bool = False
) -> None:
    rows: list[list[str]] = []
    async with DiscordEmulator(token=TOKEN) as emulator:
        if not warm:
            bot, cold, cold_rss = await start(emulator, workdir, folder, state)
            stop_began = time.perf_counter()
            code = await bot.terminate(timeout=120)
            rows.append(["cold start (nothing cached)", f"{cold:.1f} s to the first answer", f"{cold_rss:.0f}"])
            rows.append(["stop after it", f"{time.perf_counter() - stop_began:.1f} s, exit {code}", ""])
        bot, warm, warm_rss = await start(emulator, workdir, folder, state)
        rows.append(["warm start", f"{warm:.1f} s to the first answer", f"{warm_rss:.0f}"])
        try:
            searcher = Searcher(emulator)
            searcher.start()
            await asyncio.sleep(5)
            quiet_end = time.perf_counter()
            quiet_rss = psutil.Process(bot.pid).memory_info().rss / 2**20
            cli_seconds, searchable = [], []
            for n in range(adds):
                began = time.perf_counter()
                seconds, word = await add_from_the_command_line(workdir, folder, state, n)
                cli_seconds.append(seconds)
                searchable.append(await until_found(emulator, word, began))
            began = time.perf_counter()
            word = await add_through_discord(emulator, adds)
            confirmed = time.perf_counter() - began
            by_discord = await until_found(emulator, word, began)
            during_end = time.perf_counter()
            await searcher.stop()
            rss = psutil.Process(bot.pid).memory_info().rss / 2**20
            rows.append(
                ["search, no adds (p50 / p99 / max ms)", spread(searcher.between(0, quiet_end)), f"{quiet_rss:.0f}"]
            )
            rows.append(
                [
                    f"search during {adds + 1} adds (p50 / p99 / max ms)",
                    spread(searcher.between(quiet_end, during_end)),
                    f"{rss:.0f}",
                ]
            )
            rows.append(
                [
                    "`corpus add FILE` process (median / max s)",
                    f"{statistics.median(cli_seconds):.2f} / {max(cli_seconds):.2f}",
                    "",
                ]
            )
            rows.append(
                [
                    "… until the bot finds it (median / max s)",
                    f"{statistics.median(searchable):.2f} / {max(searchable):.2f}",
                    "",
                ]
            )
            rows.append(
                [
                    "/corpus add → Add it, until found (s)",
                    f"{by_discord:.2f} (the press answered in {confirmed:.2f})",
                    "",
                ]
            )
        finally:
            stop_began = time.perf_counter()
            code = await bot.terminate(timeout=120)
            rows.append(["stop (SIGTERM to exit)", f"{time.perf_counter() - stop_began:.1f} s, exit {code}", ""])
            blocked = bot.logs().count("heartbeat blocked")
            rows.append(["gateway heartbeat blocked (discord.py warnings)", str(blocked), ""])
    print(f"{size:,} articles ({folder}), state in {where}, {os.cpu_count()} CPUs")
    print(markdown_table(["measure", "value", "bot RSS MB"], rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out" / "live")
    parser.add_argument("--database-url", help="keep the state in a new schema of this PostgreSQL database")
    parser.add_argument(
        "--warm", action="store_true", help="with --database-url: no cold start, the cache the last run left is kept"
    )
    args = parser.parse_args()
    asyncio.run(run(args.articles, args.adds, args.workdir, args.database_url, args.warm))


if __name__ == "__main__":
    main()
