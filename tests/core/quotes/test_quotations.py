"""Quotations found on the real seeds, hand-checked, and on short articles written in other styles."""

from __future__ import annotations

import pytest

from bot.core.corpus import Corpus
from bot.core.quotes.marks import OPENING_MARKS
from bot.core.quotes.quotations import extract_quotes

# Scare quotes and labels. Not here: “one nation” (000), Putin's claim quoted through the sentence, and
# “Ukraine’s future is NATO” (004), the summit leaders' declaration: both are quotations (test_attribution).
SEED_TERMS = {
    ("000", "referendums"),
    ("000", "Nazis"),
    ("000", "liberated"),
    ("001", "strategic defeat"),
    ("001", "peace now"),
    ("001", "lead"),
    ("001", "win"),
    ("003", "contact line"),
    ("004", "word salad"),
}


@pytest.mark.parametrize(("prefix", "text"), sorted(SEED_TERMS))
def test_scare_quotes_are_terms_not_quotations(corpus: Corpus, find_quote, prefix: str, text: str) -> None:
    quote = find_quote(corpus, prefix, text)
    assert quote.kind == "term" and quote.speaker is None


def test_offsets_point_at_the_opening_mark_and_the_exact_text(corpus: Corpus) -> None:
    for quote in corpus.quotes:
        body = corpus.articles[quote.article_id].body
        assert body.startswith(OPENING_MARKS, quote.start)
        assert body[quote.start + 1 : quote.start + 1 + len(quote.text)] == quote.text
        assert quote.sentence in body


def test_unclosed_quotation_is_marked_and_still_attributed(corpus: Corpus, find_quote) -> None:
    quote = find_quote(corpus, "001", "unacceptable.")
    assert quote.unclosed and quote.speaker == "the Kremlin"
    assert not find_quote(corpus, "004", "Ukrainian forces").unclosed


def test_fixture_terms_groups_and_nesting(fixture_corpus: Corpus, find_quote) -> None:
    assert (
        find_quote(fixture_corpus, "byline_city", "temporary").kind == "term"
    )  # "Residents call …": nobody in particular
    theatre = find_quote(fixture_corpus, "front_matter_talks", "theatre")
    assert theatre.unclosed and theatre.speaker is None  # "Critics dismissed …": a group, not a speaker
    nested = find_quote(fixture_corpus, "byline_city", "When the engineers")
    assert "‘wait two days’" in nested.text  # the inner quotation stays inside the outer one
    assert find_quote(fixture_corpus, "byline_city", "Who will pay").role == "a pensioner in the Saltivka district"
    assert find_quote(fixture_corpus, "byline_city", "We will rebuild").role == "Mayor"


def test_extraction_is_deterministic(corpus: Corpus) -> None:
    article = corpus.articles[next(iter(corpus.articles))]
    assert extract_quotes(article) == extract_quotes(article)


def test_quote_random_filters_know_name_variants_and_topics(corpus: Corpus) -> None:
    from bot.core.answers import quote as answer

    assert {q.who for q in answer.candidates(corpus, speaker="Zelenskiy")} == {"Volodymyr Zelensky"}
    assert {q.who for q in answer.candidates(corpus, speaker="kofmann")} == {"Michael Kofman"}
    assert len(answer.candidates(corpus, article="004")) == 6
    assert [q.text for q in answer.candidates(corpus, topic="volatile")] == ["It’s still a highly volatile landscape,"]
    served = {q.text for q in answer.servable(corpus)}
    assert not served & {"strategic defeat", "Nazis", "contact line", "peace now", "word salad,"}
    assert answer.filter_key(corpus, {"speaker": "Zelenskiy"}) == answer.filter_key(corpus, {"speaker": "zelensky"})


def test_no_match_names_the_closest_speakers(corpus: Corpus) -> None:
    from bot.core.answers import quote as answer

    reply = answer.no_quote_reply(corpus, "Kofmen Ciaramela", None)
    assert reply.ephemeral and "Closest speakers:" in reply.pages[0].description
    assert "Eric Ciaramella" in reply.pages[0].description.split("Closest speakers:")[1]
