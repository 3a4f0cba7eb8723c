"""The living archive on a real SQLite file: articles added, removed and restored through the App are kept in the
state store with who and how, survive a restart on a fresh folder copy, and never touch the corpus folder."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from bot.app import App
from bot.archive.changes import Who
from bot.archive.living import LivingArchive
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.conftest import FERRY, SEED, archive_app, folder_bytes, seeds_copy

OWNER = {"is_owner": True, "user_id": 11}


def upload(app: App, name: str, data: bytes, **who) -> Invocation:
    return Invocation("corpus add", {"file": name}, upload=(name, data), **(who or OWNER))


async def confirm(app: App, name: str, data: bytes, **who):
    preview = await app.answer(upload(app, name, data, **who))
    assert "upload" in preview.data, preview.pages[0].description
    return await app.answer(Invocation("corpus add confirm", {"upload": preview.data["upload"]}, **(who or OWNER)))


@pytest.fixture
async def opened(tmp_path: Path):
    folder = seeds_copy(tmp_path)
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = await archive_app(folder, store, admin_guild_ids={500})
    yield app, folder
    await store.close()


async def test_an_added_article_is_stored_with_who_and_how_and_answers_at_once(opened, tmp_path) -> None:
    app, folder = opened
    before = folder_bytes(folder)
    added = await confirm(app, "Zyxbrook ferry.txt", FERRY, can_manage=True, guild_id=500, user_id=42)
    assert added.pages[0].title == "Article added" and added.data["article_id"] == "Zyxbrook_ferry"
    found = await app.answer(Invocation("article search", {"query": "zyxbrook ferry"}))
    assert found.data["results"][0]["article_id"] == "Zyxbrook_ferry"
    rows = sqlite3.connect(tmp_path / "bot.sqlite3").execute(
        "SELECT article_id, file_name, original_name, via, by_user, by_guild, content FROM archive_articles"
    )
    assert list(rows) == [("Zyxbrook_ferry", "Zyxbrook_ferry.txt", "Zyxbrook ferry.txt", "upload", 42, 500, FERRY)]
    assert folder_bytes(folder) == before  # nothing written into the folder


async def test_the_same_bytes_twice_are_refused_naming_the_article(opened) -> None:
    app, _ = opened
    await confirm(app, "ferry.txt", FERRY)
    again = await app.answer(upload(app, "ferry again.txt", FERRY))
    assert again.ephemeral and "in the archive already, as `ferry`" in again.pages[0].description
    seed = (Path(app.archive.folder) / f"{SEED}.txt").read_bytes()
    copied = await app.answer(upload(app, "copy.txt", seed))
    assert copied.ephemeral and f"as `{SEED}`" in copied.pages[0].description


async def test_a_name_taken_by_a_folder_file_gets_an_id_of_its_own(opened) -> None:
    app, _ = opened
    added = await confirm(app, f"{SEED}.txt", FERRY)
    assert added.data["article_id"] == f"{SEED}-2"
    assert app.corpus.articles[SEED].headline != app.corpus.articles[f"{SEED}-2"].headline


async def test_remove_restore_and_history_and_every_mistake_said_plainly(opened) -> None:
    app, folder = opened
    before = folder_bytes(folder)
    owner = dict(OWNER)
    removed = await app.answer(Invocation("corpus remove", {"article": "Ukraine’s coming counter"}, **owner))
    assert removed.pages[0].title == "Article removed" and SEED not in app.corpus.articles
    twice = await app.answer(Invocation("corpus remove", {"article": SEED}, **owner))
    assert "removed already" in twice.pages[0].description
    assert app.autocomplete("corpus restore", "article", "ukr") == [(app.archive.removed[SEED].headline[:100], SEED)]
    restored = await app.answer(Invocation("corpus restore", {"article": SEED}, **owner))
    assert restored.pages[0].title == "Article restored" and SEED in app.corpus.articles
    not_removed = await app.answer(Invocation("corpus restore", {"article": SEED}, **owner))
    assert "never removed" in not_removed.pages[0].description
    nothing = await app.answer(Invocation("corpus restore", {"article": "no_such_article"}, **owner))
    assert "No removed article" in nothing.pages[0].description
    history = await app.answer(Invocation("corpus history", **owner))
    actions = [(c["action"], c["id"]) for c in history.data["changes"]]
    assert actions == [("restore", SEED), ("remove", SEED)]  # newest first
    assert history.data["changes"][0]["by"] == 11 and "<@11>" in history.pages[0].description
    assert folder_bytes(folder) == before


async def test_only_the_owner_and_admin_servers_change_the_archive_and_everyone_reads_it(opened) -> None:
    app, _ = opened
    elsewhere = {"can_manage": True, "guild_id": 600, "user_id": 7}
    for command, options in [
        ("corpus add", {"url": "https://example.com/a"}),
        ("corpus remove", {"article": SEED}),
        ("corpus restore", {"article": SEED}),
        ("corpus reload", {}),
        ("corpus history", {}),
        ("corpus feed add", {"url": "https://example.com/feed"}),
        ("corpus feed remove", {"url": "https://example.com/feed"}),
    ]:
        refused = await app.answer(Invocation(command, options, **elsewhere))
        assert refused.ephemeral and "may change the archive" in refused.pages[0].description, command
        assert "the bot's owner and members with Manage Server" in refused.pages[0].description
    assert SEED in app.corpus.articles
    admin = {"can_manage": True, "guild_id": 500, "user_id": 7}
    removed = await app.answer(Invocation("corpus remove", {"article": SEED}, **admin))
    assert removed.pages[0].title == "Article removed"
    for command, options in [("article search", {"query": "kharkiv"}), ("quote random", {}), ("corpus status", {})]:
        assert not (await app.answer(Invocation(command, options, guild_id=600))).ephemeral


async def test_a_fresh_folder_copy_and_a_restart_answer_from_the_store(tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    first = await archive_app(seeds_copy(tmp_path / "one"), store)
    await confirm(first, "ferry.txt", FERRY)
    await first.answer(Invocation("corpus remove", {"article": SEED}, **OWNER))
    await store.close()
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    second = await archive_app(seeds_copy(tmp_path / "two"), store)  # another disk's folder, no parse cache
    assert "ferry" in second.corpus.articles and SEED not in second.corpus.articles
    assert second.archive.applied == first.archive.applied
    await store.close()


async def test_a_second_process_on_the_same_file_catches_up_by_itself(tmp_path) -> None:
    folder = seeds_copy(tmp_path)
    bot_store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    bot = await archive_app(folder, bot_store)
    following = asyncio.create_task(bot.archive.follow(0.05))
    cli_store = await SqliteStore.open(tmp_path / "bot.sqlite3")  # the command line beside the running bot
    cli = LivingArchive(folder, cli_store)
    await cli.open()
    change = await cli.add("ferry.txt", FERRY, Who("cli", source="ferry.txt"))
    for _ in range(100):
        if "ferry" in bot.corpus.articles:
            break
        await asyncio.sleep(0.05)
    assert "ferry" in bot.corpus.articles and bot.archive.applied == change.seq
    following.cancel()
    await asyncio.gather(following, return_exceptions=True)
    await cli_store.close()
    await bot_store.close()


async def test_a_database_that_cannot_be_written_refuses_the_add_and_loses_nothing(opened, tmp_path) -> None:
    app, _ = opened
    before = set(app.corpus.articles)
    preview = await app.answer(upload(app, "ferry.txt", FERRY))
    await app.store.close()  # the database goes away between the preview and the confirm
    app.store.db = None
    added = await app.answer(Invocation("corpus add confirm", {"upload": preview.data["upload"]}, **OWNER))
    assert added.ephemeral and "does not answer" in added.pages[0].description
    assert set(app.corpus.articles) == before  # nothing half-added
    found = await app.answer(Invocation("article search", {"query": "kharkiv"}))
    assert found.data["results"]  # and the bot keeps answering


async def test_a_file_over_the_limit_is_refused_with_both_sizes(tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = await archive_app(seeds_copy(tmp_path), store, max_article_bytes=200)
    refused = await app.answer(upload(app, "ferry.txt", FERRY))
    assert (
        refused.ephemeral
        and "too large" in refused.pages[0].description
        and "200 bytes" in refused.pages[0].description
    )
    await store.close()


def test_the_command_line_adds_removes_restores_and_tells_the_history(tmp_path, monkeypatch, capsys) -> None:
    from bot.__main__ import main

    folder = seeds_copy(tmp_path)
    before = folder_bytes(folder)
    monkeypatch.setenv("BOT_CORPUS_DIR", str(folder))
    monkeypatch.setenv("BOT_DATABASE", str(tmp_path / "bot.sqlite3"))
    article = tmp_path / "zyxbrook_ferry.txt"
    article.write_bytes(FERRY)
    assert main(["corpus", "add", str(article)]) == 0
    assert capsys.readouterr().out == "zyxbrook_ferry\tZyxbrook ferry returns after winter repairs\n"
    assert main(["corpus", "add", str(article)]) == 1
    assert "in the archive already, as `zyxbrook_ferry`" in capsys.readouterr().err
    assert main(["corpus", "remove", "zyxbrook_ferry"]) == 0
    assert main(["corpus", "remove", "zyxbrook_ferry"]) == 1
    assert main(["corpus", "restore", "nothing_here"]) == 1
    assert main(["corpus", "restore", "zyxbrook_ferry"]) == 0
    capsys.readouterr()
    assert main(["corpus", "history", "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert [(c["action"], c["id"], c["by"], c["via"]) for c in changes] == [
        ("restore", "zyxbrook_ferry", "the command line", "cli"),
        ("remove", "zyxbrook_ferry", "the command line", "cli"),
        ("add", "zyxbrook_ferry", "the command line", "cli"),
    ]
    assert all(c["at"].startswith("20") for c in changes)
    assert main(["ask", "/article search query: zyxbrook"]) == 0
    assert "Zyxbrook ferry returns" in capsys.readouterr().out
    assert folder_bytes(folder) == before


def test_import_adds_a_folder_once(tmp_path, monkeypatch, capsys) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("BOT_CORPUS_DIR", str(seeds_copy(tmp_path)))
    monkeypatch.setenv("BOT_DATABASE", str(tmp_path / "bot.sqlite3"))
    bulk = tmp_path / "bulk"
    bulk.mkdir()
    for number in range(3):
        (bulk / f"story{number}.txt").write_bytes(FERRY.replace(b"Saturday", b"day %d" % number))
    (bulk / "notes.pdf").write_bytes(b"%PDF")
    assert main(["corpus", "import", str(bulk)]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["story0", "story1", "story2"]
    assert main(["corpus", "import", str(bulk)]) == 1  # all in the archive already: nothing added
    assert capsys.readouterr().err.count("in the archive already") == 3


def test_the_command_line_refuses_a_copy_of_a_folder_file_without_reading_the_whole_folder(
    tmp_path, monkeypatch, capsys
) -> None:
    from bot.__main__ import main

    folder = seeds_copy(tmp_path)
    monkeypatch.setenv("BOT_CORPUS_DIR", str(folder))
    monkeypatch.setenv("BOT_DATABASE", str(tmp_path / "bot.sqlite3"))
    seed = next(folder.glob("003_*.txt"))
    copy = tmp_path / "copied_under_another_name.txt"
    copy.write_bytes(seed.read_bytes())
    assert main(["corpus", "add", str(copy)]) == 1
    assert f"in the archive already, as `{seed.stem}`" in capsys.readouterr().err
    copy.write_bytes(seed.read_bytes().replace(b"Ukraine", b"Ukrainy", 1))  # the same size, other bytes
    assert main(["corpus", "add", str(copy)]) == 0
    assert capsys.readouterr().out.startswith("copied_under_another_name\t")
