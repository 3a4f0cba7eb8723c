"""One archive on a real PostgreSQL server, shared by processes on different disks: what one adds, removes or
restores reaches the others within seconds, a process on an empty disk answers from it, and no folder changes."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from bot.archive.living import LivingArchive
from bot.stores.postgres import PostgresStore
from tests.conftest import FERRY, ROOT, SEED, SEEDS, folder_bytes, seeds_copy
from tests.stores.backends import postgres_url

__all__ = ["postgres_url"]


def host(url: str, disk: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m bot …` as a process on another host: its own disk (folder and local SQLite), the shared URL."""
    (disk / "data").mkdir(parents=True, exist_ok=True)  # an empty folder for the local cache, as a platform gives
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "BOT_DATABASE": str(disk / "data" / "bot.sqlite3"),
        "BOT_CORPUS_DIR": str(disk / "corpus"),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


async def within(seconds: float, condition) -> bool:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


async def test_hosts_on_one_database_converge_and_a_fresh_disk_answers_everything(postgres_url: str, tmp_path) -> None:
    seeds_before = folder_bytes(SEEDS)
    first_disk, second_disk, third_disk = tmp_path / "one", tmp_path / "two", tmp_path / "three"
    folder = seeds_copy(first_disk)
    seeds_copy(second_disk)
    store = await PostgresStore.open(postgres_url)
    running = LivingArchive(folder, store)  # a running bot on the first host
    await running.open()
    await store.listen_changes(lambda: _nudge(running))
    following = asyncio.create_task(running.follow(5.0))  # slow polling: the NOTIFY must do it
    try:
        article = second_disk / "zyxbrook_ferry.txt"
        article.write_bytes(FERRY)
        added = host(postgres_url, second_disk, "corpus", "add", str(article))
        assert added.returncode == 0, added.stderr
        assert added.stdout == "zyxbrook_ferry\tZyxbrook ferry returns after winter repairs\n"
        assert await within(3.0, lambda: "zyxbrook_ferry" in running.corpus.articles)

        seeds_copy(third_disk)  # a redeploy: the folder as shipped, no local database at all
        answered = host(postgres_url, third_disk, "ask", "--json", "/article search query: zyxbrook ferry")
        assert answered.returncode == 0, answered.stderr
        assert json.loads(answered.stdout)["results"]["results"][0]["article_id"] == "zyxbrook_ferry"

        assert host(postgres_url, second_disk, "corpus", "remove", SEED).returncode == 0
        assert await within(3.0, lambda: SEED not in running.corpus.articles)
        again = host(postgres_url, second_disk, "corpus", "remove", SEED)
        assert again.returncode == 1 and "removed already" in again.stderr
        assert host(postgres_url, third_disk, "corpus", "restore", SEED).returncode == 0
        assert await within(3.0, lambda: SEED in running.corpus.articles)

        history = host(postgres_url, third_disk, "corpus", "history", "--json")
        changes = [(c["action"], c["id"], c["via"]) for c in json.loads(history.stdout)]
        assert changes == [("restore", SEED, "cli"), ("remove", SEED, "cli"), ("add", "zyxbrook_ferry", "cli")]
        assert running.applied == 3
    finally:
        following.cancel()
        await asyncio.gather(following, return_exceptions=True)
        await store.close()
    assert folder_bytes(SEEDS) == seeds_before
    assert folder_bytes(folder) == folder_bytes(SEEDS)  # the running host's folder: never written either


async def _nudge(archive: LivingArchive) -> None:
    archive.nudge()


async def test_an_add_while_the_database_is_away_fails_in_one_line_and_keeps_nothing(postgres_url, tmp_path) -> None:
    disk = tmp_path / "host"
    seeds_copy(disk)
    article = disk / "ferry.txt"
    article.write_bytes(FERRY)
    away = postgres_url.replace("@localhost:", "@127.0.0.1:1").replace(":5432", "")  # nothing listens there
    refused = host(away, disk, "corpus", "add", str(article))
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "does not answer" in refused.stderr
    assert "Traceback" not in refused.stderr and "password" not in refused.stderr
    store = await PostgresStore.open(postgres_url)
    try:
        assert await store.stored_articles() == [] and await store.changes_after(0) == []
    finally:
        await store.close()
