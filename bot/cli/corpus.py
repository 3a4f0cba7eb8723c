"""`python -m bot corpus`: the operator's view of the archive: check every article, export everything."""

from __future__ import annotations

import sys

from bot.archive.load import load_corpus
from bot.cli.corpus_report import check_json, check_text, export_json
from bot.settings import Settings


def check(settings: Settings, what: str = "check", as_json: bool = False) -> int:
    corpus = load_corpus(settings.corpus_dir, max_bytes=settings.max_article_bytes)
    if what == "export":
        sys.stdout.write(export_json(corpus) + "\n")
    else:
        sys.stdout.write(check_json(corpus) + "\n" if as_json else check_text(corpus, settings.corpus_dir))
    return 1 if corpus.errors else 0
