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
