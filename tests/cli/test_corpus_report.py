"""`corpus check` and `corpus export --json` on the seeds."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil

from bot.__main__ import main
from bot.archive.load import load_corpus
from bot.cli.corpus_report import check_text, export, gap_places, rows
from bot.core.answers.archive import status_reply
from bot.core.answers.timeline import timeline_reply
from bot.core.corpus import Corpus
from tests.conftest import FIXTURES

# A scraped article as they come: two links whose words were cut out, one quotation never closed, an update date.
SCRAPED = """---
title: Ferry strike ends after a week
date: 2024-05-02
updated: 2024-05-04
---

The strike, which began on April 25th, closed every crossing.

Crews at the  voted on Friday to return; the union said pay talks would resume around , in June.

“We have won nothing yet, said a deckhand who asked not to be named.
"""


def test_one_row_per_article_with_provenance_and_catalog_fields(corpus: Corpus) -> None:
    table = {row["id"][:3]: row for row in rows(corpus)}
    assert set(table) == {"000", "001", "002", "003", "004"}
    assert table["000"]["date"] == "15 Sep 2022 (day, stated)"
    assert table["000"]["publication"] == "The Economist" and table["000"]["catalog"] == "publication"
    assert table["004"]["date"].startswith("c. ") and "estimated" in table["004"]["date"]
    assert table["004"]["quotes"] == "6"  # with the summit leaders' “Ukraine’s future is NATO”
    assert "Israel" in table["002"]["warnings"]
    # header, five rows, totals, then one line per gap (five) and per unclosed quotation (one)
    assert check_text(corpus).count("\n") == 13


def test_export_is_json_with_quotes_and_events(corpus: Corpus) -> None:
    data = json.loads(json.dumps(export(corpus)))
    by_id = {a["id"][:3]: a for a in data["articles"]}
    kofman = next(q for q in by_id["004"]["quotes"] if q["speaker"] == "Michael Kofman")
    assert kofman["kind"] == "quote" and kofman["article_id"].startswith("004") and kofman["sentence"]
    assert by_id["000"]["published"] == {"value": "2022-09-15", "precision": "day", "provenance": "stated"}
    assert all(isinstance(e, dict) for a in data["articles"] for e in a["events"])
    assert by_id["001"]["summary_source"] == "lead paragraph"


def test_cli_exit_codes(capsys, monkeypatch, tmp_path) -> None:
    assert main(["corpus", "check"]) == 0
    assert "000_8d65afffd99f3673" in capsys.readouterr().out
    assert main(["corpus", "export", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 5
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01")
    (tmp_path / "ok.txt").write_text("Title\n\nBody text.\n", encoding="utf-8")
    monkeypatch.setenv("BOT_CORPUS_DIR", str(tmp_path))
    assert main(["corpus", "check"]) == 1
    assert "ERROR" in capsys.readouterr().out


def test_gaps_and_unclosed_quotations_are_reported_where_they_are(tmp_path) -> None:
    (tmp_path / "ferry.txt").write_text(SCRAPED, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    article = corpus.articles["ferry"]
    assert gap_places(article) == [
        (2, "Crews at the […] voted on Friday to"),
        (2, "talks would resume around […], in June."),
    ]
    row = rows(corpus)[0]
    assert "2 gap(s) where the scrape lost a link's words (¶2, ¶2)" in row["warnings"]
    assert "1 quotation(s) without a closing mark (¶3)" in row["warnings"]
    assert row["updated"] == "4 May 2024" and row["date"].startswith("2 May 2024")
    text = check_text(corpus)
    assert "WARNING  ferry ¶2: lost link words: “Crews at the […] voted on Friday to”" in text
    assert "WARNING  ferry ¶3: no closing quotation mark: “We have won nothing yet, said a deckhand …" in text
    assert "UPDATED" in text.splitlines()[0]
    assert export(corpus)["articles"][0]["warnings"] == ["2 gap(s) where the scrape lost a link's words"]


def test_a_title_case_headline_word_is_not_reported_as_a_name(corpus: Corpus) -> None:
    # “It Is Time for Netanyahu to Take Yes for an Answer”: Netanyahu is a name, Yes and Answer are not
    warnings = {row["id"][:3]: row["warnings"] for row in rows(corpus)}["002"]
    assert "Netanyahu" in warnings and "Yes" not in warnings and "Answer" not in warnings


def test_every_count_of_events_is_the_events_timeline_shows(corpus: Corpus, caplog) -> None:
    shown = len(timeline_reply(corpus).data["events"])
    assert shown == len(corpus.timeline_events())
    assert f", {shown} dated events" in check_text(corpus)
    assert sum(int(row["events"]) for row in rows(corpus)) == shown
    status = {f.name: f.value for f in status_reply(corpus, dt.datetime.now(dt.UTC)).pages[0].fields}
    assert status["Dated events"] == str(shown)
    with caplog.at_level(logging.INFO, logger="bot.archive.load"):
        load_corpus(corpus.articles[next(iter(corpus.articles))].path.parent)
    assert f"{shown} dated events from" in caplog.text


def test_check_lists_each_web_page_s_fields_and_where_each_came_from(capsys, monkeypatch, tmp_path) -> None:
    web = FIXTURES / "web"
    for name in ("gannett_byline", "wire_reuters", "wordpress_jsonld"):
        shutil.copy(web / f"{name}.html", tmp_path)
    (tmp_path / "note.txt").write_text("Ferry notes\n\nThe ferry sails twice a day.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    lines = check_text(corpus).splitlines()
    section = lines[lines.index("WEB PAGES (3): where each field came from") :]
    assert "  gannett_byline" in section and "  note" not in section
    fields = {line.split()[0]: line for line in section[section.index("  gannett_byline") + 1 :][:7]}
    assert fields["headline"].split(None, 1)[1].startswith("extracted · page heading")
    assert " byline · visible page " in fields["published"] and fields["published"].endswith("2 Mar 2024 (day)")
    assert " byline · visible page " in fields["updated"] and "3 Mar 2024" in fields["updated"]
    assert "stated · JSON-LD" in section[section.index("  wordpress_jsonld") + 1]
    assert section[-1] == "  dates: 1 byline, 1 dateline, 1 stated"
    monkeypatch.setenv("BOT_CORPUS_DIR", str(tmp_path))
    assert main(["corpus", "check", "--json"]) == 0
    checked = json.loads(capsys.readouterr().out)
    reuters = next(page for page in checked["pages"] if page["id"] == "wire_reuters")
    assert reuters["fields"]["published"] == {
        "value": "5 Mar 2024 (day)",
        "source": "dateline",
        "origin": "visible page",
    }
    assert reuters["fields"]["author"]["value"] == "Pieter de Wolf"
    assert {row["id"] for row in checked["rows"]} == {"gannett_byline", "wire_reuters", "wordpress_jsonld", "note"}
    exported = {a["id"]: a for a in export(corpus)["articles"]}
    assert "page_fields" in exported["wordpress_jsonld"] and "page_fields" not in exported["note"]
