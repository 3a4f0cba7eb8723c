"""Every saved page of the fixture set read as its gold says: title, its own body (100 words, or all of a short
article), the right day: the page's own where a timestamp is in UTC, htmldate's search where nothing states it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.core.extraction import extract
from bot.core.reading.web_page import parse_webpage
from tests.conftest import FIXTURES

WEB = FIXTURES / "web"
GOLD = json.loads((WEB / "gold.json").read_text(encoding="utf-8"))["pages"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_each_fixture_page_is_read_and_dated_right(name: str) -> None:
    gold = GOLD[name]
    article = extract(parse_webpage(Path(name).stem, (WEB / name).read_text(encoding="utf-8"))).article
    assert article.headline == gold["title"]
    assert article.word_count >= gold.get("words", 100)  # a short notice is an article too
    assert article.paragraphs[0].startswith(gold["starts"])  # no kicker, byline or date line before the story
    body = " ".join(article.body.split())
    assert gold["body"] in body
    for text in gold["not_body"]:
        assert text.lower() not in body.lower(), text
    assert article.published is not None and article.published.value == dt.date.fromisoformat(gold["date"])
    assert article.published.precision == "day" and article.published.provenance == "stated"
    assert article.author == gold.get("author", article.author)


def test_every_page_in_the_folder_has_its_gold() -> None:
    pages = {path.name for path in WEB.glob("*.html")} - {"no_article.html"}
    assert pages == set(GOLD)
