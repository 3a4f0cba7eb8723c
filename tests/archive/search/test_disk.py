"""The search index that changes one article at a time: on disk (tantivy) and in memory, on the seeds plus
short articles written here."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.archive.search import disk as disk_module
from bot.archive.search.disk import DiskSearch
from bot.core.article import Article
from bot.core.corpus import Corpus, speakers_of
from bot.core.reading.news_file import parse_article
from bot.core.search.changes import engine_text
from bot.core.search.index import SearchIndex, indexed_text

QUERIES = ["tarus missles", "kharkiv", "counter offensive", "Erdoğan", "nato summit in washington", "zelenksy"]


def written(article_id: str, headline: str, body: str, publication: str = "Harbour Gazette") -> Article:
    return parse_article(
        article_id, f"---\nheadline: {headline}\npublication: {publication}\ndate: 2025-03-04\n---\n\n{body}\n"
    )


FERRY = written(
    "ferry",
    "Ferry to Velmorask sails again after the storm",
    "The harbour authority said on Tuesday that the ferry to Velmorask would sail again from Monday.\n\n"
    "Repairs to the pier took three weeks, and the crossing will run twice a day until summer.",
)
CIDER = written(
    "cider",
    "Cider makers count a small apple harvest",
    "A late frost cut the apple harvest by a third, the growers' association said.\n\n"
    "Several presses in the valley will stay closed this autumn.",
    publication="Valley Courier",
)


def seed_entries(corpus: Corpus) -> list[tuple[Article, list[str]]]:
    return [
        (article, speakers_of([q for q in corpus.quotes if q.article_id == article.id]))
        for article in corpus.articles.values()
    ]


class Engine:
    """One index under test, changed the way its kind is changed: rebuilt in memory, or through its folder."""

    def __init__(self, kind: str, folder: Path, entries: list[tuple[Article, list[str]]]) -> None:
        self.kind, self.folder = kind, folder
        articles = {article.id: article for article, _ in entries}
        if kind == "memory":
            self.view = SearchIndex([a for a, _ in entries], {a.id: s for a, s in entries})
        else:
            self.disk = DiskSearch.build(folder, entries, articles)
            self.view = self.disk.view

    def change(self, added: list[tuple[Article, list[str]]] = (), removed: list[str] = ()) -> SearchIndex:
        if self.kind == "memory":
            self.view = self.view.changed(added, removed)
        else:
            self.disk.add(added)
            self.disk.remove(removed)
            self.view = self.disk.commit()
        return self.view


@pytest.fixture(params=["memory", "disk"])
def engine(request, corpus, tmp_path) -> Engine:
    return Engine(request.param, tmp_path / "index", seed_entries(corpus))


def ranked(index: SearchIndex, query: str, **filters) -> list[str]:
    return [hit.article_id for hit in index.search(query, limit=10, **filters)]


def test_the_disk_index_ranks_the_seeds_as_the_index_in_memory_does(corpus, tmp_path) -> None:
    disk = DiskSearch.build(tmp_path / "index", seed_entries(corpus), corpus.articles).view
    for query in QUERIES:
        assert ranked(disk, query) == ranked(corpus.index, query), query
        assert disk.plan(query).corrections == corpus.index.plan(query).corrections
    texts = [(article, engine_text(indexed_text(article, speakers))) for article, speakers in seed_entries(corpus)]
    worked_out = DiskSearch.build(tmp_path / "texts", texts, corpus.articles).view  # as parsing workers may
    assert [ranked(worked_out, query) for query in QUERIES] == [ranked(disk, query) for query in QUERIES]
    memory_scores = [h.score for h in corpus.index.search("taurus cruise missiles")]
    disk_scores = [h.score for h in disk.search("taurus cruise missiles")]
    assert disk_scores == pytest.approx(memory_scores, rel=0.05)  # tantivy keeps document lengths in a byte


def test_a_reopened_index_answers_as_a_fresh_build(corpus, tmp_path) -> None:
    entries = seed_entries(corpus)
    built = DiskSearch.build(tmp_path / "index", entries, corpus.articles)
    built.add([(FERRY, [])])
    built.commit()
    built.close()
    reopened = DiskSearch.open(tmp_path / "index", {**corpus.articles, FERRY.id: FERRY}).view
    fresh = DiskSearch.build(tmp_path / "fresh", [*entries, (FERRY, [])], {**corpus.articles, FERRY.id: FERRY}).view
    for query in [*QUERIES, "velmorask ferry", "pier repairs"]:
        assert [(h.article_id, h.score) for h in reopened.search(query)] == [
            (h.article_id, h.score) for h in fresh.search(query)
        ]
    assert reopened.suggest("ferry to v") == fresh.suggest("ferry to v")
    assert reopened.publications == fresh.publications


def test_an_added_article_is_found_by_its_words_headline_and_filters(engine) -> None:
    assert ranked(engine.view, "velmorask") == []
    view = engine.change(added=[(FERRY, [])])
    assert ranked(view, "velmorask ferry")[0] == "ferry"
    assert ranked(view, "Ferry to Velmorask sails again after the storm")[0] == "ferry"
    assert view.suggest("ferry to vel")[0] == (FERRY.headline, "ferry")
    assert ranked(view, "pier", publication="harbour gazette") == ["ferry"]
    assert ranked(view, "pier", start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31)) == ["ferry"]
    assert ranked(view, "pier", end=dt.date(2025, 3, 3)) == []
    assert ranked(view, "pier", publication="valley courier") == []
    assert "Harbour Gazette" in view.publications
    assert "ferry" in {view.ids[row] for row in view.rows_with_all(view.plan("ferry pier"))}


def test_a_removed_article_is_found_no_more(engine) -> None:
    view = engine.change(added=[(FERRY, []), (CIDER, [])])
    assert ranked(view, "apple harvest")[0] == "cider"
    view = engine.change(removed=["cider"])
    assert "cider" not in ranked(view, "apple harvest frost")
    assert ranked(view, "Cider makers count a small apple harvest") == []
    assert all(article_id != "cider" for _, article_id in view.suggest("cider makers"))
    assert "Valley Courier" not in view.publications
    assert view.rows_with_all(view.plan("apple frost")) == set()
    assert ranked(view, "velmorask")[0] == "ferry"  # the other article stays


def test_an_older_view_answers_as_it_did_after_a_later_change(engine) -> None:
    before = engine.view
    answers = {query: before.search(query) for query in [*QUERIES, "velmorask", "velmorsak"]}
    corrections = before.plan("velmorsak").corrections
    suggested = before.suggest("ferry to v")
    after = engine.change(added=[(FERRY, [])], removed=["002_ef0831b4358510b1"])
    assert ranked(after, "velmorask") == ["ferry"] and "002_ef0831b4358510b1" not in ranked(after, "taurus")
    for query, hits in answers.items():
        assert before.search(query) == hits, query
    assert before.plan("velmorsak").corrections == corrections == {}
    assert "velmorask" not in before.vocabulary
    assert before.suggest("ferry to v") == suggested and "ferry" not in {i for _, i in suggested}


def test_typo_correction_knows_a_word_added_since(engine) -> None:
    view = engine.change(added=[(FERRY, [])])
    plan = view.plan("velmorsak")  # two letters swapped
    assert plan.corrections == {"velmorsak": "velmorask"}
    assert ranked(view, "velmorsak") == ["ferry"]
    assert view.suggest("velmorsak")[0][1] == "ferry"  # a finished word, corrected in autocomplete too


def test_a_word_of_a_removed_article_is_no_word_of_the_vocabulary(engine) -> None:
    engine.change(added=[(FERRY, [])])
    view = engine.change(removed=["ferry"])
    assert "velmorask" not in view.vocabulary
    assert view.plan("velmorask").groups == []


def test_changes_survive_a_reopen_and_a_checkpoint(corpus, tmp_path, monkeypatch) -> None:
    articles = {**corpus.articles, FERRY.id: FERRY, CIDER.id: CIDER}
    disk = DiskSearch.build(tmp_path / "index", seed_entries(corpus), articles)
    disk.add([(FERRY, []), (CIDER, [])])
    disk.commit()
    disk.remove(["001_56f617656db8bfc2"])
    expected = {query: ranked(disk.commit(), query) for query in [*QUERIES, "velmorask", "apple harvest"]}
    disk.close()
    reopened = DiskSearch.open(tmp_path / "index", articles)  # from the log
    assert {query: ranked(reopened.view, query) for query in expected} == expected
    monkeypatch.setattr(disk_module, "CHECKPOINT", 1)
    reopened.remove(["cider"])
    expected = {query: ranked(reopened.commit(), query) for query in expected}  # saved whole, log emptied
    assert sorted(p.name for p in (tmp_path / "index").iterdir()) == ["base-2", "engine"]
    reopened.close()
    assert {q: ranked(DiskSearch.open(tmp_path / "index", articles).view, q) for q in expected} == expected


def test_a_logged_change_the_engine_never_committed_is_dropped(corpus, tmp_path) -> None:
    disk = DiskSearch.build(tmp_path / "index", seed_entries(corpus), corpus.articles)
    change = disk.view.prepare([(FERRY, [])])
    disk.log.append(change.record(), disk.engine.opstamp)  # the process died before the engine's commit
    size = disk.log.path.stat().st_size
    disk.close()
    reopened = DiskSearch.open(tmp_path / "index", corpus.articles)
    assert ranked(reopened.view, "velmorask") == [] and len(reopened.view.ids) == len(corpus.articles)
    assert reopened.log.path.stat().st_size < size
    reopened.add([(FERRY, [])])
    assert ranked(reopened.commit({**corpus.articles, FERRY.id: FERRY}), "velmorask") == ["ferry"]


def test_a_reader_follows_the_writer(corpus, tmp_path) -> None:
    articles = {**corpus.articles, FERRY.id: FERRY}
    writer = DiskSearch.build(tmp_path / "index", seed_entries(corpus), articles)
    reader = DiskSearch.open(tmp_path / "index", articles, writable=False)
    writer.add([(FERRY, [])])
    writer.commit()
    assert ranked(reader.view, "velmorask") == []
    assert ranked(reader.refresh(), "velmorask") == ["ferry"]
    with pytest.raises(PermissionError):
        reader.add([(CIDER, [])]) or reader.commit()


def test_an_empty_folder_opens_as_an_empty_index_that_takes_articles(tmp_path) -> None:
    disk = DiskSearch.open(tmp_path / "index", {FERRY.id: FERRY})
    assert disk.view.search("ferry") == [] and disk.view.suggest("") == []
    disk.add([(FERRY, [])])
    assert ranked(disk.commit(), "velmorask") == ["ferry"]


def test_adding_an_article_the_index_holds_replaces_it(engine) -> None:
    engine.change(added=[(FERRY, [])])
    revised = written("ferry", "Ferry to Velmorask is cancelled again", "The crossing to Velmorask is off until May.")
    view = engine.change(added=[(revised, [])])
    assert ranked(view, "velmorask") == ["ferry"]  # once, the new version
    assert view.search("velmorask")[0].passage == "The crossing to Velmorask is off until May."
    assert "ferry" not in ranked(view, "harbour authority pier repairs")  # the old version's words
    assert engine.change(removed=["no-such-article"]).ids == view.ids


def test_a_build_cut_short_before_its_first_snapshot_opens_as_an_empty_index(corpus, tmp_path) -> None:
    DiskSearch.build(tmp_path / "index", seed_entries(corpus), corpus.articles).close()
    for snapshot in (tmp_path / "index").glob("base-*"):
        shutil.rmtree(snapshot)
    disk = DiskSearch.open(tmp_path / "index", {FERRY.id: FERRY})
    assert disk.view.ids == [] and disk.view.search("kharkiv") == []
    disk.add([(FERRY, [])])
    assert ranked(disk.commit(), "velmorask ferry") == ["ferry"]


def test_one_writer_at_a_time_and_the_next_catches_up_first(corpus, tmp_path) -> None:
    articles = {**corpus.articles, FERRY.id: FERRY, CIDER.id: CIDER}
    first = DiskSearch.build(tmp_path / "index", seed_entries(corpus), articles)
    second = DiskSearch.open(tmp_path / "index", articles)
    first.add([(FERRY, [])])
    first.commit()
    second.add([(CIDER, [])])
    with pytest.raises(ValueError, match="LockBusy"):  # tantivy's lock: the first still writes
        second.commit()
    first.close()
    second.add([(CIDER, [])])
    view = second.commit()  # the ferry, committed by the first after the second opened, is kept
    assert ranked(view, "velmorask") == ["ferry"] and ranked(view, "apple harvest")[0] == "cider"
    assert len(set(view.ids)) == len(view.ids) == len(corpus.articles) + 2
