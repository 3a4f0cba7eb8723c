"""What every store keeps, on SQLite and on a real PostgreSQL server alike: counts, quote cycles, facts, the
schema version, across a restart."""

from __future__ import annotations

from bot.migrations import migrations
from tests.stores.backends import Opener

LATEST = migrations()[-1].version


async def test_state_survives_a_restart(open_any: Opener) -> None:
    store = await open_any()
    for _ in range(3):
        await store.record_use("quote random", 42)
    await store.record_use("help", None)
    await store.mark_shown(7, "all", "q1")
    await store.mark_shown(7, "all", "q2")
    await store.set_meta("commands:global", "abc")
    await store.close()
    again = await open_any()
    assert await again.version() == LATEST
    assert await again.usage() == {"quote random": 3, "help": 1}
    assert await again.usage(42) == {"quote random": 3}
    assert await again.shown_quotes(7, "all") == {"q1", "q2"}
    assert await again.last_shown(7, "all") == "q2"
    assert await again.get_meta("commands:global") == "abc"
    assert again.skipped_writes == 0


async def test_a_restarted_cycle_forgets_the_old_one(open_any: Opener) -> None:
    store = await open_any()
    await store.mark_shown(7, "all", "q1")
    await store.mark_shown(7, "all", "q2")
    await store.mark_shown(7, "person:x", "q9")
    await store.mark_shown(7, "all", "q1", restart=True)
    assert await store.shown_quotes(7, "all") == {"q1"}
    assert await store.shown_quotes(7, "person:x") == {"q9"}  # another filter's cycle is its own
    assert await store.shown_quotes(8, "all") == set()
    await store.mark_shown(7, "all", "q1")  # showing one twice is harmless
    assert await store.last_shown(7, "all") == "q1"


async def test_facts_are_replaced(open_any: Opener) -> None:
    store = await open_any()
    assert await store.get_meta("k") is None
    await store.set_meta("k", "1")
    await store.set_meta("k", "2")
    assert await store.get_meta("k") == "2"


async def test_an_action_runs_once_per_change(open_any: Opener) -> None:
    store = await open_any()
    runs: list[str] = []

    async def action() -> None:
        runs.append("sync")

    assert await store.run_once_per_change("commands:global", "v1", action)
    assert not await store.run_once_per_change("commands:global", "v1", action)
    assert await store.run_once_per_change("commands:global", "v2", action)
    assert runs == ["sync", "sync"]
    assert await store.get_meta("commands:global") == "v2"


async def test_describe_names_the_backend_without_a_password(open_any: Opener) -> None:
    store = await open_any()
    described = store.describe()
    assert described.startswith(("sqlite:", "postgresql://"))
    assert store.backend in ("sqlite", "postgresql")
    assert ":bot_test@" not in described and "password" not in described


async def test_feed_entries_are_seen_across_feeds_and_forgotten_with_their_feed(open_any: Opener) -> None:
    store = await open_any()
    keys = [f"{n:032x}" for n in range(1000)]
    await store.mark_entries("https://a.example/feed", keys[:600])  # more than one statement's worth
    await store.mark_entries("https://b.example/feed", keys[500:700])
    await store.mark_entries("https://a.example/feed", keys[:10])  # again: harmless
    assert await store.seen_entries(keys) == set(keys[:700])
    await store.close()
    again = await open_any()
    assert await again.seen_entries(keys[650:800]) == set(keys[650:700])
    await again.forget_feed("https://a.example/feed")
    assert await again.seen_entries(keys) == set(keys[500:700])  # what b listed stays
    assert await again.seen_entries([]) == set() and again.skipped_writes == 0
