"""Changing an index one article at a time gives what building it afresh gives: terms, typo correction,
autocomplete and ranking, whether the additions are merged in yet or not."""

from __future__ import annotations

import numpy as np
import pytest

from bot.core.lexicon import STOPWORDS
from bot.core.reading.news_file import parse_article
from bot.core.search import suggest, vocabulary
from bot.core.search.changes import Change, engine_text
from bot.core.search.index import SearchIndex
from bot.core.search.rows import RowEntry, Rows, publication_span
from bot.core.search.suggest import HeadlineSuggester
from bot.core.search.vocabulary import Vocabulary, tokens

TEXTS = {
    "dam": ("Engineers inspect the dam above Tarnovell", "The dam above Tarnovell held after the spring floods."),
    "grain": ("Grain barges leave Odesa at dawn", "Barges loaded with grain left Odesa’s port at dawn on Friday."),
    "mayor": ("Kiev mayor opens a new metro line", "The mayor of Kyiv opened the metro line on Sunday."),
    "vote": ("Councillors in Tarnovell vote on the bridge", "The council of Tarnovell voted to rebuild the bridge."),
}


def article(key: str):
    headline, body = TEXTS[key]
    return parse_article(key, f"---\nheadline: {headline}\ndate: 2025-01-0{len(key)}\n---\n\n{body}\n")


def test_engine_text_is_the_vocabulary_terms_with_stopwords_as_placeholders() -> None:
    text = "Kiev and Kyiv’s mayor—«Kharkov»\u00a0met Erdoğan’s envoy in İstanbul; co_op x2 x2 »"
    assert engine_text(text).split() == ["_" if t in STOPWORDS else t for t in tokens(text)]


def test_a_vocabulary_counts_terms_in_and_out_and_old_views_stay_as_they_were(monkeypatch) -> None:
    base = Vocabulary(["tarnovell", "bridge"], np.asarray([1, 1]), 1)
    grown = base.counted([("tarnovell", "velmorask"), ("velmorask",)])
    assert "velmorask" in grown and "velmorask" not in base and len(base) == 2
    assert grown.nearest("velmorsak") == [("velmorask", 1.0)] and base.nearest("velmorsak") == []
    assert grown.frequencies.tolist() == [2, 1, 2] and grown.documents == 3
    shrunk = grown.counted(removed=[("velmorask",), ("velmorask",)])
    assert "velmorask" not in shrunk and shrunk.nearest("velmorsak") == [] and "velmorask" in grown
    monkeypatch.setattr(vocabulary, "MERGE_SHARE", 10**9)  # every addition merged into the sorted arrays
    merged = grown.counted([("tarnovel",)])
    assert not merged.added and grown.added
    assert merged.nearest("velmorsak") == [("velmorask", 1.0)]
    assert merged.nearest("tarnovelx") == [("tarnovell", 1.0), ("tarnovel", 0.5)]
    again = Vocabulary.from_state(merged.state())
    assert again.nearest("tarnovelx") == merged.nearest("tarnovelx") and again.idf.tolist() == merged.idf.tolist()


@pytest.mark.parametrize("merge_rows", [2048, 0])
def test_autocomplete_after_additions_and_removals_is_as_if_built_afresh(monkeypatch, merge_rows) -> None:
    monkeypatch.setattr(suggest, "MERGE_ROWS", merge_rows)
    first = Rows.of([article("dam"), article("grain")])
    words = Vocabulary(["tarnovell", "odesa", "metro", "kyiv"], np.asarray([2, 1, 1, 1]), 4)
    before = HeadlineSuggester(first.headlines, first.keys, first.newest, words)
    later = first.added([_entry(article("mayor")), _entry(article("vote"))]).removed([1])
    changed = before.changed(later.headlines, later.keys, later.newest, words)
    fresh = HeadlineSuggester(later.headlines, later.keys, later.newest, words)
    assert len(changed.parts) == (2 if merge_rows else 1)
    for typed in ["", "tar", "tarnovell", "kyiv mayor", "the dam", "grain barg", "councilors in"]:
        assert changed.suggest(typed) == fresh.suggest(typed) == [r for r in fresh.suggest(typed) if r != 1], typed
    assert changed.rows_with_key("grain barges leave odesa at dawn") == []
    assert before.suggest("grain barges") == [1]


def _entry(written) -> RowEntry:
    return RowEntry(written.id, written.headline, written.publication, *publication_span(written))


def test_an_index_changed_in_memory_ranks_as_one_built_afresh() -> None:
    start = SearchIndex([article("dam"), article("grain"), article("mayor")])
    changed = start.changed(added=[(article("vote"), [])], removed=["grain"])
    fresh = SearchIndex([article("dam"), article("mayor"), article("vote")])
    for query in ["tarnovell", "bridge vote", "kiev metro", "grain odesa", "tarnovel dam"]:
        found = [(changed.ids[row], score) for row, score in changed.rank(query)]
        assert found == [(fresh.ids[row], score) for row, score in fresh.rank(query)], query
    assert changed.suggest("grain") == [] and start.suggest("grain")[0][1] == "grain"


def test_a_change_must_follow_the_view_it_is_applied_to() -> None:
    start = SearchIndex([article("dam")])
    change = start.prepare(added=[(article("vote"), [])])
    later = start.applied(change)
    with pytest.raises(ValueError):
        later.applied(change)
    assert Change.from_record(change.record()).added == change.added
