"""Quotations on the real seeds, hand-checked, and on short articles written in other styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.corpus import Corpus, load_corpus
from bot.core.quotes import extract_quotes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"

# (article prefix, start of the quotation) → (speaker as named, full name, pattern) — checked by reading.
SEED_SPEAKERS = {
    ("000", "Do you still think that?"): ("Ukraine’s president", "Volodymyr Zelensky"),
    ("000", "astounding"): ("Ramzan Kadyrov", "Ramzan Kadyrov"),
    ("001", "unacceptable."): ("the Kremlin", None),
    ("002", "Russia must not win, Ukraine must not lose."): ("Olaf Scholz", "Olaf Scholz"),
    ("004", "Ukrainian forces are under pressure"): ("Michael Kofman", "Michael Kofman"),
    ("004", "possess the capabilities"): ("Eric Ciaramella", "Eric Ciaramella"),
    ("004", "a democratic, prosperous"): ("Ciaramella", "Eric Ciaramella"),
    ("004", "It’s still a highly volatile landscape"): ("Ciaramella", "Eric Ciaramella"),
    ("004", "That’s why Western leaders"): ("Ciaramella", "Eric Ciaramella"),
}
SEED_TERMS = {
    ("000", "one nation"),
    ("000", "referendums"),
    ("000", "Nazis"),
    ("000", "liberated"),
    ("001", "strategic defeat"),
    ("001", "peace now"),
    ("001", "lead"),
    ("001", "win"),
    ("003", "contact line"),
    ("004", "word salad"),
    ("004", "Ukraine’s future is NATO"),
}


def _find(corpus: Corpus, prefix: str, start: str):
    ids = (
        {prefix} if prefix in corpus.articles else {a for a in corpus.articles if a.startswith(prefix + "_")}
    )
    found = [q for q in corpus.quotes if q.article_id in ids and q.text.startswith(start)]
    assert len(found) == 1, (prefix, start, found)
    return found[0]


@pytest.mark.parametrize(("key", "expected"), SEED_SPEAKERS.items(), ids=[k[1][:20] for k in SEED_SPEAKERS])
def test_seed_quotation_speakers(corpus: Corpus, key, expected) -> None:
    quote = _find(corpus, *key)
    assert quote.kind == "quote"
    assert (quote.speaker, quote.speaker_full) == expected


def test_every_served_quotation_in_the_seeds_was_hand_checked(corpus: Corpus) -> None:
    served = {(q.article_id[:3], q.text) for q in corpus.quotations() if q.who}
    checked = {
        (p, next(q.text for q in corpus.quotes if q.article_id.startswith(p) and q.text.startswith(s)))
        for p, s in SEED_SPEAKERS
    }
    assert served == checked


@pytest.mark.parametrize(("prefix", "text"), sorted(SEED_TERMS))
def test_scare_quotes_are_terms_not_quotations(corpus: Corpus, prefix: str, text: str) -> None:
    quote = _find(corpus, prefix, text)
    assert quote.kind == "term" and quote.speaker is None


def test_offsets_point_at_the_opening_mark_and_the_exact_text(corpus: Corpus) -> None:
    for quote in corpus.quotes:
        body = corpus.articles[quote.article_id].body
        assert body[quote.start] in '“"'
        assert body[quote.start + 1 : quote.start + 1 + len(quote.text)] == quote.text
        assert quote.sentence in body


def test_unclosed_quotation_is_marked_and_still_attributed(corpus: Corpus) -> None:
    quote = _find(corpus, "001", "unacceptable.")
    assert quote.unclosed and quote.speaker == "the Kremlin"
    assert not _find(corpus, "004", "Ukrainian forces").unclosed


def test_roles_come_from_the_appositive(corpus: Corpus) -> None:
    assert _find(corpus, "004", "Ukrainian forces").role == (
        "senior fellow in the Russia and Eurasia program at the Carnegie Endowment for International Peace"
    )
    assert _find(corpus, "004", "It’s still").role.startswith("a former intelligence official")
    assert _find(corpus, "000", "astounding").role.startswith("a fearsome Chechen warlord")


@pytest.fixture(scope="module")
def fixtures() -> Corpus:
    return load_corpus(FIXTURES)


@pytest.mark.parametrize(
    ("article", "start", "speaker", "full", "pattern"),
    [
        ("byline_city", "We will rebuild", "Ihor Terekhov", "Ihor Terekhov", "X said: “…”"),
        ("byline_city", "The water is back", "Petro Ivanenko", "Petro Ivanenko", "“…,” said X"),
        ("byline_city", "Who will pay", "Olena Shevchenko", "Olena Shevchenko", "“…,” said X"),
        (
            "byline_city",
            "When the engineers told us ‘wait two days’",
            "Shevchenko",
            "Olena Shevchenko",
            "“…,” X said",
        ),
        (
            "byline_city",
            "a nation that refuses",
            "Volodymyr Zelenskyy",
            "Volodymyr Zelenskyy",
            "X noted that … “…”",
        ),
        ("front_matter_talks", "the talks failed", "Jan Novak", "Jan Novak", "according to X, “…”"),
        ("front_matter_talks", "a lost season", "Novak", "Jan Novak", "X called it “…”"),
        ("front_matter_talks", "Nobody in the room", "Novak", "Jan Novak", "continues after “…,” X said."),
        (
            "front_matter_talks",
            "This is a blockade",
            "Maria Lopez",
            "Maria Lopez",
            "speaker in the previous sentence",
        ),
        ("front_matter_talks", "We are ready", "Erdogan", "Recep Tayyip Erdoğan", "“…,” X said"),
        ("front_matter_talks", "whenever they are", "Erdogan", "Recep Tayyip Erdoğan", "X said: “…”"),
    ],
)
def test_attribution_styles_beyond_the_seeds(
    fixtures: Corpus, article, start, speaker, full, pattern
) -> None:
    quote = _find(fixtures, article, start)
    assert (quote.speaker, quote.speaker_full, quote.attribution) == (speaker, full, pattern)


def test_fixture_terms_groups_and_nesting(fixtures: Corpus) -> None:
    assert (
        _find(fixtures, "byline_city", "temporary").kind == "term"
    )  # "Residents call …": nobody in particular
    theatre = _find(fixtures, "front_matter_talks", "theatre")
    assert theatre.unclosed and theatre.speaker is None  # "Critics dismissed …": a group, not a speaker
    nested = _find(fixtures, "byline_city", "When the engineers")
    assert "‘wait two days’" in nested.text  # the inner quotation stays inside the outer one
    assert _find(fixtures, "byline_city", "Who will pay").role == "a pensioner in the Saltivka district"
    assert _find(fixtures, "byline_city", "We will rebuild").role == "Mayor"


def test_extraction_is_deterministic(corpus: Corpus) -> None:
    article = corpus.articles[next(iter(corpus.articles))]
    assert extract_quotes(article) == extract_quotes(article)


def test_quote_random_filters_know_name_variants_and_topics(corpus: Corpus) -> None:
    from bot.core.answers import quote as answer

    assert {q.who for q in answer.candidates(corpus, speaker="Zelenskiy")} == {"Volodymyr Zelensky"}
    assert {q.who for q in answer.candidates(corpus, speaker="kofmann")} == {"Michael Kofman"}
    assert len(answer.candidates(corpus, article="004")) == 5
    assert [q.text for q in answer.candidates(corpus, topic="volatile")] == [
        "It’s still a highly volatile landscape,"
    ]
    served = {q.text for q in answer.servable(corpus)}
    assert not served & {"strategic defeat", "Nazis", "contact line", "peace now", "one nation"}
    assert answer.filter_key(corpus, {"speaker": "Zelenskiy"}) == answer.filter_key(
        corpus, {"speaker": "zelensky"}
    )


def test_no_match_names_the_closest_speakers(corpus: Corpus) -> None:
    from bot.core.answers import quote as answer

    reply = answer.no_quote_reply(corpus, "Kofmen Ciaramela", None)
    assert reply.ephemeral and "Closest speakers:" in reply.pages[0].description
    assert "Eric Ciaramella" in reply.pages[0].description.split("Closest speakers:")[1]
