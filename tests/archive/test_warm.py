"""The running bot's archive on disk: a restart reads summaries and opens the index instead of parsing and
indexing; a change is indexed at once and survives the next restart; an edited folder file is read again."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.archive.cache import CorpusCache
from bot.archive.changes import Who
from bot.archive.living import LivingArchive
from bot.core.shelf import ShelvedArticle
from bot.stores.sqlite import SqliteStore
from tests.conftest import FERRY, SEED, seeds_copy


class Host:
    """One host's disk: its folder, its SQLite file (state and cache) and its index folder."""

    def __init__(self, tmp_path: Path) -> None:
        self.folder = seeds_copy(tmp_path)
        self.database = tmp_path / "bot.sqlite3"
        self.index = tmp_path / "bot-index"
        self.opened: list = []

    async def start(self) -> LivingArchive:
        store = await SqliteStore.open(self.database)
        cache = CorpusCache.open(self.database)
        archive = LivingArchive(self.folder, store, cache, index_dir=self.index)
        await archive.open()
        self.opened.append((archive, cache, store))
        return archive

    async def stop(self) -> None:
        archive, cache, store = self.opened.pop()
        archive.close()
        cache.close()
        await store.close()


def first_hit(archive: LivingArchive, query: str) -> str | None:
    hits = archive.corpus.index.search(query)
    return hits[0].article_id if hits else None


@pytest.fixture
async def host(tmp_path):
    started = Host(tmp_path)
    yield started
    while started.opened:  # a failed test still lets go of the index's writer and the databases
        await started.stop()


async def test_a_restart_reads_summaries_and_the_index_and_parses_nothing(host, caplog) -> None:
    cold = await host.start()
    # a first start keeps no parse in memory: the index's own view reads the shelved articles too
    assert all(isinstance(a, ShelvedArticle) for a in cold.disk.search.view.articles.values())
    answers = {q: first_hit(cold, q) for q in ("tarus missles", "kharkiv", "zelensky nato")}
    await host.stop()
    with caplog.at_level(logging.INFO, logger="bot.archive.warm"):
        warm = await host.start()
    assert "5 articles (0 parsed)" in caplog.text
    assert all(isinstance(a, ShelvedArticle) for a in warm.corpus.articles.values())
    assert {q: first_hit(warm, q) for q in answers} == answers
    hit = warm.corpus.index.search("tarus missles")[0]
    assert "Taurus" in hit.passage  # the passage is read from the shelved text
    # the quotations and events are unpacked after the archive opens, and are those the parse found
    assert list(warm.corpus.quotes) == list(cold.corpus.quotes) and list(warm.corpus.events) == list(cold.corpus.events)
    assert {a.id: a.path for a in warm.corpus.articles.values()} == {
        a.id: a.path for a in cold.corpus.articles.values()
    }
    assert all(isinstance(a.path, Path) for a in warm.corpus.articles.values())
    await host.stop()


async def test_an_added_and_a_removed_article_are_searchable_at_once_and_after_a_restart(host, caplog) -> None:
    archive = await host.start()
    await archive.add("ferry.txt", FERRY, Who("cli"))
    await archive.remove(SEED, Who("cli"))
    assert first_hit(archive, "zyxbrook") == "ferry"
    assert SEED not in {hit.article_id for hit in archive.corpus.index.search("counter-offensive", limit=10)}
    await host.stop()
    with caplog.at_level(logging.INFO, logger="bot.archive.warm"):
        again = await host.start()
    assert "5 articles (0 parsed)" in caplog.text  # four seeds and the ferry, from their summaries
    assert first_hit(again, "zyxbrook") == "ferry" and SEED not in again.corpus.articles
    assert SEED not in {hit.article_id for hit in again.corpus.index.search("counter-offensive", limit=10)}
    await again.restore(SEED, Who("cli"))
    assert SEED in {hit.article_id for hit in again.corpus.index.search("counter-offensive", limit=10)}
    await host.stop()


async def test_an_edited_folder_file_is_read_and_indexed_again(host, caplog) -> None:
    await host.start()
    await host.stop()
    path = host.folder / f"{SEED}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA quokka was seen near Zaporizhzhia.\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="bot.archive.warm"):
        archive = await host.start()
    assert "5 articles (1 parsed)" in caplog.text
    assert first_hit(archive, "quokka") == SEED
    await host.stop()
