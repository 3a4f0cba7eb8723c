"""Load: `python -m bot` (a child process) answering a burst of interactions from the loopback emulator.

.venv/bin/python -m benchmarks.load                                # 2 bursts of 2,000 from 50 users, 5 servers
.venv/bin/python -m benchmarks.load --interactions 300 --users 10   # a quick run
.venv/bin/python -m benchmarks.load --database-url postgresql://…   # the state in PostgreSQL, not SQLite

First response = from dispatching INTERACTION_CREATE on the gateway to the emulator applying the bot's
interaction callback (reply, page edit or autocomplete choices). Lost = no callback within 10 s.
A flat-out burst sends each user's next command the moment the last is answered, so the bot is saturated
and latency is users ÷ throughput (Little's law); the paced burst is closer to people typing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the emulator lives in the test package
    sys.path.insert(0, str(ROOT))

from tests.emulator import DiscordEmulator, Exchange, Person  # noqa: E402
from tests.emulator.payloads import snowflake  # noqa: E402
from tests.emulator.process import BotProcess  # noqa: E402

ANSWER_TIMEOUT = 10.0
TOKEN = "load-test-token"
SEARCHES = [
    "kharkiv",
    "zelensky",
    "ceasefire negotiations",
    "zelenksy",
    "putin offensive",
    "nato weapons",
    "counter-offensive",
    "sanctions",
    "kherson",
    "ukraine",
]
DATES = ["2022", "2023", "Sep 2022", "spring 2023", "2014"]
TYPED = [
    ("article search", "query", "ukr"),
    ("article show", "article", "counter"),
    ("quote random", "speaker", "zel"),
    ("timeline", "article", "ukraine"),
    ("article search", "publication", "eco"),
    ("article search", "query", "zelenksy"),
]
KINDS = {"search": 25, "autocomplete": 25, "quote": 12, "timeline": 13, "press": 25}  # weights, %
# A person sees a reply before pressing its buttons. discord.py registers a reply's buttons only once the
# reply's HTTP response is back, so a press sent the instant the emulator stored the reply could beat it.
REACTION_SECONDS = 0.2
VIEW_SECONDS = 180.0  # bot.glue.replies.TIMEOUT_SECONDS: a reply's buttons (and the reply) live this long


@dataclass
class Outcome:
    kind: str
    latency_ms: float | None  # None: lost
    ephemeral: bool = False


@dataclass
class Asker:
    """One of the concurrent users, in one server and channel, with the last reply that had pages."""

    person: Person
    guild_id: int
    channel_id: int
    paged_message: int | None = None
    paged_at: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)


async def one_interaction(
    emulator: DiscordEmulator, asker: Asker, kind: str, rng: random.Random
) -> tuple[str, Exchange]:
    """Send one interaction of `kind` (a press needs an earlier reply with pages: else a search)."""
    where = {"user": asker.person, "guild_id": asker.guild_id, "channel_id": asker.channel_id}
    if kind == "press" and (asker.paged_message is None or "Next" not in emulator.buttons(asker.paged_message)):
        kind = "search"  # nothing to press yet, or its buttons have expired
    if kind == "search":
        return kind, await emulator.invoke("article search", {"query": rng.choice(SEARCHES)}, **where)
    if kind == "quote":
        return kind, await emulator.invoke("quote random", {}, **where)
    if kind == "timeline":
        return kind, await emulator.invoke("timeline", {"date": rng.choice(DATES)}, **where)
    if kind == "autocomplete":
        command, option, typed = rng.choice(TYPED)
        return kind, await emulator.autocomplete(
            command,
            {option: typed[: rng.randint(0, len(typed))]},
            option,
            user=asker.person,
            guild_id=asker.guild_id,
            channel_id=asker.channel_id,
        )
    await asyncio.sleep(asker.paged_at + REACTION_SECONDS - time.perf_counter())
    buttons = emulator.buttons(asker.paged_message)
    label = "Next" if not buttons["Next"].get("disabled") else "≪"
    return kind, await emulator.press(asker.paged_message, buttons[label]["custom_id"], user=asker.person)


async def ask_repeatedly(emulator: DiscordEmulator, asker: Asker, count: int, rng: random.Random, think: float) -> None:
    """`count` interactions one after another, each sent when the previous one was answered (after a pause
    of 0–2×`think` seconds: 0 keeps the bot saturated)."""
    kinds, weights = list(KINDS), list(KINDS.values())
    for _ in range(count):
        await asyncio.sleep(rng.uniform(0, 2 * think))
        kind, exchange = await one_interaction(emulator, asker, rng.choices(kinds, weights)[0], rng)
        try:
            callback = await exchange.wait(
                lambda ex: next((a for a in ex.answers if a.kind == "callback"), None), ANSWER_TIMEOUT
            )
        except TimeoutError:
            asker.outcomes.append(Outcome(kind, None))
            continue
        data = callback.body.get("data") or {}
        asker.outcomes.append(
            Outcome(kind, (callback.at - exchange.sent_at) * 1000, bool((data.get("flags") or 0) & 64))
        )
        message_id = exchange.original_message_id
        if callback.body.get("type") == 4 and "Next" in emulator.buttons(message_id):
            asker.paged_message, asker.paged_at = message_id, callback.at


async def burst(
    emulator: DiscordEmulator, askers: list[Asker], total: int, seed: int, think: float = 0.0
) -> tuple[list[Outcome], float]:
    """Every asker sends its share of `total` interactions, one after another; all askers at once."""
    for asker in askers:
        asker.outcomes = []
    share = -(-total // len(askers))
    started = time.perf_counter()
    await asyncio.gather(
        *(ask_repeatedly(emulator, asker, share, random.Random(seed + n), think) for n, asker in enumerate(askers))
    )
    elapsed = time.perf_counter() - started
    return [o for asker in askers for o in asker.outcomes], elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def mib(process: psutil.Process) -> float:
    return process.memory_info().rss / 2**20


def burst_row(name: str, outcomes: list[Outcome], elapsed: float, rss: float) -> dict[str, str]:
    answered = [o.latency_ms for o in outcomes if o.latency_ms is not None]
    return {
        "burst": name,
        "sent": str(len(outcomes)),
        "answered": str(len(answered)),
        "lost": str(len(outcomes) - len(answered)),
        "p50 ms": f"{statistics.median(answered):.1f}",
        "p99 ms": f"{percentile(answered, 0.99):.1f}",
        "max ms": f"{max(answered):.1f}",
        "per s": f"{len(outcomes) / elapsed:.0f}",
        "bot RSS after MiB": f"{rss:.1f}",
    }


def print_table(rows: list[dict[str, str]]) -> None:
    columns = list(dict.fromkeys(c for row in sorted(rows, key=len, reverse=True) for c in row))
    widths = {c: max(len(c), *(len(r.get(c, "")) for r in rows)) for c in columns}
    print("  ".join(c.rjust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(row.get(c, "").rjust(widths[c]) for c in columns))


async def start(emulator: DiscordEmulator, workdir: Path, **settings: str) -> BotProcess:
    process = await BotProcess(emulator, TOKEN, workdir, DISCORD_GUILD_ID="", **settings).start()
    await process.ready()
    return process


async def make_askers(emulator: DiscordEmulator, users: int, servers: int, channels: int) -> list[Asker]:
    while len(emulator.guilds) < servers:
        await emulator.add_guild(channels=channels)
    places = [(guild, channel) for guild, ids in emulator.guilds.items() for channel in ids]
    return [Asker(Person(snowflake(), f"user{n}"), *places[n % len(places)]) for n in range(users)]


async def run(
    interactions: int,
    users: int,
    servers: int,
    channels: int,
    bursts: int,
    think: float = 0.5,
    idle: float = 2.0,
    database_url: str = "",
) -> tuple[list[Outcome], int]:
    """`bursts` flat-out bursts, then one where each user pauses ~`think` s; print the table and return the
    outcomes and how many requests the emulator refused (for the slow test)."""
    everything: list[Outcome] = []
    with tempfile.TemporaryDirectory() as scratch:
        async with DiscordEmulator(token=TOKEN) as emulator:
            askers = await make_askers(emulator, users, servers, channels)
            state = {"DATABASE_URL": database_url} if database_url else {}
            process = await start(emulator, Path(scratch), BOT_COOLDOWN_USES="0", **state)
            try:
                bot = psutil.Process(process.pid)
                await burst(emulator, askers[:5], 50, seed=0)  # warm-up: first use of every code path
                rows = [{"burst": "before", "bot RSS after MiB": f"{mib(bot):.1f}"}]
                plan = [(f"#{n} flat out", 0.0) for n in range(1, bursts + 1)]
                plan += [(f"#{bursts + 1} think {think:g} s", think)] if think else []
                for number, (name, pause) in enumerate(plan, start=1):
                    outcomes, elapsed = await burst(emulator, askers, interactions, number * 1000, pause)
                    everything += outcomes
                    rows.append(burst_row(name, outcomes, elapsed, mib(bot)))
                await asyncio.sleep(idle)
                rows.append({"burst": f"idle {idle:g} s", "bot RSS after MiB": f"{mib(bot):.1f}"})
                if idle > VIEW_SECONDS:  # every reply's buttons have expired: is their memory reused?
                    outcomes, elapsed = await burst(emulator, askers, interactions, 99_000)
                    rows.append(burst_row("again flat out", outcomes, elapsed, mib(bot)))
                refused = [r for r in emulator.requests if r.status >= 400]
                backend = "PostgreSQL" if database_url else "SQLite"
                print(f"{users} users in {servers} servers x {channels} channels, cooldowns off, state in {backend}")
                print(f"mix {KINDS}")
                print_table(rows)
                print(f"requests refused by the emulator: {len(refused)}; emulator errors: {len(emulator.errors)}")
                assert await process.terminate(timeout=10) == 0
            finally:
                await process.kill()
    return everything, len(refused)


async def show_cooldown() -> None:
    """With the default cooldown (5 uses per 10 s), one user's sixth search in a row."""
    with tempfile.TemporaryDirectory() as scratch:
        async with DiscordEmulator(token=TOKEN) as emulator:
            process = await start(emulator, Path(scratch))
            try:
                for number in range(1, 7):
                    reply = await (await emulator.invoke("article search", {"query": "kharkiv"})).reply()
                    private = "ephemeral" if reply.get("flags", 0) & 64 else "public"
                    shown = reply.get("content") or reply["embeds"][0]["title"]
                    print(f"cooldown demo, search {number}: {private:9} {shown[:70]}")
                await process.terminate(timeout=10)
            finally:
                await process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=2000, help="per burst")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--servers", type=int, default=5)
    parser.add_argument("--channels", type=int, default=2, help="per server")
    parser.add_argument("--bursts", type=int, default=2, help="flat-out bursts (no pause between commands)")
    parser.add_argument(
        "--idle",
        type=float,
        default=2.0,
        help=f"pause after the bursts; over {VIEW_SECONDS:g} s (buttons expire) adds a last burst",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.5,
        help="then one burst with this mean pause per user between commands (0: none)",
    )
    parser.add_argument("--database-url", default="", help="keep the bot's state in this PostgreSQL database")
    args = parser.parse_args()
    asyncio.run(
        run(
            args.interactions,
            args.users,
            args.servers,
            args.channels,
            args.bursts,
            args.think,
            args.idle,
            database_url=args.database_url,
        )
    )
    asyncio.run(show_cooldown())


if __name__ == "__main__":
    main()
