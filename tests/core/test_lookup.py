"""The article resolver on the seeds, alone and behind every command that takes `article:`."""

from __future__ import annotations

import pytest

from bot.app import App
from bot.core.answers.article import search_reply
from bot.core.article import Article
from bot.core.corpus import Corpus
from bot.core.lookup import find_article, find_publication
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore

WITHDRAWAL = "004_1b77e67b279ac622"  # “Russia’s Withdrawal from Ukraine: Prospects and Reality”, quoted
PUTIN = "000_8d65afffd99f3673"  # “Vladimir Putin’s war is failing. The West should help it fail faster”

# What a user may type for an article, and the article it names (None: no article, or too many).
LOOSE = [
    (WITHDRAWAL, WITHDRAWAL),  # its id
    (f"  {WITHDRAWAL} ", WITHDRAWAL),  # pasted with spaces
    ("004", WITHDRAWAL),  # the one id that begins so
    ("russia's withdrawal from ukraine: prospects and reality", WITHDRAWAL),  # straight apostrophe, lower case
    ("Withdrawal from Ukraine", WITHDRAWAL),  # the one headline holding it
    ("Russia withdrawl from Ukrane prospects", WITHDRAWAL),  # slips: the one close headline
    ("putin’s war is failing", PUTIN),
    ("Vladimir Putins war is failling", PUTIN),
    ("Ukraine", None),  # in four headlines
    ("the west", None),  # in two
    ("00", None),  # five ids begin so
    ("nothing-here", None),
    ("no such article @everyone", None),
    ("kharkiv", None),  # in bodies, in no headline
]


@pytest.mark.parametrize(("typed", "expected"), LOOSE)
def test_loose_inputs_name_one_article_or_none(corpus: Corpus, typed: str, expected: str | None) -> None:
    found = find_article(corpus.articles, typed)
    assert (found.id if found else None) == expected
    assert corpus.article(typed) is found


def test_an_exact_headline_wins_over_a_closer_guess() -> None:
    def article(article_id: str, headline: str) -> Article:
        return Article(article_id, headline, ["Some text."])

    articles = {a.id: a for a in (article("a", "Grain deal"), article("b", "Grain deals collapse"))}
    assert find_article(articles, "grain deal").id == "a"  # also a part of b's headline: the exact one wins
    assert find_article(articles, "Grain deals").id == "b"  # the one headline holding it
    assert find_article(articles, "Grain dael collapse").id == "b"
    assert find_article(articles, "") is None and find_article(articles, "   ") is None


async def test_every_article_option_resolves_alike(corpus: Corpus, tmp_path) -> None:
    """/article show, /timeline article: and /quote random article: name the same article for the same text."""
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    try:
        for typed, expected in LOOSE:
            shown = await app.answer(Invocation("article show", {"article": typed}))
            timeline = await app.answer(Invocation("timeline", {"article": typed}))
            quoted = await app.answer(Invocation("quote random", {"article": typed}))
            if expected is None:
                assert shown.ephemeral and timeline.ephemeral and quoted.ephemeral, typed
                continue
            assert not (shown.ephemeral or timeline.ephemeral or quoted.ephemeral), typed
            assert shown.data["article_id"] == expected
            assert {event["article_id"] for event in timeline.data["events"]} == {expected}
            assert quoted.data["quote"]["article_id"] == expected
    finally:
        await store.close()  # an open store's thread would keep the test run from ending


PUBLICATIONS = ["Bloomberg Opinion", "Foreign Affairs", "The Economist", "The New York Times", "Financial Times"]


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("economist", "The Economist"),
        ("The Economist", "The Economist"),
        ("NYT", "The New York Times"),
        ("N.Y.T.", "The New York Times"),
        ("new york times", "The New York Times"),
        ("ft", "Financial Times"),
        ("bloomberg", "Bloomberg Opinion"),
        ("foreign afairs", "Foreign Affairs"),
        ("economsit", "The Economist"),
    ],
)
def test_a_publication_is_found_by_its_short_and_loose_forms(typed: str, named: str) -> None:
    assert find_publication(PUBLICATIONS, typed) == named


@pytest.mark.parametrize("typed", ["Guardian", "times", "", "   "])
def test_an_unknown_or_ambiguous_publication_names_none(typed: str) -> None:
    assert find_publication(PUBLICATIONS, typed) is None


def test_search_says_a_publication_is_unknown_and_lists_those_there_are(corpus) -> None:
    reply = search_reply(corpus, "ukraine", publication="The Guardian")
    assert reply.ephemeral and "Guardian" in reply.pages[0].description
    assert all(name in reply.pages[0].description for name in corpus.index.publications)
    found = search_reply(corpus, "ukraine", publication="NYT")
    assert {r["article_id"] for r in found.data["results"]} == {
        a.id for a in corpus.articles.values() if a.publication == "The New York Times"
    }
