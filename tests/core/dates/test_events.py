"""Time expressions of the seeds and of fixture articles in other styles, against hand-checked values."""

from __future__ import annotations

import datetime as dt
import json

from bot.archive.files import read_article
from bot.core.article import PubDate
from bot.core.corpus import Corpus
from bot.core.dates.events import Event, extract_events
from tests.conftest import FIXTURES

DATES = FIXTURES / "dates"
GOLD = json.loads((DATES / "seed_gold.json").read_text(encoding="utf-8"))


def _fixture(name: str) -> list[Event]:
    article = read_article(DATES / name)
    corpus = Corpus.from_articles([article])  # estimates a missing publication date first
    return [e for e in corpus.events if e.kind == "mention"]


def _values(events: list[Event]) -> list[tuple[str, str | None, str]]:
    return [(e.text, e.value, e.tense) for e in events]


def test_every_seed_expression_matches_the_hand_checked_list(corpus: Corpus) -> None:
    found = [
        {
            "article": e.article_id,
            "text": e.text,
            "start": e.start,
            "value": e.value,
            "first": str(e.first),
            "last": str(e.last),
            "granularity": e.granularity,
            "modifier": e.modifier,
            "tense": e.tense,
            "approximate": e.approximate,
        }
        for e in corpus.events
        if e.kind == "mention"
    ]
    assert found == GOLD["expressions"]


def test_offsets_point_at_the_expression_in_the_body(corpus: Corpus) -> None:
    for event in corpus.events:
        if event.kind == "mention":
            body = corpus.articles[event.article_id].body
            assert body[event.start : event.end] == event.text
            assert event.text in event.sentence


def test_relative_expressions_land_in_the_right_year(corpus: Corpus) -> None:
    by_text = {(e.article_id[:3], e.text): e for e in corpus.events}
    assert by_text["003", "last October"].value == "2022-10"  # article of 20 Apr 2023
    assert by_text["001", "Friday"].first == dt.date(2024, 11, 15)  # article of Tue 19 Nov 2024
    assert by_text["003", "November"].value == "2022-11"
    assert by_text["000", "this week"].first == dt.date(2022, 9, 12)
    assert by_text["000", "this winter"].value == "2022-WI" and by_text["000", "this winter"].tense == "expected"
    assert by_text["001", "the new year"].value == "2025" and by_text["001", "the new year"].modifier == "start"


def test_undated_seeds_get_estimated_dates_and_approximate_relative_events(corpus: Corpus) -> None:
    for article_id, expected in GOLD["published"].items():
        published = corpus.articles[article_id].published
        assert (str(published.value), published.precision, published.provenance) == tuple(expected.values())
    nato = corpus.articles["004_1b77e67b279ac622"]
    assert nato.published.label() == "c. Jul 2024"
    relative = [e for e in corpus.events if e.article_id == nato.id and e.text in ("Last month", "this fall", "May")]
    assert relative and all(e.approximate for e in relative)
    explicit = [e for e in corpus.events if e.article_id == nato.id and e.text == "April 2022"]
    assert explicit and not explicit[0].approximate


def test_non_dates_are_left_out(corpus: Corpus) -> None:
    texts = " | ".join(e.text for e in corpus.events)
    for wrong in ("75th", "61", "1,000", "two years", "five months", "now", "1,700", "900"):
        assert wrong not in texts.split(" | "), wrong
    assert not any(e.text == "may" for e in corpus.events)


def test_each_publication_is_an_event(corpus: Corpus) -> None:
    published = [e for e in corpus.events if e.kind == "published"]
    assert len(published) == len(corpus.articles)
    assert {e.value for e in published} >= {"2022-09-15", "2024-11-19", "2023-04-20", "2024-07", "2023"}


def test_descriptions_are_short_clauses(corpus: Corpus) -> None:
    for event in corpus.events:
        if event.kind == "mention":
            assert 4 <= len(event.description.split()) <= 21, event.description
    week = next(e for e in corpus.events if e.text == "this week" and e.article_id.startswith("000"))
    assert "Kharkiv" in week.description


