"""Handlers that touch the corpus folder: /corpus remove keeps the file in archive/ and reloads without it."""

from __future__ import annotations

import shutil

from bot.app import App
from bot.archive.load import load_corpus
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.conftest import SEEDS

ARTICLE = "003_ca573a1cae3f6ec8"


async def test_remove_moves_the_file_into_archive_and_reloads_without_it(tmp_path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(load_corpus(folder), store, loader=lambda: load_corpus(folder))
    refused = await app.answer(Invocation("corpus remove", {"article": ARTICLE}))
    assert refused.ephemeral and (folder / f"{ARTICLE}.txt").exists()  # not an admin: nothing moved
    reply = await app.answer(Invocation("corpus remove", {"article": "Ukraine’s coming counter"}, can_manage=True))
    assert not reply.ephemeral and reply.pages[0].title == "Article removed"
    assert not (folder / f"{ARTICLE}.txt").exists() and (folder / "archive" / f"{ARTICLE}.txt").exists()
    assert ARTICLE not in app.corpus.articles and len(app.corpus.articles) == 4
    again = await app.answer(Invocation("corpus remove", {"article": ARTICLE}, can_manage=True))
    assert again.ephemeral and "No article" in again.pages[0].description
    await store.close()


async def test_a_second_file_of_the_same_name_is_archived_beside_the_first(tmp_path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "archive").mkdir()
    (folder / "archive" / f"{ARTICLE}.txt").write_text("an older copy")
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(load_corpus(folder), store, loader=lambda: load_corpus(folder))
    await app.answer(Invocation("corpus remove", {"article": ARTICLE}, can_manage=True))
    assert (folder / "archive" / f"{ARTICLE}.txt").read_text() == "an older copy"
    assert (folder / "archive" / f"{ARTICLE}.1.txt").exists()
    await store.close()
