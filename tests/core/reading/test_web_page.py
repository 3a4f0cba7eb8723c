"""Saved web pages: the article's own text and metadata, none of the page around it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.article import CorpusError
from bot.core.extraction import extract
from bot.core.reading.web_page import parse_webpage
from tests.conftest import FIXTURES

WEB = FIXTURES / "web"


def page(name: str):
    return parse_webpage(name, (WEB / f"{name}.html").read_text(encoding="utf-8"))


def test_a_cms_page_with_json_ld_gives_its_metadata_and_only_its_story() -> None:
    article = page("wordpress_jsonld")
    assert article.headline == "Harbour council approves ferry subsidy"
    assert article.author == "Maren Holt" and article.publication == "The Coastline Courier"
    assert (
        article.published.value == dt.date(2024, 3, 6)
        and article.published.precision == "day"
        and article.published.provenance == "stated"
    )
    body = article.body
    assert "school and the surgery" in body
    for debris in ("Subscribe today", "Related stories", "About time!", "All rights reserved", "Cookies"):
        assert debris not in body, debris


def test_an_opengraph_page_gives_its_metadata_and_standfirst() -> None:
    article = page("opengraph_only")
    assert article.headline == "Wind farm plan splits valley villages"
    assert article.standfirst == "Twelve turbines, two parishes and one long meeting"
    assert article.publication == "Valley Post" and article.published.value == dt.date(2023, 11, 14)
    assert "Spring sale" not in article.body and "Log in" not in article.body


def test_quotations_and_speakers_come_from_the_page_text_as_from_a_file() -> None:
    extracted = extract(page("wordpress_jsonld"))
    speakers = {q.who for q in extracted.quotes if q.kind == "quote"}
    assert "Ingrid Vale" in speakers


def test_a_page_without_an_article_is_refused_by_name() -> None:
    with pytest.raises(CorpusError, match="no_article: no article text"):
        page("no_article")


def test_a_utc_timestamp_is_read_as_the_pages_own_day() -> None:
    from bot.core.reading.page_meta import local_day, page_zone

    zone = page_zone(["2024-03-03T02:10:00Z", "2024-03-02T22:15:00-05:00"])
    assert zone == -300
    assert local_day("2024-03-03T02:10:00Z", zone) == "2024-03-02"
    assert local_day("2024-03-03T02:10:00+01:00", zone) == "2024-03-03"  # its own offset: already local
    assert local_day("2024-03-03T02:10:00Z", None) == "2024-03-03"  # no zone of its own: the UTC day
    assert page("utc_stamp_local_day").published.value == dt.date(2024, 3, 2)


def test_markup_counts_where_htmldate_agrees_and_the_byline_always() -> None:
    from bot.core.reading.web_page import choose_day

    def searched() -> str:
        return "2024-05-02"

    # markup that disagrees with htmldate's search gives way; a printed byline does not
    assert choose_day([("2024-01-09", "JSON-LD", "2024-01-09T10:00:00Z")], searched) == ("2024-05-02", "htmldate")
    assert choose_day([("2024-05-02", "JSON-LD", "2024-05-02T10:00:00Z")], searched) == ("2024-05-02", "JSON-LD")
    assert choose_day([("2024-01-09", "byline", "")], searched) == ("2024-01-09", "byline")
    # the page's own JSON-LD article, told apart from a related story's, counts as it is
    assert choose_day([("2024-01-09", "JSON-LD", "own")], searched) == ("2024-01-09", "JSON-LD")
    assert choose_day([], lambda: None) == (None, "")


def test_a_short_notice_is_an_article_and_a_date_found_only_by_search_counts() -> None:
    notice = page("short_notice")
    assert 40 <= notice.word_count < 80 and notice.published.value == dt.date(2024, 5, 21)
    assert page("url_date_only").published.value == dt.date(2023, 5, 17)  # htmldate's search: the address
