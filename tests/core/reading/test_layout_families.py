"""The layouts that need reading of their own (wire copy without a year, transcripts, parliamentary records,
PDF exports, messaging threads, key-date explainers, correction notes) and the narratives that keep their
own time, each read as its gold says: headline, stated date, publication, author, summary, and the value of
each relative expression; a detail a correction retracts dates no event."""

from __future__ import annotations

import pytest

from benchmarks.layout_gold import Expected, load_expected, same_text
from benchmarks.timeml import value_right
from bot.archive.files import read_article
from bot.core.dates.events import extract_events
from bot.core.extraction import extract
from bot.core.reading.summary import summary
from tests.conftest import FIXTURES

GOLD = [(folder, entry) for folder in ("layout_families", "narratives") for entry in load_expected(FIXTURES / folder)]


@pytest.mark.parametrize(("folder", "expected"), GOLD, ids=[f"{f}/{e.name}" for f, e in GOLD])
def test_family_fixture_is_read_as_its_gold(folder: str, expected: Expected) -> None:
    article = read_article(FIXTURES / folder / expected.file)
    assert article.published is not None and article.published.provenance == "stated"
    assert (article.published.value, article.published.precision) == (expected.published, "day")
    assert same_text(article.headline, expected.headline), article.headline
    if expected.author is not None:
        assert same_text(article.author, expected.author), article.author
    if expected.publication is not None:
        assert same_text(article.publication, expected.publication), article.publication
    if expected.summary is not None:
        assert summary(article).startswith(expected.summary), summary(article)
    events = [e for e in extract_events(article) if e.kind == "mention"]
    for relative in expected.relative:
        start = article.body.find(relative.text)
        assert start >= 0, relative.text
        hits = [e for e in events if e.start < start + len(relative.text) and start < e.end]
        assert any(value_right(relative.value, e.first, e.last) for e in hits), (relative, [e.value for e in hits])
    for text in expected.not_events:
        start = article.body.find(text)
        assert not [e for e in events if e.start < start + len(text) and start < e.end], text


def test_a_quotation_across_a_pdf_page_break_comes_out_whole() -> None:
    article = read_article(FIXTURES / "layout_families" / "pdf_brief_groundwater.txt")
    assert "Page 1 of 3" not in article.body and "MINISTRY OF WATER" not in article.body
    assert "within a decade if pumping" in article.body  # "de-" + "cade" across lines
    quotes = [q.text for q in extract(article).quotes]
    assert any(q.startswith("We cannot promise") and q.endswith("large and small growers.") for q in quotes), quotes


def test_a_thread_post_counts_yesterday_from_its_own_day() -> None:
    article = read_article(FIXTURES / "layout_families" / "whatsapp_residents_flood.txt")
    values = {e.text: e.value for e in extract_events(article) if e.kind == "mention"}
    assert values["yesterday"] == "2024-02-08"  # posted 9 Feb
    assert values["last night"] == "2024-02-09"  # posted 10 Feb, not 8 Feb as the thread's first day says
    stamps = [e for e in extract_events(article) if e.text.startswith("2024-")]
    assert not stamps  # a post's timestamp is its anchor, not an event
