"""The corpus review: a headline word is looked for in its body by the word's stem, however it is found."""

from __future__ import annotations

import gc

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.archive.files import read_article
from bot.core.reading.review import _body_words, _in_body, _stem, _unmentioned, review_facts
from tests.conftest import ROOT

# bodies made of the characters the word rules turn on: letters, apostrophes, hyphens, spaces, capitals, é
_BODY = st.text(alphabet="abcdefgilnrsty'- .Aé", max_size=60)


def defined(stem: str, lowered: str) -> bool:
    """What _in_body answers, by its definition: some word or word part of the body has this stem."""
    return any(_stem(word) == stem for word in _body_words(lowered))


@settings(max_examples=2000, deadline=None)
@given(body=_BODY, word=st.text(alphabet="abcdegilnrsty'-", min_size=0, max_size=9))
def test_finding_a_stem_agrees_with_listing_the_words(body: str, word: str) -> None:
    lowered = body.lower()
    for stem in {word, _stem(word), *(_stem(w) for w in _body_words(lowered))}:
        assert _in_body(stem, lowered) == defined(stem, lowered), (stem, lowered)


def test_inflections_and_hyphen_parts_count_as_mentions() -> None:
    body = "the talks in kharkiv-bound trains resumed; sanctions bite. fighters' lines held. a well-armed unit"
    assert _unmentioned("Peace Talks Held", body) == []
    assert _unmentioned("Trains for Kharkiv and Odesa", body) == ["Odesa"]
    assert _unmentioned("New Sanction on Fighter Units", body) == []
    assert _unmentioned("A Well-Armed Israel", body) == ["Israel"]


def test_the_seed_whose_headline_belongs_to_another_article() -> None:
    """Seed 002 carries the headline and standfirst of an article about Israel."""
    facts = dict(review_facts(read_article(ROOT / "seeds" / "002_ef0831b4358510b1.txt")).unmentioned)
    assert facts["headline"] == ("Israel",)
    assert set(facts["standfirst"]) == {"Netanyahu", "Yes", "Answer"}  # the review drops "answer": common
    # 004's headline uses two words its text never prints, but in lower case other articles do: common words
    facts = dict(review_facts(read_article(ROOT / "seeds" / "004_1b77e67b279ac622.txt")).unmentioned)
    assert facts["headline"] == ("Withdrawal", "Reality")
    for path in sorted((ROOT / "seeds").glob("00[013]_*.txt")):  # the others name only what they tell
        assert all(not words for _, words in review_facts(read_article(path)).unmentioned), path.name


def test_parsing_an_article_makes_no_reference_cycles() -> None:
    """Worker processes parse with the cycle collector off (bot/archive/pool.py); this is why they may."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    from bot.archive.files import Source, parse_source

    gc.collect()
    gc.disable()
    try:
        for path in paths:
            parse_source(Source.of(path), None)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_title_case_headlines_flag_only_what_is_surely_a_name() -> None:
    from bot.core.article import Article
    from bot.core.reading.review import is_title_case, review_corpus

    assert is_title_case("Council Swallows Budget Cuts") and not is_title_case("Council swallows budget cuts")
    body = ["Mayor Ines Vale of Tromsvik said on Monday the council would sell the ferry to Nordhav Lines."]
    own = Article("own", "Tromsvik Swallows Ferry Sale Patch", body, field_sources={"headline": "stated"})
    foreign = Article("foreign", "Madrid Talks Collapse Over Quotas", body, field_sources={"headline": "stated"})
    for article in (own, foreign):
        review_corpus([article])
    assert not any(w.startswith("headline names") for w in own.warnings)
    assert any(w.startswith("headline names Madrid") for w in foreign.warnings)


def test_seed_002_alone_still_has_a_foreign_headline() -> None:
    from bot.core.reading.review import review_corpus

    article = read_article(ROOT / "seeds" / "002_ef0831b4358510b1.txt")
    review_corpus([article])
    assert any(w.startswith("headline names Israel") for w in article.warnings)
