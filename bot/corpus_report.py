"""`python -m bot corpus check` (a table an editor reads) and `corpus export --json` (the same, for tools)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from bot.core.catalog import unknown_entries
from bot.core.corpus import Corpus
from bot.core.summary import summary, summary_source
from bot.core.text import truncate
from bot.loading.files import load_catalog

COLUMNS = ("id", "headline", "publication", "date", "words", "quotes", "events", "catalog", "warnings")
# The catalog column lists the fields the admin's catalog.toml set; the rest came from the file.


def _plain(value: Any) -> Any:
    """Dataclasses, dates and paths as JSON values, whatever their fields (Event, Quote, PubDate, …)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


def rows(corpus: Corpus) -> list[dict[str, str]]:
    """One row per article: what an editor checks first."""
    quotes: dict[str, int] = {}
    for quote in corpus.quotations():
        quotes[quote.article_id] = quotes.get(quote.article_id, 0) + 1
    events: dict[str, int] = {}
    for event in corpus.events:
        events[event.article_id] = events.get(event.article_id, 0) + 1
    table = []
    for article in corpus.articles.values():
        published = article.published
        date = f"{published.label()} ({published.precision}, {published.provenance})" if published else "undated"
        table.append(
            {
                "id": article.id,
                "headline": article.headline,
                "publication": article.publication or "?",
                "date": date,
                "words": str(article.word_count),
                "quotes": str(quotes.get(article.id, 0)),
                "events": str(events.get(article.id, 0)),
                "catalog": ",".join(sorted(k for k, v in article.field_sources.items() if v == "catalog")) or "-",
                "warnings": "; ".join(article.warnings) or "ok",
            }
        )
    return table


def check_text(corpus: Corpus, folder: Path | None = None) -> str:
    """The table as aligned text, then errors (files skipped, a broken catalog) and catalog typos."""
    widths = {
        "id": 20,
        "headline": 44,
        "publication": 18,
        "date": 30,
        "words": 5,
        "quotes": 6,
        "events": 6,
        "catalog": 32,
    }
    lines = ["  ".join(c.upper().ljust(widths.get(c, 0)) for c in COLUMNS).rstrip()]
    for row in rows(corpus):
        cells = [truncate(row[c], widths[c]).ljust(widths[c]) if c in widths else row[c] for c in COLUMNS]
        lines.append("  ".join(cells))
    quotes = corpus.quotations()
    lines.append(
        f"{len(corpus.articles)} articles, {len(quotes)} quotations "
        f"({sum(1 for q in quotes if q.who)} attributed), "
        f"{sum(1 for q in corpus.quotes if q.kind == 'term')} terms, {len(corpus.events)} events"
    )
    if folder is not None:
        try:
            for file_id in unknown_entries(load_catalog(folder), set(corpus.articles)):
                lines.append(f"WARNING  catalog entry [{file_id}] matches no file")
        except Exception:  # noqa: BLE001 - already reported as an error by load_corpus
            pass
    lines.extend(f"ERROR  {error}" for error in corpus.errors)
    return "\n".join(lines) + "\n"


def export(corpus: Corpus) -> dict[str, Any]:
    """Every article's metadata, summary, quotations and events as plain JSON values."""
    articles = []
    for article in corpus.articles.values():
        articles.append(
            {
                "id": article.id,
                "headline": article.headline,
                "standfirst": article.standfirst,
                "rubric": article.rubric,
                "publication": article.publication,
                "author": article.author,
                "url": article.url,
                "published": _plain(article.published),
                "date_label": article.date_label,
                "field_sources": article.field_sources,
                "replaced": _plain(article.replaced),
                "warnings": article.warnings,
                "words": article.word_count,
                "sentences": len(article.sentences),
                "summary": summary(article),
                "summary_source": summary_source(article),
                "quotes": [
                    {**_plain(q), "id": q.id, "who": q.who} for q in corpus.quotes if q.article_id == article.id
                ],
                "events": [_plain(e) for e in corpus.events if e.article_id == article.id],
            }
        )
    return {"articles": articles, "errors": corpus.errors}


def export_json(corpus: Corpus) -> str:
    return json.dumps(export(corpus), ensure_ascii=False, indent=2)
