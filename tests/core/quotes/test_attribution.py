"""Who speaks each quotation: the seeds, hand-checked, and short articles in other reporting styles."""

from __future__ import annotations

import tomllib

import pytest

from bot.core.corpus import Corpus
from tests.conftest import FIXTURES

# (article prefix, start of the quotation) → (speaker as named, full name, pattern) — checked by reading.
SEED_SPEAKERS = {
    ("000", "Do you still think that?"): ("Ukraine’s president", "Volodymyr Zelensky"),
    ("000", "astounding"): ("Ramzan Kadyrov", "Ramzan Kadyrov"),
    # “… excuses Vladimir Putin has given … is that Ukraine and Russia are “one nation””: his claim.
    ("000", "one nation"): ("Vladimir Putin", "Vladimir Putin"),
    ("001", "unacceptable."): ("the Kremlin", None),
    ("002", "Russia must not win, Ukraine must not lose."): ("Olaf Scholz", "Olaf Scholz"),
    ("004", "Ukrainian forces are under pressure"): ("Michael Kofman", "Michael Kofman"),
    ("004", "possess the capabilities"): ("Eric Ciaramella", "Eric Ciaramella"),
    ("004", "a democratic, prosperous"): ("Ciaramella", "Eric Ciaramella"),
    ("004", "It’s still a highly volatile landscape"): ("Ciaramella", "Eric Ciaramella"),
    ("004", "That’s why Western leaders"): ("Ciaramella", "Eric Ciaramella"),
    # “… summit in Vilnius, Lithuania, where leaders declared that “…””: the group, placed by its meeting.
    ("004", "Ukraine’s future is NATO"): ("leaders at last year’s summit in Vilnius, Lithuania", None),
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


# Short articles of our own, one rule each: (text, start of the quotation, who the bot must give or None).
RULES = [
    # titles, roles and appositions around a name are stripped to the name; a bare title is never a speaker
    ('"Tolls pay for the bridge," said Rep. Dale Moss (R-Tex.), who sits on the panel.', "Tolls", "Dale Moss"),
    ("“The line opens in May,” transit director Amy Cole said.", "The line", "Amy Cole"),
    ("The deputy, Sen. Pia Laird of Maine, said: “We will vote.”", "We will", "Pia Laird"),
    ("“We waited an hour,” said Rep. Ito.", "We waited", "Ito"),
    ("“Our friends no longer trust us,” former Ohio governor Dan Kell said.", "Our friends", "Dan Kell"),
    ("“We walk,” the union spokesman, Ira Dent, told reporters.", "We walk", "Ira Dent"),
    ("“No deal yet,” Rob Hart, Moss' campaign manager, said.", "No deal", "Rob Hart"),
    ("Former Secretary of State Ann Vale urged voters to turn out, saying, “Every vote counts.”", "Every", "Ann Vale"),
    ("“Soil is alive,” Lou Park, the chief chemist of Iowa, said.", "Soil", "Lou Park"),
    # an honorific surname resolves to the full name printed earlier
    ("Farmer Noel Grady sells eggs. “Prices doubled,” Mr. Grady said.", "Prices", "Noel Grady"),
    # a pronoun: the nearest person of its gender, across a paragraph break
    ("Lena Ortiz runs the shelter.\n\nMark Dunn helps on Sundays. “We are full,” she said.", "We are", "Lena Ortiz"),
    ("The county board voted late. “The budget is closed,” it said.", "The budget", "the county board"),
    # a cue-less paragraph continues the previous speaker's quotation
    ("“We lost the roof,” said Omar Reyes.\n\n“Then we lost the walls.”", "Then we", "Omar Reyes"),
    # somebody unnamed is shown as described, never as the name printed nearby
    ("Capt. Ivo Lund led the unit. “We move at night,” a soldier said.", "We move", "a soldier"),
    ("“No comment,” said a spokeswoman for Ivo Lund.", "No comment", "a spokeswoman for Ivo Lund"),
    # according to, before and after; a statement; a signature after a dash
    ("The tank was “never inspected,” according to Rosa Vance.", "never", "Rosa Vance"),
    ("Vance's statement also said the plant was “closed for good.”", "closed", "Vance"),
    ("“I would vote for her again.” ― Tina Marsh", "I would", "Tina Marsh"),
    ("Said Paul Ngata: “Nobody asked us.”", "Nobody", "Paul Ngata"),
    # a paraphrase, then the words; a claim through the sentence; a role standing for the named person
    ("Mayor Joy Park urged calm before the vote: “Count every ballot.”", "Count", "Joy Park"),
    ("Eli Shore, the finance minister, spoke. The minister called it “a fair deal.”", "a fair", "Eli Shore"),
    # a second quotation in a naming sentence, a short phrase between; a sentence announcing the next
    ("Tom Ruiz called the mayor a “liar” who is “utterly out of touch.”", "utterly", "Tom Ruiz"),
    (
        "Paula Reyes spoke last.\n\nReyes continued:\n\n“We have waited long enough for the bridge.”",
        "We have",
        "Paula Reyes",
    ),
    ("“Fares go up in May,” Ben Ito said, adding later, “and the trains stay slow.”", "and the", "Ben Ito"),
    # a quotation in a list belongs to the list's verb, not to whoever speaks after it
    ("As Ray Hill spoke of “a rigged game,” and “lost jobs,” Ann Loy said yes.", "lost jobs", None),
    # a name beginning with "He", "She" or "It" is no pronoun
    ("“The pier needs work,” said Henry Olsen, a ferry pilot.", "The pier", "Henry Olsen"),
    ("Sheldon Park runs the dock. “We open at six,” Sheldon Park said.", "We open", "Sheldon Park"),
    # the speaker named in a fragment after the full stop, after an aside, after dialogue's "!"
    ("Tom Hale spoke. “The boats are old and the engines are older.” Tom Hale said.", "The boats", "Tom Hale"),
    ("“Fares must rise,” because the boats are old, said Ana Ruiz, the operator's chief.", "Fares", "Ana Ruiz"),
    ("“This is fantastic!” beamed Rosa Lind of Eastvale.", "This is", "Rosa Lind"),
    # marks: a curly quotation closed by a straight one; three apostrophes close two quotations
    ('“We will not wait for the county," Lars Henning said. "The crew starts Monday."', "The crew", "Lars Henning"),
    ("''I would call it 'old-school,''' said Greta Vik, who ran the yard.", "I would", "Greta Vik"),
    # the subject goes on after "but that", and in a clause of its own after "that while"
    ("Ana Ruiz said the fares were fair, but that “the timetable needs work.”", "the timetable", "Ana Ruiz"),
    ("Ana Ruiz said that while fares rise, “the boats will finally be safe.”", "the boats", "Ana Ruiz"),
    # a colon: whose reply, a title and a name
    ("Ana Ruiz was asked if she would resign. Her reply, in full: “No, and I never will.”", "No, and", "Ana Ruiz"),
    ("Harbour chair Ola Brandt: “The ferry runs as long as I am here.”", "The ferry", "Ola Brandt"),
    # somebody unnamed, as described, not the name printed nearby; an apposition is a role; a thing is nobody
    (
        "Gov. Elena Varga left early. “Nobody signs,” a senior official involved in the talks said.",
        "Nobody",
        "a senior official involved in the talks",
    ),
    (
        "Ann Roe left. When I asked a deputy mayor, she said, “We cannot borrow our way out.”",
        "We cannot",
        "a deputy mayor",
    ),
    ("Ana Ruiz, a ferry pilot, put it simply: “The sea decides.”", "The sea", "Ana Ruiz"),
    ("They were hailed as “liberators of the coast,” a claim repeated since the spring.", "liberators", None),
]


@pytest.mark.parametrize(("text", "start", "who"), RULES, ids=[r[1] for r in RULES])
def test_attribution_rules_on_short_articles(text: str, start: str, who: str | None) -> None:
    from bot.core.quotes.quotations import extract_quotes
    from bot.core.reading.news_file import parse_article

    quotes = extract_quotes(parse_article("rule", f"---\nheadline: h\ndate: 2024-01-01\n---\n{text}\n"))
    quote = next(q for q in quotes if q.text.startswith(start))
    assert quote.who == who


ATTRIBUTION = FIXTURES / "attribution"
EXPECTED = tomllib.loads((ATTRIBUTION / "expected.toml").read_text(encoding="utf-8"))


def _folded(name: str | None) -> str:
    return " ".join((name or "").replace("’", "'").casefold().split()).removeprefix("the ")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixtures_meet_their_expected_speakers(name: str) -> None:
    """Every quotation of tests/fixtures/attribution has the speaker expected.toml gives (somebody unnamed as
    described; none for words that are nobody's), and no term is served."""
    from bot.core.quotes.quotations import extract_quotes
    from bot.core.reading.news_file import parse_article

    quotes = extract_quotes(parse_article(name, (ATTRIBUTION / f"{name}.txt").read_text(encoding="utf-8")))
    for entry in EXPECTED[name]:
        quote = next(q for q in quotes if q.text.lstrip(" ").startswith(entry["words"]))
        if entry["kind"] == "term" or not entry["speaker"]:
            assert not (quote.kind == "quote" and quote.who), entry  # not served
        else:
            assert quote.kind == "quote" and _folded(quote.who) == _folded(entry["speaker"]), entry
