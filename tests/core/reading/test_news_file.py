"""Metadata per seed file, other layouts, warnings, and the shipped catalog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.archive.files import load_catalog, read_article
from bot.archive.load import load_corpus
from bot.core.article import CorpusError
from bot.core.corpus import Corpus
from bot.core.reading.catalog import apply_catalog, parse_catalog, unknown_entries
from bot.core.reading.news_file import parse_date_text
from bot.core.reading.review import review_corpus
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def parsed(prefix: str):
    """A seed as the parser reads it, without the catalog."""
    return read_article(next(SEEDS.glob(f"{prefix}_*.txt")))


def test_economist_layout() -> None:
    article = parsed("000")
    assert article.rubric == "Getting the job done"
    assert article.headline == "Vladimir Putin’s war is failing. The West should help it fail faster"
    assert article.standfirst == "Ukraine’s friends should reinforce its success by sending more and better weapons"
    assert (article.published.value, article.published.precision) == (dt.date(2022, 9, 15), "day")
    assert not any("images/" in p or p.startswith(">") for p in article.paragraphs)
    assert not article.paragraphs[-1].endswith("■")
    assert parsed("003").published.value == dt.date(2023, 4, 20)


def test_date_line_with_the_authors_summary() -> None:
    article = parsed("001")
    assert article.published == parse_date_text("2024-11-19")
    assert article.lead.startswith("Ukraine’s fight against Russian aggression")
    assert article.field_sources["headline"] == "derived"
    assert "no headline in the file; showing its first sentence" in article.warnings


def test_headline_printed_twice_is_kept_once() -> None:
    article = parsed("004")
    assert article.headline == "Russia’s Withdrawal from Ukraine: Prospects and Reality"
    assert article.headline not in article.paragraphs
    assert article.standfirst is None and "undated" in article.warnings


def test_a_headline_from_another_article_is_flagged() -> None:
    articles = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    review_corpus(articles)
    flagged = {a.id[:3]: a.warnings for a in articles}
    assert any("headline names Israel" in w for w in flagged["002"])
    assert any("standfirst names Netanyahu" in w for w in flagged["002"])
    for prefix in ("000", "001", "003", "004"):
        assert not any("names" in w for w in flagged[prefix]), prefix


def test_stray_spaces_go_and_lost_link_words_are_reported() -> None:
    article = parsed("003")
    assert "  " not in article.body
    assert "4 gap(s) where the scrape lost a link's words" in article.warnings


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2024-11-19", dt.date(2024, 11, 19), "day"),
        ("2024-07", dt.date(2024, 7, 1), "month"),
        ("2024", dt.date(2024, 1, 1), "year"),
        ("Sep 15th 2022", dt.date(2022, 9, 15), "day"),
        ("July 9, 2024", dt.date(2024, 7, 9), "day"),
        ("15 September 2022", dt.date(2022, 9, 15), "day"),
        ("July 2024", dt.date(2024, 7, 1), "month"),
    ],
)
def test_dates_keep_their_precision(text: str, value: dt.date, precision: str) -> None:
    date = parse_date_text(text)
    assert (date.value, date.precision, date.provenance) == (value, precision, "stated")


def test_not_dates() -> None:
    assert parse_date_text("Mayday 2024") is None and parse_date_text("Getting the job done") is None


def test_byline_and_front_matter_layouts() -> None:
    corpus = load_corpus(FIXTURES)
    city = corpus.articles["byline_city"]
    assert (city.author, city.published.value) == ("Jane Doe and John Roe", dt.date(2023, 3, 3))
    assert city.standfirst == "Engineers race to restore heating before the frost returns"
    assert city.paragraphs[0].startswith("KHARKIV — The lights") and "**" not in city.body
    talks = corpus.articles["front_matter_talks"]
    assert (talks.headline, talks.author, talks.publication) == (
        "Why the grain talks stalled",
        "Anna Weber",
        "The Example Review",
    )
    assert (talks.published.precision, talks.url) == ("month", "https://example.org/grain-talks")
    assert corpus.articles["byline_city_copy"].warnings == ["duplicate of byline_city"]
    assert corpus.articles["plain_undated"].warnings == ["undated"]


def test_shipped_catalog_is_valid_and_names_real_files() -> None:
    catalog = load_catalog(SEEDS)
    ids = {p.stem for p in SEEDS.glob("*.txt")}
    assert set(catalog) == ids and not unknown_entries(catalog, ids)
    assert {catalog[i]["publication"] for i in ids} == {
        "The Economist",
        "Bloomberg Opinion",
        "Foreign Affairs",
        "The New York Times",
    }
    assert not any("date" in entry for entry in catalog.values())  # no date the texts cannot justify


def test_catalog_wins_and_says_so(corpus: Corpus) -> None:
    article = corpus.articles["002_ef0831b4358510b1"]
    assert article.publication == "Foreign Affairs" and article.standfirst is None
    assert article.field_sources["headline"] == "catalog"
    assert "Israel" in article.replaced["headline"]
    economist = corpus.articles["000_8d65afffd99f3673"]
    assert economist.field_sources["published"] == "stated"


def test_catalog_date_has_catalog_provenance() -> None:
    catalog = parse_catalog('["004_1b77e67b279ac622"]\ndate = "2024-07"\n')
    article = apply_catalog(parsed("004"), catalog["004_1b77e67b279ac622"])
    assert (article.published.precision, article.published.provenance) == ("month", "catalog")
    assert article.date_label == "Jul 2024" and "undated" not in article.warnings


@pytest.mark.parametrize("text", ['["x"]\ncolour = "red"\n', '["x"]\ndate = "soon"\n', "not toml ["])
def test_a_broken_catalog_is_an_error_naming_the_problem(text: str) -> None:
    with pytest.raises(CorpusError, match="catalog.toml"):
        parse_catalog(text)


def test_a_broken_catalog_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A title\n\nSome body text here.\n", encoding="utf-8")
    (tmp_path / "catalog.toml").write_text('["a"]\ncolour = "red"\n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles) == ["a"] and "unknown field" in corpus.errors[0]


def test_toml_front_matter_with_published_and_updated() -> None:
    from bot.core.reading.news_file import parse_article

    text = '+++\ntitle = "Tram Fares Cut"\ndate = 2021-03-02T08:00:00+01:00\nlastmod = 2021-03-04\n+++\n\nFares fell.'
    article = parse_article("tram", text)
    assert (article.headline, article.published.value, article.updated.value) == (
        "Tram Fares Cut",
        dt.date(2021, 3, 2),
        dt.date(2021, 3, 4),
    )


def test_a_front_matter_date_that_is_no_date_is_a_warning_not_silence() -> None:
    from bot.core.reading.news_file import parse_article

    text = "---\nheadline: Ferry Timetable Changes\ndate: 2024-13-45\nupdated: 2024-02-30\n---\nThe ferry sails later."
    article = parse_article("ferry", text)
    assert article.published is None and "published" not in article.field_sources
    assert "date: “2024-13-45” is not a date (write it as 2024-11-19)" in article.warnings
    assert "updated: “2024-02-30” is not a date (write it as 2024-11-19)" in article.warnings
    good = parse_article("ferry", text.replace("2024-13-45", "2024-12-05").replace("2024-02-30", "2024-02-29"))
    assert good.published.value == dt.date(2024, 12, 5) and not any("not a date" in w for w in good.warnings)


def test_site_debris_and_masthead_are_no_headline() -> None:
    from bot.core.reading.news_file import parse_article

    text = (
        "Skip to main content\nThe Weekly Lamp\nMenu\nNews\n\nBridge Repairs Finish Early\n\nBy Ada Lin\n"
        "Tuesday 4 May 2021\n\nShare this article\n\nThe bridge reopened on Monday, a week early, after crews worked "
        "through the weekend to finish the deck and the railings.\n\n© 2021 The Weekly Lamp"
    )
    article = parse_article("bridge", text)
    assert (article.headline, article.author, article.publication) == (
        "Bridge Repairs Finish Early",
        "Ada Lin",
        "The Weekly Lamp",
    )
    assert article.published.value == dt.date(2021, 5, 4)
    assert article.paragraphs[0].startswith("The bridge reopened")


def test_labelled_newsroom_fields() -> None:
    from bot.core.reading.news_file import parse_article

    text = "SLUG: bridge\nBYLINE: Ada Lin, Staff\nDATE: 05/04/2021 at 9:00 PM\nHED: Bridge Opens\nDEK: A week early\n\n"
    article = parse_article("desk", text + "The bridge reopened on Monday.")
    assert (article.headline, article.standfirst, article.author) == ("Bridge Opens", "A week early", "Ada Lin")
    assert article.published.value == dt.date(2021, 5, 4)  # month first: the clock says PM
