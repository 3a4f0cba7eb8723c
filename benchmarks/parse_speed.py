"""Parsing, sentence splitting and quotation extraction CPU time per article, on copies of the seeds."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.core.articles import parse_article
from bot.core.quotes import extract_quotes
from bot.core.summary import summary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main(count: int = 2000) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    started = time.process_time()
    articles = [parse_article(f"a{i}", texts[i % len(texts)]) for i in range(count)]
    parsed = time.process_time()
    quotes = sum(len(extract_quotes(a)) for a in articles)
    quoted = time.process_time()
    for article in articles:
        summary(article)
    summed = time.process_time()
    print(f"| step ({count} articles, {quotes} quotes) | CPU s | ms/article | 10k articles s |")
    print("|---|---|---|---|")
    for name, seconds in (
        ("parse + clean + split", parsed - started),
        ("quotations", quoted - parsed),
        ("summary", summed - quoted),
    ):
        print(f"| {name} | {seconds:.2f} | {seconds / count * 1000:.2f} | {seconds / count * 10000:.1f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
