"""Saved web pages read by the bot and by trafilatura alone: title + 100 words, the right day, clean bodies.

    python -m benchmarks.web_pages [FOLDER]   (default: tests/fixtures/web, its gold.json beside the pages)

gold.json: {"pages": {"file.html": {"title": …, "date": "YYYY-MM-DD", "body": a phrase of the body,
"not_body": [text around the article that must stay out]}}}.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.core.article import CorpusError  # noqa: E402
from bot.core.extraction import extract  # noqa: E402
from bot.core.reading.origins import source  # noqa: E402
from bot.core.reading.web_page import parse_webpage  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "web"
MIN_WORDS = 100  # an article is read when it has its title and at least this many words of body


@dataclass
class Reading:
    """What one reader made of one page, judged against its gold."""

    read: bool
    clean: bool
    date_right: bool
    date: str
    where: str = ""


def _same(title: str | None, gold: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"\W+", " ", text).strip().lower()

    return bool(title) and key(title) == key(gold)


def _clean(body: str, gold: dict) -> bool:
    flat = " ".join(body.split())
    return gold["body"] in flat and not any(bad.lower() in flat.lower() for bad in gold["not_body"])


def ours(path: Path, gold: dict) -> Reading:
    try:
        article = extract(parse_webpage(path.stem, path.read_text(encoding="utf-8"))).article
    except CorpusError:
        return Reading(False, False, False, "-", "no article")
    date = article.published.value.isoformat() if article.published else "-"
    kind, origin = source(article, "published") if article.published else ("none", "")
    where = kind if kind == origin or not origin else f"{kind} · {origin}"
    return Reading(
        _same(article.headline, gold["title"]) and article.word_count >= gold.get("words", MIN_WORDS),
        _clean(article.body, gold),
        date == gold["date"],
        date,
        where,
    )


def trafilatura_alone(path: Path, gold: dict) -> Reading:
    document = trafilatura.bare_extraction(path.read_text(encoding="utf-8"), with_metadata=True)
    if document is None:
        return Reading(False, False, False, "-")
    found = document.as_dict()
    text = found.get("text") or ""
    date = (found.get("date") or "-")[:10]
    return Reading(
        _same(found.get("title"), gold["title"]) and len(text.split()) >= gold.get("words", MIN_WORDS),
        _clean(text, gold),
        date == gold["date"],
        date,
    )


def _mark(ok: bool) -> str:
    return "yes" if ok else "NO"


def table(folder: Path) -> str:
    pages = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["pages"]
    head = (
        f"{'page':<24} {'read':>4} {'clean':>5} {'date':>4}  {'date source':<26} | {'read':>4} {'clean':>5} {'date':>4}"
    )
    lines = [f"{'':<24} {'ours':^40} | {'trafilatura alone':^17}", head, "-" * len(head)]
    totals = {"ours": [0, 0, 0], "alone": [0, 0, 0]}
    for name, gold in sorted(pages.items()):
        path = folder / name
        mine, theirs = ours(path, gold), trafilatura_alone(path, gold)
        for key, reading in (("ours", mine), ("alone", theirs)):
            for i, ok in enumerate((reading.read, reading.clean, reading.date_right)):
                totals[key][i] += ok
        where = mine.where if mine.date_right else f"{mine.where} ({mine.date})"
        alone_date = _mark(theirs.date_right) if theirs.date_right else f"NO ({theirs.date})"
        lines.append(
            f"{path.stem[:24]:<24} {_mark(mine.read):>4} {_mark(mine.clean):>5} {_mark(mine.date_right):>4}  "
            f"{where[:26]:<26} | {_mark(theirs.read):>4} {_mark(theirs.clean):>5} {alone_date}"
        )
    count = len(pages)
    share = {key: [f"{n / count:.2f}" for n in values] for key, values in totals.items()}
    lines.append("-" * len(head))
    lines.append(
        f"{f'share of {count} pages':<24} {share['ours'][0]:>4} {share['ours'][1]:>5} {share['ours'][2]:>4}  "
        f"{'':<26} | "
        f"{share['alone'][0]:>4} {share['alone'][1]:>5} {share['alone'][2]:>4}"
    )
    lines.append("read: the gold title and at least 100 words (a short article: all of it)")
    lines.append("clean: a body sentence in, the page around it out")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=FIXTURES, help="pages with a gold.json")
    args = parser.parse_args(argv)
    print(table(args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
