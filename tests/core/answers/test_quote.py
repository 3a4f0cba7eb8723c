"""Quote cards: the quotation once, no internal id, topics from what was said, notices that say which filter failed."""

from __future__ import annotations

from bot.cli.console import render_text
from bot.core.answers import quote as answer
from bot.core.corpus import Corpus
from bot.core.reading.news_file import parse_article
from bot.core.thresholds import SPEAKER_CHOICE

HARBOUR = """Harbour talks stall as winter nears

Published: 2023-03-01

“The ceasefire will hold through the winter,” said Anna Lindqvist, a senior fellow at the Institute for Peace Studies.

The port reopened in March. “We are ready to export grain again,” Lindqvist said.

Tomas Berg, a shipping analyst, said the insurers would “wait and see before covering any vessel.”
"""

GRAIN = """Grain prices fall in Europe

Published: 2023-04-02

Farmers in Poland protested on Monday. “Our silos are full and nobody buys,” said Marek Nowak, who grows wheat.
"""


def small_corpus(*texts: str) -> Corpus:
    return Corpus.from_articles([parse_article(f"{i:03d}_test", text) for i, text in enumerate(texts)])


def card(corpus: Corpus, speaker: str = "", topic: str = "", article: str = "") -> tuple[str, answer.Reply]:
    options = {k: v for k, v in (("speaker", speaker), ("topic", topic), ("article", article)) if v}
    pool = answer.candidates(corpus, speaker, article, topic)
    reply = answer.quote_reply(corpus, pool[0], options, matching=len(pool))
    return render_text(reply), reply


def test_the_quotation_is_printed_once_and_no_internal_id_is_shown() -> None:
    corpus = small_corpus(HARBOUR, GRAIN)
    for quote in answer.servable(corpus):
        reply = answer.quote_reply(corpus, quote, {"speaker": quote.who or ""})
        text = render_text(reply)
        assert text.count(quote.display_text) == 1, text
        assert quote.id not in text and quote.article_id not in text
        assert reply.data["quote"]["id"] == quote.id  # the id stays in the --json results


def test_the_sentence_is_shown_only_when_it_says_more_than_who_spoke() -> None:
    corpus = small_corpus(HARBOUR)
    ready = next(q for q in answer.servable(corpus) if q.text.startswith("We are ready"))
    assert answer.quote_reply(corpus, ready, {}).pages[0].description == (
        "— **Anna Lindqvist**, a senior fellow at the Institute for Peace Studies"
    )  # “…,” Lindqvist said. tells nothing the attribution does not
    text, _ = card(corpus, speaker="Tomas Berg")
    assert "> Tomas Berg, a shipping analyst, said the insurers would “…”" in text


def test_a_quotation_too_long_for_a_title_is_given_whole_in_the_description() -> None:
    words = " ".join(["the harbour must stay open for every ship that carries grain"] * 5)
    corpus = small_corpus(f"Long words\n\nPublished: 2023-01-01\n\n“{words},” said Anna Lindqvist.\n")
    text, reply = card(corpus)
    assert reply.pages[0].title == "Quotation from Anna Lindqvist"
    assert text.count(words) == 1 and len(reply.pages[0].title) < 256


def test_topic_matches_what_was_said_not_the_speakers_employer() -> None:
    corpus = small_corpus(HARBOUR)
    assert answer.candidates(corpus, topic="peace") == []  # “Institute for Peace Studies” is who she is
    assert [q.text[:12] for q in answer.candidates(corpus, topic="ceasefire")] == ["The ceasefir"]
    assert [q.who for q in answer.candidates(corpus, topic="insurers")] == ["Tomas Berg"]  # the sentence counts


def test_the_seeds_peace_topic_is_not_carnegies_name(corpus: Corpus) -> None:
    assert all("Carnegie" not in answer._said(q) for q in answer.candidates(corpus, topic="peace"))
    assert not any(q.who in ("Michael Kofman", "Eric Ciaramella") for q in answer.candidates(corpus, topic="peace"))


def test_a_single_match_says_it_is_the_only_one_and_several_say_how_many() -> None:
    corpus = small_corpus(HARBOUR, GRAIN)
    _, only = card(corpus, speaker="Nowak")
    assert only.pages[0].footer == "The only quotation matching these filters"
    assert only.actions[0].label != "Another quote" and "only" in only.actions[0].label
    _, several = card(corpus, speaker="Lindqvist")
    assert several.pages[0].footer == "2 quotations matching these filters"
    assert several.actions[0].label == "Another quote"


