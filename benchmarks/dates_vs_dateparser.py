"""Side-by-side table: our time rules vs dateparser's search_dates on the seeds, against hand-checked gold.

Run: .venv/bin/python benchmarks/dates_vs_dateparser.py
Gold: tests/fixtures/dates/seed_gold.json (every calendar expression of the five seeds, checked by hand).
A hit is correct when it overlaps a gold expression and names the same period (ours: the same value;
dateparser: a datetime inside the gold period). Both systems get the same anchor for each article: its stated
date, or our estimate for the two undated ones.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

from dateparser.search import search_dates

from bot.archive.load import load_corpus

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "fixtures" / "dates" / "seed_gold.json").read_text(encoding="utf-8"))


def _gold_by_article() -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = {}
    for row in GOLD["expressions"]:
        row = dict(row, end=row["start"] + len(row["text"]))
        gold.setdefault(row["article"], []).append(row)
    return gold


def _overlapping(gold: list[dict], start: int, end: int) -> dict | None:
    return next((g for g in gold if g["start"] < end and start < g["end"]), None)


def score(hits: dict[str, list[tuple[int, int, object]]], correct_if) -> dict[str, int]:
    gold = _gold_by_article()
    found, correct = set(), 0
    total = sum(len(h) for h in hits.values())
    for article_id, article_hits in hits.items():
        for start, end, answer in article_hits:
            match = _overlapping(gold.get(article_id, []), start, end)
            if match and correct_if(match, answer):
                correct += 1
                found.add((article_id, match["start"]))
    expected = sum(len(g) for g in gold.values())
    return {
        "hits": total,
        "correct": correct,
        "wrong": total - correct,
        "missed": expected - len(found),
        "gold": expected,
    }


def main() -> None:
    corpus = load_corpus(ROOT / "seeds")
    ours: dict[str, list] = {}
    for event in corpus.events:
        if event.kind == "mention":
            ours.setdefault(event.article_id, []).append((event.start, event.end, event.value))
    theirs: dict[str, list] = {}
    for article in corpus.articles.values():
        body, cursor = article.body, 0
        base = dt.datetime.combine(article.published.value, dt.time())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(body, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        for text, when in found:
            start = body.find(text, cursor)
            start = start if start >= 0 else body.find(text)
            cursor = start + len(text)
            theirs.setdefault(article.id, []).append((start, start + len(text), when.date()))
    rows = [
        ("rules (bot/core/dates/rules.py + events.py)", score(ours, lambda g, value: g["value"] == value)),
        ("dateparser.search_dates", score(theirs, lambda g, day: g["first"] <= str(day) <= g["last"])),
    ]
    widths = {"hits": 5, "correct": 8, "wrong": 6, "missed": 7, "precision": 10, "recall": 7}
    print(f"{'system':<40} " + " ".join(f"{name:>{width}}" for name, width in widths.items()))
    for name, s in rows:
        precision = s["correct"] / s["hits"] if s["hits"] else 0.0
        recall = (s["gold"] - s["missed"]) / s["gold"]
        print(
            f"{name:<40} {s['hits']:>5} {s['correct']:>8} {s['wrong']:>6} {s['missed']:>7} "
            f"{precision:>10.2f} {recall:>7.2f}"
        )
    print(f"gold expressions: {rows[0][1]['gold']} in {len(corpus.articles)} seeds")
    wrong = [
        (a[:3], body_text)
        for a, hits in theirs.items()
        for s, e, _ in hits
        if not _overlapping(_gold_by_article().get(a, []), s, e)
        for body_text in [corpus.articles[a].body[s:e]]
    ]
    print("dateparser hits on non-dates, e.g.:", ", ".join(repr(t) for _, t in wrong[:12]))


if __name__ == "__main__":
    main()
