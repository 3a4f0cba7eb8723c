"""Who speaks each quotation: the seeds, hand-checked, and short articles in other reporting styles."""

from __future__ import annotations

import pytest

from bot.core.corpus import Corpus

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


@pytest.mark.parametrize(("key", "expected"), SEED_SPEAKERS.items(), ids=[k[1][:20] for k in SEED_SPEAKERS])
def test_seed_quotation_speakers(corpus: Corpus, find_quote, key, expected) -> None:
    quote = find_quote(corpus, *key)
    assert quote.kind == "quote"
    assert (quote.speaker, quote.speaker_full) == expected


def test_every_served_quotation_in_the_seeds_was_hand_checked(corpus: Corpus) -> None:
    served = {(q.article_id[:3], q.text) for q in corpus.quotations() if q.who}
    checked = {
        (p, next(q.text for q in corpus.quotes if q.article_id.startswith(p) and q.text.startswith(s)))
        for p, s in SEED_SPEAKERS
    }
    assert served == checked


def test_roles_come_from_the_appositive(corpus: Corpus, find_quote) -> None:
    assert find_quote(corpus, "004", "Ukrainian forces").role == (
        "senior fellow in the Russia and Eurasia program at the Carnegie Endowment for International Peace"
    )
    assert find_quote(corpus, "004", "It’s still").role.startswith("a former intelligence official")
    assert find_quote(corpus, "000", "astounding").role.startswith("a fearsome Chechen warlord")


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
    fixture_corpus: Corpus, find_quote, article, start, speaker, full, pattern
) -> None:
    quote = find_quote(fixture_corpus, article, start)
    assert (quote.speaker, quote.speaker_full, quote.attribution) == (speaker, full, pattern)
