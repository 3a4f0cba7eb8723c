"""The corpus cache in a real SQLite file: reuse, and misses when a file or the extractor changes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from bot.archive.cache import CorpusCache, extractor_version
from bot.archive.load import load_corpus
from bot.migrations import migrations
from bot.stores.sqlite import SqliteStore
from tests.conftest import SEEDS


def _copy_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "catalog.toml").unlink(missing_ok=True)  # catalogued files bypass the cache by design
    return folder


def _load(folder: Path, database: Path, version: str = "v1"):
    cache = CorpusCache.open(database, version=version)
    try:
        return load_corpus(folder, cache), cache
    finally:
        cache.close()


def test_second_load_reuses_every_article(tmp_path):
    folder, database = _copy_seeds(tmp_path), tmp_path / "bot.sqlite3"
    cold, first_cache = _load(folder, database)
    warm, second_cache = _load(folder, database)
    assert (first_cache.hits, first_cache.misses) == (0, 5)
    assert (second_cache.hits, second_cache.misses) == (5, 0)
    assert {a.id: a.headline for a in warm.articles.values()} == {a.id: a.headline for a in cold.articles.values()}
    assert len(warm.quotes) == len(cold.quotes) and len(warm.events) == len(cold.events)
    assert warm.index.search("tarus missles")[0].article_id == "002_ef0831b4358510b1"


def test_an_edited_file_is_parsed_again(tmp_path):
    folder, database = _copy_seeds(tmp_path), tmp_path / "bot.sqlite3"
    _load(folder, database)
    path = folder / "003_ca573a1cae3f6ec8.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("counter-offensive", "spring offensive"), encoding="utf-8")
    corpus, cache = _load(folder, database)
    assert (cache.hits, cache.misses) == (4, 1)
    assert "spring offensive" in corpus.articles["003_ca573a1cae3f6ec8"].headline


def test_a_new_extractor_version_misses_everything(tmp_path):
    folder, database = _copy_seeds(tmp_path), tmp_path / "bot.sqlite3"
    _load(folder, database, version="v1")
    _, cache = _load(folder, database, version="v2")
    assert (cache.hits, cache.misses) == (0, 5)
    _, cache = _load(folder, database, version="v2")
    assert cache.hits == 5


def test_removed_files_are_forgotten(tmp_path):
    folder, database = _copy_seeds(tmp_path), tmp_path / "bot.sqlite3"
    _load(folder, database)
    (folder / "000_8d65afffd99f3673.txt").unlink()
    _load(folder, database)
    names = {row[0] for row in sqlite3.connect(database).execute("SELECT file_name FROM corpus_cache")}
    assert names == {p.name for p in folder.iterdir()}


def test_default_version_follows_the_source_code():
    assert extractor_version() == extractor_version()
    assert len(extractor_version()) == 16


async def test_cache_and_store_share_one_migrated_database(tmp_path):
    database = tmp_path / "bot.sqlite3"
    CorpusCache.open(database).close()
    store = await SqliteStore.open(database)  # finds every migration already applied
    try:
        assert await store.version() == migrations()[-1][0]
    finally:
        await store.close()
