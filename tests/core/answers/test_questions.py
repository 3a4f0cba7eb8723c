"""Searches asked as questions: who said it (the quotation first), when it began (the date of that beginning),
quotations found by their words, queries with nothing to search, and words typed in Cyrillic."""

from __future__ import annotations

import pytest

from bot.cli.console import render_text
from bot.core.answers.article import search_reply
from bot.core.answers.quote_search import matching_quotes
from bot.core.answers.quote_search import search_reply as quote_search
from bot.core.answers.related import related_reply
from bot.core.answers.timeline import timeline_reply
from bot.core.corpus import Corpus
from bot.core.reading.news_file import parse_article

RAIL = """Lviv rail hub reopens after repairs

Published: 2021-06-14

The station in Lviv reopened to passengers on Monday after a long closure.

“Trains will run every hour from tomorrow,” said Oksana Hrytsenko, who runs the regional railway.

Work on the old bridge began on March 3rd and ended last week, two months later than planned.

Officials in Odesa said they hoped to copy the plan for their own station.
"""

PORT = """Zaporizhzhia grain port ships its first cargo

Published: 2021-09-02

Dmytro Syrskyi, a port manager, said the barge left at dawn with wheat for export.

“This is the first ship to leave since the storm, and the trains are running again,” Syrskyi said.

The storm struck the coast in late July. Farmers called the delay “painful”.

Trains to the port will run every hour, the railway said in a statement.
"""


@pytest.fixture(scope="module")
def towns() -> Corpus:
    return Corpus.from_articles([parse_article(f"{i:03d}_towns", text) for i, text in enumerate((RAIL, PORT))])


def _passage(reply) -> str:
    """The first card's matching passage as a reader sees it, without the bold marks."""
    return {f.name: f.value for f in reply.pages[0].fields}["Matching passage"].replace("**", "")


def test_who_said_answers_with_the_quotation_and_its_speaker_first(towns: Corpus) -> None:
    reply = search_reply(towns, "who said trains will run every hour")
    first = reply.pages[0]
    assert first.title == "“Trains will run every hour from tomorrow”"
    assert "Oksana Hrytsenko" in first.description
    fields = {f.name: f.value for f in first.fields}
    assert fields["Article"] == "Lviv rail hub reopens after repairs" and "000_towns" in fields["Article id"]
    assert reply.data["quote"]["speaker"] == "Oksana Hrytsenko"
    assert reply.data["results"][0]["article_id"] == "000_towns"  # the article it is in leads the articles
    assert reply.jumps[0] == ("Quote", 0)


def test_who_said_with_quotation_marks_and_a_typo_still_finds_the_quotation(towns: Corpus) -> None:
    reply = search_reply(towns, "Who said “the first shipp to leave since the storm”?")
    assert reply.data["quote"]["speaker"] == "Dmytro Syrskyi"


def test_a_who_said_question_nobody_is_quoted_saying_is_a_plain_search(towns: Corpus) -> None:
    reply = search_reply(towns, "who said the barge left at dawn")  # reported, not quoted
    assert "quote" not in reply.data and reply.data["results"][0]["article_id"] == "001_towns"


def test_find_articles_about_a_who_said_message_shows_the_quotation_first(towns: Corpus) -> None:
    reply = related_reply(towns, "who said **this is the first ship to leave** since the storm?")
    assert reply.ephemeral and reply.data["quote"]["speaker"] == "Dmytro Syrskyi"


def test_when_something_began_shows_the_date_of_that_beginning(towns: Corpus) -> None:
    began = search_reply(towns, "when did work on the bridge begin")
    assert began.data["results"][0]["article_id"] == "000_towns"
    assert _passage(began).startswith("3 Mar 2021: Work on the old bridge began")
    ended = search_reply(towns, "when did work on the bridge end")
    assert _passage(ended).startswith("week of 7 Jun 2021: Work on the old bridge")  # 'ended last week'


def test_the_seeds_kharkiv_counter_offensive_began_on_september_5th(corpus: Corpus) -> None:
    reply = search_reply(corpus, "when did the kharkiv counter-offensive begin")
    assert _passage(reply).startswith("5 Sep 2022:") and "began on September 5th" in _passage(reply)


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("the", "only words that every article uses"),
        ("who said", "only words that every article uses"),
        ("of the and", "only words that every article uses"),
        ("../../etc/passwd", "file path or an address"),
        ("C:\\Windows\\system32", "file path or an address"),
        ("?!… ---", "no words in it"),
    ],
)
def test_a_query_with_nothing_to_search_says_so(towns: Corpus, query: str, why: str) -> None:
    reply = search_reply(towns, query)
    assert reply.ephemeral and reply.pages[0].title == "Nothing to search for"
    assert why in reply.pages[0].description and "spelling" not in render_text(reply)
    assert "Nothing to search for" in timeline_reply(towns, query=query).pages[0].title
    assert quote_search(towns, query).pages[0].title == "Nothing to search for"


def test_a_path_beside_real_words_is_left_out_of_the_search(towns: Corpus) -> None:
    reply = search_reply(towns, "lviv ../../etc/passwd")
    assert reply.data["results"][0]["article_id"] == "000_towns" and not reply.data["corrections"]


def test_quotations_are_found_by_their_words_best_first(towns: Corpus) -> None:
    assert [q.who for q in matching_quotes(towns, "trains")] == ["Oksana Hrytsenko", "Dmytro Syrskyi"]
    reply = quote_search(towns, "trains running again")
    assert [r["speaker"] for r in reply.data["results"]] == ["Dmytro Syrskyi"]
    assert reply.pages[0].footer == "Quotation 1 of 1 with the words “trains running again”"
    several = quote_search(towns, "trains")
    assert len(several.pages) == 2 and several.pages[0].fields[-1].name == "All 2 quotations"
    assert [r["speaker"] for r in quote_search(towns, "trains", speaker="Syrskyi").data["results"]] == [
        "Dmytro Syrskyi"
    ]


def test_quotations_without_the_words_say_so(towns: Corpus) -> None:
    reply = quote_search(towns, "**harvest** moon")
    assert reply.ephemeral and "\\*\\*harvest\\*\\* moon" in reply.pages[0].description


@pytest.mark.parametrize(
    ("typed", "article_id"),
    [
        ("Львів", "000_towns"),
        ("Львов", "000_towns"),
        ("Одеса", "000_towns"),
        ("Одесса", "000_towns"),
        ("Запоріжжя", "001_towns"),
        ("Запорожье", "001_towns"),
        ("Сирський", "001_towns"),
        ("Гриценко", "000_towns"),
    ],
)
def test_cyrillic_queries_find_what_the_articles_print_in_latin_letters(
    towns: Corpus, typed: str, article_id: str
) -> None:
    reply = search_reply(towns, typed)
    assert reply.data["results"][0]["article_id"] == article_id
    assert "read as" in reply.pages[0].footer


def test_a_cyrillic_place_no_article_names_is_no_match_saying_how_it_was_read(towns: Corpus) -> None:
    reply = search_reply(towns, "Артемівськ")
    assert reply.pages[0].title == "No match" and "artemivsk" in reply.pages[0].description
