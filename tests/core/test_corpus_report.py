"""`corpus check` and `corpus export --json` on the seeds."""

from __future__ import annotations

import json

from bot.__main__ import main
from bot.core.corpus import Corpus
from bot.corpus_report import check_text, export, rows


def test_one_row_per_article_with_provenance_and_catalog_fields(corpus: Corpus) -> None:
    table = {row["id"][:3]: row for row in rows(corpus)}
    assert set(table) == {"000", "001", "002", "003", "004"}
    assert table["000"]["date"] == "15 Sep 2022 (day, stated)"
    assert table["000"]["publication"] == "The Economist" and table["000"]["catalog"] == "publication"
    assert table["004"]["date"].startswith("c. ") and "estimated" in table["004"]["date"]
    assert table["004"]["quotes"] == "6"  # with the summit leaders' “Ukraine’s future is NATO”
    assert "Israel" in table["002"]["warnings"]
    assert check_text(corpus).count("\n") == 7  # header, five rows, totals


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