def test_wire_story_with_weekdays_ranges_and_anaphora() -> None:
    assert _values(_fixture("wire_dam_vote.txt")) == [
        ("Tuesday", "2023-06-13", "past"),  # the story is dated Wednesday 14 June 2023
        ("Two weeks ago", "2023-W22", "past"),
        ("June 20 to 21", "2023-06-20/2023-06-21", "expected"),
        ("late July", "2023-07", "expected"),
        ("1998", "1998", "past"),
        ("the following year", "1999", "past"),
        ("the early 2010s", "201X", "past"),
        ("next spring", "2024-SP", "expected"),
        ("Last month", "2023-05", "past"),
        ("March", "2023-03", "past"),  # "the March organisers" and "may need" are not dates
        ("the first quarter of 2024", "2024-Q1", "expected"),
    ]


def test_blog_post_with_day_first_dates_and_yesterday() -> None:
    assert _values(_fixture("blog_harbour_festival.txt")) == [
        ("Sunday morning", "2023-11-05", "past"),  # published that Sunday
        ("3 November 2023", "2023-11-03", "past"),
        ("next year", "2024", "expected"),
        ("the summer of 2024", "2024-SU", "expected"),
        ("Monday", "2023-11-06", "expected"),
        ("the 1990s", "199X", "past"),
        ("2019", "2019", "past"),
        ("the year before", "2018", "past"),
        ("Yesterday", "2023-11-04", "past"),
        ("12 May 1987", "1987-05-12", "past"),
        ("Today", "2023-11-05", "past"),  # "Today, festivals everywhere struggle": true as of that day
    ]


def test_without_any_anchor_relative_dates_stay_unresolved() -> None:
    events = _fixture("undated_valley_notes.txt")
    assert [(e.text, e.first, e.value) for e in events] == [
        ("Last week", None, None),
        ("this winter", None, None),
    ]


def test_undated_campaign_piece_is_estimated_from_its_own_mentions() -> None:
    article = read_article(DATES / "undated_campaign_notebook.txt")
    corpus = Corpus.from_articles([article])
    assert article.published == PubDate(dt.date(2020, 7, 1), "month", "estimated")
    events = [(e.text, e.value, e.approximate) for e in corpus.events if e.kind == "mention"]
    assert events == [
        ("March 2020", "2020-03", False),
        ("June", "2020-06", True),
        ("September", "2020-09", True),
        ("this fall", "2020-FA", True),
        ("Last month", "2020-06", True),
    ]


def test_stated_dates_are_not_approximate_and_estimated_anchor_is() -> None:
    article = read_article(DATES / "wire_dam_vote.txt")
    assert not any(e.approximate for e in extract_events(article))


def test_since_a_month_is_a_past_start_even_in_a_clause_about_the_future() -> None:
    from bot.core.reading.news_file import parse_article

    article = parse_article(
        "since_test",
        "---\nheadline: Road money\ndate: 2024-03-06\n---\n"
        "Opponents argued that the money should go to road repairs, where potholes have closed two lanes since "
        "January. The operator will add a sailing from May.\n",
    )
    found = {e.text: (e.first, e.tense) for e in extract_events(article) if e.kind == "mention"}
    assert found["January"] == (dt.date(2024, 1, 1), "past")
    assert found["May"][0] == dt.date(2024, 5, 1) and found["May"][1] == "expected"


def test_what_a_proposal_would_do_is_ahead_of_the_article() -> None:
    from bot.core.reading.news_file import parse_article

    article = parse_article(
        "would_test",
        "---\nheadline: School hours\ndate: 2024-03-02\n---\n"
        "The proposal would move the first bell to 8:30 a.m. from the autumn. "
        "Parents said the old hours had tired students last autumn.\n",
    )
    found = [(e.text, e.first, e.tense) for e in extract_events(article) if e.kind == "mention"]
    assert ("the autumn", dt.date(2024, 9, 1), "expected") in [(t, f, s) for t, f, s in found if t == "the autumn"]
    assert any(t == "last autumn" and f == dt.date(2023, 9, 1) for t, f, _ in found)
