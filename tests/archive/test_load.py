"""Loading a corpus folder: in worker processes or not, the catalog in the cache key, damaged rows only missed."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.archive.cache import CorpusCache
from bot.archive.load import load_corpus
from bot.core.corpus import Corpus
from bot.core.shelf import HEADER
from tests.archive.test_files import Collect
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"


def whole(article) -> str:
    """Every field of an article, whether its text is in memory or shelved in the cache."""
    fields = {name: getattr(article, name) for name in HEADER}
    return repr((fields, article.paragraphs, article.sentences))


def everything(corpus: Corpus) -> list[str]:
    """Every field of every article, quotation and event, and the errors, as text to compare."""
    return (
        [whole(a) for a in corpus.articles.values()]
        + [repr(q) for q in corpus.quotes]
        + [repr(e) for e in corpus.events]
        + corpus.errors
    )


def load_logged(folder: Path, **options) -> tuple[Corpus, list[str]]:
    collect = Collect()
    logging.getLogger("bot").addHandler(collect)
    try:
        return load_corpus(folder, **options), collect.messages
    finally:
        logging.getLogger("bot").removeHandler(collect)


def test_worker_processes_give_what_one_process_gives(mixed: Path) -> None:
    serial, serial_log = load_logged(mixed, processes=1)
    parallel, parallel_log = load_logged(mixed, processes=2)
    assert everything(parallel) == everything(serial)
    assert parallel_log == serial_log  # what the workers logged comes back, in file order
    assert any("windows.txt: not valid UTF-8" in m for m in serial_log)
    assert any("skipped corpus file scan" in m for m in serial_log)
    assert any(w == "duplicate of 003_ca573a1cae3f6ec8" for w in parallel.articles["003_copy"].warnings)


def test_a_restart_reuses_every_cached_parse(mixed: Path, tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    fresh = load_corpus(mixed)
    for _ in range(2):
        cache = CorpusCache.open(database)
        loaded = load_corpus(mixed, cache)
        cache.close()
        assert everything(loaded) == everything(fresh)
    # the unreadable file stays out of the cache; everything else is reused
    assert (cache.hits, cache.misses) == (len(fresh.articles), 1)
    assert loaded.index.search("tarus missles")[0].article_id == "002_ef0831b4358510b1"


def test_the_cache_is_written_after_the_load_returns_and_the_next_load_waits_for_it(
    mixed: Path, tmp_path: Path
) -> None:
    """finish() writes in a thread of its own; a reload with the same cache (as /corpus reload does) must
    still find everything it wrote, and a second reader only once it is written."""
    database = tmp_path / "bot.sqlite3"
    cache = CorpusCache.open(database)
    first = load_corpus(mixed, cache)
    again = load_corpus(mixed, cache)  # no close() between: the save of the first load may be running
    assert cache.hits == len(first.articles)
    assert everything(again) == everything(first)
    cache.wait()
    (row,) = sqlite3.connect(database).execute("SELECT COUNT(*) FROM corpus_cache").fetchone()
    assert row == len(first.articles)
    cache.close()


def test_catalogued_files_are_cached_and_a_catalog_edit_reparses_them(tmp_path: Path) -> None:
    folder, database = tmp_path / "corpus", tmp_path / "bot.sqlite3"
    shutil.copytree(SEEDS, folder)
    for _ in range(2):
        cache = CorpusCache.open(database)
        cached = load_corpus(folder, cache)
        cache.close()
    assert (cache.hits, cache.misses) == (5, 0)
    assert everything(cached) == everything(load_corpus(folder))
    catalog = folder / "catalog.toml"
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace(
            'publication = "The Economist"', 'publication = "The Economist (print)"', 1
        ),
        encoding="utf-8",
    )
    cache = CorpusCache.open(database)
    edited = load_corpus(folder, cache)
    cache.close()
    assert (cache.hits, cache.misses) == (4, 1)
    assert edited.articles["000_8d65afffd99f3673"].publication == "The Economist (print)"
    assert everything(edited) == everything(load_corpus(folder))


def test_a_damaged_cached_parse_is_only_a_miss(mixed: Path, tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    cache = CorpusCache.open(database)
    load_corpus(mixed, cache)
    cache.close()
    with sqlite3.connect(database) as db:
        db.execute("UPDATE corpus_cache SET payload = x'00' WHERE file_name LIKE '002_%'")
    cache = CorpusCache.open(database)
    loaded = load_corpus(mixed, cache)
    cache.close()
    assert everything(loaded) == everything(load_corpus(mixed))
    assert cache.hits == len(loaded.articles) - 1  # the damaged one parsed again


def test_a_database_that_refuses_writes_costs_only_the_cache(
    mixed: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows go to the writer thread in batches; the first refusal is reported once and the rest skipped."""
    import bot.archive.cache

    monkeypatch.setattr(bot.archive.cache, "ROWS_PER_WRITE", 2)  # several batches from a small folder
    cache = CorpusCache.open(tmp_path / "bot.sqlite3")
    cache.db.execute("PRAGMA query_only = ON")  # as a read-only file would (root ignores file modes)
    with caplog.at_level(logging.WARNING, logger="bot"):
        loaded = load_corpus(mixed, cache)
        cache.wait()
    assert everything(loaded) == everything(load_corpus(mixed))
    refusals = [r.getMessage() for r in caplog.records if "corpus cache not saved" in r.getMessage()]
    assert len(refusals) == 1, refusals
    cache.db.execute("PRAGMA query_only = OFF")
    again = load_corpus(mixed, cache)  # the database takes writes again: this load is cached
    cache.close()
    assert everything(again) == everything(loaded)
    (rows,) = sqlite3.connect(tmp_path / "bot.sqlite3").execute("SELECT COUNT(*) FROM corpus_cache").fetchone()
    assert rows == len(loaded.articles)


def test_a_file_over_the_size_limit_is_reported_by_name_and_a_cached_one_too(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    big = max(folder.glob("*.txt"), key=lambda path: path.stat().st_size)
    cache = CorpusCache.open(tmp_path / "cache.sqlite3")
    try:
        whole = load_corpus(folder, cache)
        assert big.stem in whole.articles
        limit = big.stat().st_size - 1
        cache.wait()
        smaller = load_corpus(folder, cache, max_bytes=limit)  # the cache must not serve the file the limit refuses
    finally:
        cache.close()
    assert big.stem not in smaller.articles and len(smaller.articles) == len(whole.articles) - 1
    assert smaller.errors == [
        f"{big.name}: {big.stat().st_size / 1024:.1f} KB ({big.stat().st_size:,} bytes) is too large for an article"
        f" (at most {limit / 1024:.1f} KB)"
    ]
