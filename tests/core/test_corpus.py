"""The corpus model: values derived from a corpus are kept with it, one per corpus, and never pickled."""

from __future__ import annotations

import pickle

from bot.core.answers import complete
from bot.core.corpus import Corpus
from bot.core.reading.news_file import parse_article


def small_corpus(headline: str, speaker: str) -> Corpus:
    text = f"# {headline}\n\n“We will keep going,” said {speaker}, the mayor.\n"
    return Corpus.from_articles([parse_article(headline.lower().replace(" ", "-"), text)])


def test_a_derived_value_is_worked_out_once_per_corpus() -> None:
    calls: list[Corpus] = []

    def count(corpus: Corpus) -> int:
        calls.append(corpus)
        return len(corpus.articles)

    first, second = small_corpus("Kyiv at night", "Vitali Klitschko"), small_corpus("Odesa port", "Oleh Kiper")
    assert first.derived(count) == first.derived(count) == 1
    assert second.derived(count) == 1
    assert calls == [first, second]


def test_each_corpus_has_its_own_speakers() -> None:
    kyiv, odesa = small_corpus("Kyiv at night", "Vitali Klitschko"), small_corpus("Odesa port", "Oleh Kiper")
    assert complete.speakers(kyiv) == ["Vitali Klitschko"]
    assert complete.speakers(odesa) == ["Oleh Kiper"]
    assert complete.speakers(kyiv) is complete.speakers(kyiv)  # kept, not worked out per keystroke


def test_a_pickled_corpus_leaves_its_derived_values_behind() -> None:
    corpus = small_corpus("Kyiv at night", "Vitali Klitschko")
    corpus.derived(lambda c: lambda: None)  # a value pickle cannot copy
    copy = pickle.loads(pickle.dumps(corpus))
    assert sorted(copy.articles) == sorted(corpus.articles)
    assert copy.derived(lambda c: len(c.quotes)) == len(corpus.quotes) == 1
