"""Where a saved page's fields come from: its markup, its visible byline or dateline, trafilatura and htmldate."""

from __future__ import annotations

import pytest

from bot.core.reading.page_meta import parse_html, stated_fields
from bot.core.reading.web_page import parse_webpage
from tests.conftest import FIXTURES

WEB = FIXTURES / "web"


def origins(name: str) -> dict[str, str]:
    return parse_webpage(name, (WEB / f"{name}.html").read_text(encoding="utf-8")).origins


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("wordpress_jsonld", "JSON-LD"),
        ("opengraph_only", "OpenGraph"),
        ("comments_related", "meta"),
        ("time_element_only", "time element"),
        ("gannett_byline", "byline"),
        ("wire_reuters", "dateline"),
    ],
)
def test_the_date_says_where_it_was_found(name: str, published: str) -> None:
    assert origins(name)["published"] == published


def test_json_ld_wins_over_meta_and_authors_are_joined() -> None:
    arc = parse_webpage("arc_post", (WEB / "arc_post.html").read_text(encoding="utf-8"))
    assert arc.author == "Dana Whitfield and Marcus Oyelaran" and arc.origins["author"] == "JSON-LD"
    assert arc.url == "https://ledger.example/dc-md-va/2024/03/02/bike-lanes-audit/"
    assert arc.language == "en" and arc.origins["language"] == "html lang"


def test_a_yoast_graph_gives_its_article_not_its_web_page() -> None:
    tree = parse_html((WEB / "wordpress_yoast.html").read_text(encoding="utf-8"))
    stated = stated_fields(tree)
    assert stated["headline"] == ("Lake district ferry adds winter sailings", "JSON-LD")
    assert stated["date"] == ("2022-10-11T06:30:12+00:00", "JSON-LD")
    assert stated["author"] == ("Tom Arkwright", "JSON-LD")
    assert stated["language"] == ("en-US", "JSON-LD")


def test_a_site_name_after_an_opengraph_title_is_cut() -> None:
    page = parse_webpage("yoast", (WEB / "wordpress_yoast.html").read_text(encoding="utf-8"))
    assert page.headline == "Lake district ferry adds winter sailings"


def test_a_visible_byline_gives_the_author_and_the_updated_day() -> None:
    page = parse_webpage("gannett", (WEB / "gannett_byline.html").read_text(encoding="utf-8"))
    assert page.published.value.isoformat() == "2024-03-02" and page.updated.value.isoformat() == "2024-03-03"
    assert "Published 3:04" not in page.body


BODY = "<p>" + " ".join(["The ferry ran late again on Tuesday, passengers said."] * 12) + "</p>"


@pytest.mark.parametrize(
    "head",
    [
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": ["a", "list"]</script>',
        '<script type="application/ld+json">[1, "two", {"@type": ["NewsArticle"], "author": [null, 3]}]</script>',
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "soon"}]}</script>',
        '<meta property="article:published_time" content="not a date"><meta name="author">',
        '<meta name="date" content="Sat, 02 Mar 2024 15:04:00 GMT">',
    ],
)
def test_odd_markup_never_breaks_the_reading(head: str) -> None:
    article = parse_webpage(
        "odd", f"<html><head><title>Ferry late again</title>{head}</head><body>{BODY}</body></html>"
    )
    assert article.word_count >= 100 and "ferry ran late" in article.body
    if "Sat, 02 Mar" in head:
        assert article.published.value.isoformat() == "2024-03-02" and article.origins["published"] == "meta"


def test_a_byline_is_read_under_the_first_heading_when_the_metadata_words_the_headline_otherwise() -> None:
    page = (WEB / "gannett_byline.html").read_text(encoding="utf-8")
    social = '<meta property="og:title" content="Riverton schools: start-time vote put off">'
    article = parse_webpage("social", page.replace("</head>", social + "</head>"))
    assert (
        article.headline == "Riverton schools: start-time vote put off" and article.origins["headline"] == "OpenGraph"
    )
    assert article.published.value.isoformat() == "2024-03-02" and article.origins["published"] == "byline"
    assert article.author == "Kelsey Ward"