def test_closeness_ranks_names_by_their_words_not_by_shared_letters() -> None:
    assert answer.closeness("Putin", "the Kremlin") < SPEAKER_CHOICE
    assert answer.closeness("Putin", "Vladimir Putin") == 100
    assert answer.closeness("kofmann", "Michael Kofman") >= SPEAKER_CHOICE
    assert answer.closeness("zel", "Volodymyr Zelensky") == 100
    known = ["the Kremlin", "Michael Kofman", "Ramzan Kadyrov", "Vladimir Putin", "Dmitry Peskov"]
    assert answer.closest_speakers(known, "Putni")[0] == "Vladimir Putin"


def test_nobody_close_is_said_and_who_is_quoted_is_listed(corpus: Corpus) -> None:
    text = answer.no_quote_reply(corpus, "Macron", None).pages[0].description  # the seeds never quote him
    assert "Closest speakers" not in text and "Nobody called “Macron” is quoted" in text
    assert "Michael Kofman" in text and "Olaf Scholz" in text  # who is quoted instead
    small = small_corpus(HARBOUR)
    hint = answer.no_quote_reply(small, "Lindkvist Berk", None).pages[0].description
    assert hint.split("Closest speakers: ")[1].split(", ") == ["Anna Lindqvist", "Tomas Berg"]


def test_a_speaker_not_quoted_in_the_article_asked_is_told_with_where_they_are(corpus: Corpus) -> None:
    text = answer.no_quote_reply(corpus, "Kofman", "000_8d65afffd99f3673").pages[0].description
    assert "Michael Kofman is not quoted in “Vladimir Putin’s war is failing" in text
    assert "Michael Kofman is quoted in “Russia’s Withdrawal from Ukraine" in text and "004_1b77e67b279ac622" in text
    assert "Closest speakers" not in text
    small = small_corpus(HARBOUR, GRAIN)
    text = answer.no_quote_reply(small, "Lindqvist", "001_test").pages[0].description
    assert "Anna Lindqvist is not quoted in “Grain prices fall in Europe”" in text
    assert "Quoted in that article: Marek Nowak." in text


def test_a_topic_nobody_spoke_of_says_so() -> None:
    small = small_corpus(HARBOUR, GRAIN)
    assert "The only quotation these filters allow is not about “drones”" in (
        answer.no_quote_reply(small, "Nowak", None, "drones").pages[0].description
    )


def test_an_article_that_is_not_there_is_named_with_the_ones_that_quote_someone() -> None:
    small = small_corpus(HARBOUR, GRAIN)
    text = answer.no_quote_reply(small, "Lindqvist", "zzzz qqq").pages[0].description
    assert "No article is called “zzzz qqq”." in text and "Articles with quotations:" in text


def test_the_footer_says_how_far_the_channel_is_through_the_quotations() -> None:
    corpus = small_corpus(HARBOUR, GRAIN)
    pool = answer.candidates(corpus)
    footers = [
        answer.quote_reply(corpus, q, {}, matching=len(pool), shown=n).pages[0].footer for n, q in enumerate(pool, 1)
    ]
    assert footers == [f"Shown here: {n} of {len(pool)} quotations" for n in range(1, len(pool) + 1)]
    again = answer.quote_reply(corpus, pool[0], {}, matching=len(pool), restarted=True, shown=1).pages[0].footer
    assert again == f"Shown here: 1 of {len(pool)} quotations · all had been shown, so a new round began"


def test_a_word_or_two_in_quotation_marks_is_served_only_when_nothing_said_is_there() -> None:
    corpus = small_corpus(
        "Talks stall\n\nPublished: 2023-02-01\n\nAnna Lindqvist said the offer was “unacceptable.” "
        "“We will keep the port open for every ship,” said Tomas Berg.\n"
    )
    quotes = answer.servable(corpus)
    assert [(q.who, answer.spoken(q)) for q in quotes] == [("Anna Lindqvist", False), ("Tomas Berg", True)]
    assert [q.who for q in answer.candidates(corpus)] == ["Tomas Berg"]
    assert [q.text for q in answer.candidates(corpus, speaker="Lindqvist")] == ["unacceptable."]  # all she said
