"""/timeline on the real seeds: overlap with the asked period, grouping, labels, errors."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.answers.timeline import timeline_reply
from bot.core.corpus import Corpus
from bot.core.replies.layout import message_payload
from bot.core.replies.reply import UserError

TODAY = dt.date(2025, 3, 12)


def _text(reply) -> str:
    return "\n".join(page.description for page in reply.pages)


def test_september_2022_holds_its_days_and_weeks_and_shows_2022_apart(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, date="September 2022", today=TODAY)
    events = reply.data["events"]
    precise = [(e["text"], e["label"]) for e in events if not e["during"]]
    assert precise == [
        ("September 5th", "5 Sep 2022"),
        ("this week", "week of 12 Sep 2022"),
        ("15 Sep 2022", "15 Sep 2022"),
    ]
    during = {e["value"] for e in events if e["during"]}
    assert during == {"2022"}  # "2022" and "mid-2022": year-level, shown apart
    text = _text(reply)
    assert "Oct 2022" not in text and "during" not in text  # the heading says it: "during c. 2023" read badly
    apart = text.index("less precisely dated")
    assert text.index("5 Sep 2022") < text.index("week of 12 Sep 2022") < apart < text.index("**2022** —")


def test_the_whole_timeline_is_chronological_and_grouped_by_year(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, today=TODAY)
    firsts = [e["first"] for e in reply.data["events"]]
    assert firsts == sorted(firsts)
    headings = [line for page in reply.pages for line in page.description.splitlines() if line.startswith("__**")]
    assert headings[:3] == ["__**1994**__", "__**2000s**__", "__**2014**__"]
    assert len(reply.pages) > 1 and all(len(p.description) <= 3500 for p in reply.pages)
    assert message_payload(reply)["components"][0]["components"][2]["label"] == f"1/{len(reply.pages)}"


def test_crimea_2014_from_two_articles_is_one_entry_with_both_sources(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, date="2014", today=TODAY)
    lines = reply.pages[0].description.splitlines()
    assert lines[0] == "__**2014**__" and lines[1].startswith("**2014** — 3 mentions in 3 articles")
    crimea = [line for line in lines if "annexed the peninsula" in line]
    assert len(crimea) == 1 and " · " in crimea[0]  # one line, two sources
    assert len(reply.data["events"]) == 4


def test_precision_is_shown_as_it_is_known(corpus: Corpus) -> None:
    text = _text(timeline_reply(corpus, today=TODAY))
    for label in (
        "**5 Sep 2022**",
        "**late Mar 2022**",
        "**Spring 2022**",
        "**mid-2022**",
        "**early 2000s**",
        "**c. Jul 2024**",
        "**c. early summer 2024**",
        "**Winter 2022–23**",
        "**1994**",
    ):
        assert label in text, label


def test_fuzzy_query_and_article_filter(corpus: Corpus) -> None:
    misspelt = timeline_reply(corpus, query="karkiv", today=TODAY)
    # every dated sentence that names Kharkiv: the Sep 2022 offensive and the 2024 spring push
    assert {e["text"] for e in misspelt.data["events"]} == {"this week", "the spring", "early summer"}
    one = timeline_reply(corpus, article="003_ca573a1cae3f6ec8", today=TODAY)
    assert {e["article_id"] for e in one.data["events"]} == {"003_ca573a1cae3f6ec8"}


def test_open_range_and_relative_user_dates(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, start="Nov 2024", today=TODAY)
    # everything overlapping November 2024 onwards, coarse periods included: the range has no single size
    assert [e["value"] for e in reply.data["events"]] == [
        "2024",
        "2024-FA",
        "2024-11-15",
        "2024-11-19",
        "2024-11-19",  # "The war continues today" in the article published that day
        "2025",
        "2025",
        "2025",
    ]
    assert reply.pages[0].title == "Timeline · since Nov 2024"
    last_year = timeline_reply(corpus, date="last year", today=TODAY)
    assert all(e["last"] >= "2024-01-01" and e["first"] <= "2024-12-31" for e in last_year.data["events"])


def test_bad_dates_and_inverted_ranges_are_user_errors(corpus: Corpus) -> None:
    with pytest.raises(UserError, match="Sep 2022"):
        timeline_reply(corpus, date="the day after never", today=TODAY)
    with pytest.raises(UserError, match="comes before the start"):
        timeline_reply(corpus, start="2024", end="2022", today=TODAY)
    empty = timeline_reply(corpus, date="1066", today=TODAY)
    assert empty.ephemeral and empty.data["events"] == []


def test_ranges_and_seasons_show_vaguer_dates_apart_by_the_same_rule(corpus: Corpus) -> None:
    """A year-only mention is 'less precisely dated' for a range inside that year as for a month."""
    for options in ({"start": "Sep 2022", "end": "Oct 2022"}, {"date": "September 2022"}, {"date": "winter 2022"}):
        reply = timeline_reply(corpus, today=TODAY, **options)
        text = _text(reply)
        coarse = {e["value"] for e in reply.data["events"] if e["during"]}
        assert "2022" in coarse, options
        assert text.index("less precisely dated") < text.index("**2022** —"), options
    whole_year = timeline_reply(corpus, start="2022", end="2022", today=TODAY)
    assert not any(e["during"] and e["value"] == "2022" for e in whole_year.data["events"])


def test_one_sentence_gives_one_entry_per_date(corpus: Corpus) -> None:
    events = timeline_reply(corpus, date="2022", today=TODAY).data["events"]
    by_sentence = {}
    for event in events:
        by_sentence.setdefault((event["article_id"], event["sentence"]), []).append(event)
    for same in by_sentence.values():  # no entry whose period holds another's from the same sentence
        for a in same:
            assert not any(b is not a and a["first"] <= b["first"] and a["last"] >= b["last"] for b in same), same


def test_forecasts_are_shown_as_expected(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, date="2025", today=TODAY)
    text = _text(reply)
    expected = [e for e in reply.data["events"] if e["tense"] == "expected"]
    assert expected and all(f"**{e['label']}** (expected)" in text for e in expected)
    past = [e for e in timeline_reply(corpus, date="2014", today=TODAY).data["events"] if e["tense"] == "past"]
    assert past and "(expected)" not in _text(timeline_reply(corpus, date="2014", today=TODAY))


@pytest.mark.parametrize(
    ("typed", "printed"),
    [("kiev", "kyiv"), ("zelenksy", "zelensky"), ("zelenskiy", "zelensky"), ("annexing", "annexed")],
)
def test_timeline_query_matches_words_as_search_does(corpus: Corpus, typed: str, printed: str) -> None:
    """One query matcher: spellings, typos and forms find the same events as the printed word."""
    found = [e["start"] for e in timeline_reply(corpus, query=typed, today=TODAY).data["events"]]
    assert found and found == [e["start"] for e in timeline_reply(corpus, query=printed, today=TODAY).data["events"]]


def test_timeline_query_needs_every_word(corpus: Corpus) -> None:
    both = timeline_reply(corpus, query="crimea annexed", today=TODAY).data["events"]
    crimea = timeline_reply(corpus, query="crimea", today=TODAY).data["events"]
    assert both and len(both) <= len(crimea)
    assert all("crimea" in (e["sentence"] + e["description"]).lower() for e in both)
    assert timeline_reply(corpus, query="crimea quokka", today=TODAY).ephemeral
