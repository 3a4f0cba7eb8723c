"""`python -m bot corpus check` (a table an editor reads) and `corpus export --json` (the same, for tools)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from bot.archive.files import load_catalog
from bot.core.article import Article
from bot.core.corpus import Corpus
from bot.core.reading.catalog import unknown_entries
from bot.core.reading.news_file import _LOST_LINK  # the parser's own test for a lost link, so both count the same gaps
from bot.core.reading.origins import is_page, page_fields, page_lines, pages
from bot.core.reading.summary import summary, summary_source
from bot.core.text import clean_inline, truncate

COLUMNS = ("id", "headline", "publication", "date", "updated", "words", "quotes", "events", "catalog", "warnings")
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


_CONTEXT_WORDS = 4  # words either side of a gap: enough to find it in the file


def _squeezed(text: str) -> str:
    return re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))


def gap_places(article: Article) -> list[tuple[int, str]]:
    """(paragraph number from 1, the words around it) for each gap the scrape left where a link was; read
    from the file, where the gap is still its spaces (0: a paragraph not found, e.g. a header line)."""
    try:
        raw = Path(article.path).read_text(encoding="utf-8", errors="replace") if article.path else ""
    except OSError:
        return []
    paragraphs = [_squeezed(p) for p in article.paragraphs]
    places = []
    for line in raw.splitlines():
        for match in _LOST_LINK.finditer(line):
            spaces = re.search(r" +", match.group())
            before = clean_inline(line[: match.start() + spaces.start()]).split()[-_CONTEXT_WORDS:]
            after = clean_inline(line[match.start() + spaces.end() :]).split()[:_CONTEXT_WORDS]
            joint = "" if after and after[0][:1] in ",.;:" else " "
            around = _squeezed(f"{' '.join(before[-2:])} […]{joint}{' '.join(after[:2])}")  # as the parser marks it
            number = next((i for i, p in enumerate(paragraphs, start=1) if around in p), 0)
            places.append((number, f"{' '.join(before)} […]{joint}{' '.join(after)}".strip()))
    return places


def _where(numbers: list[int]) -> str:
    return ", ".join(f"¶{n}" if n else "header" for n in numbers)


def _located(article: Article, gaps: list[tuple[int, str]], unclosed: list[int]) -> list[str]:
    """The article's warnings, each gap warning saying where; a quotation left open gets one too."""
    warnings = [
        f"{w} ({_where([n for n, _ in gaps])})" if gaps and "lost a link's words" in w else w for w in article.warnings
    ]
    if unclosed:
        warnings.append(f"{len(unclosed)} quotation(s) without a closing mark ({_where(unclosed)})")
    return warnings


def _unclosed(corpus: Corpus) -> dict[str, list[int]]:
    paragraphs: dict[str, list[int]] = {}
    for quote in corpus.quotes:
        if quote.unclosed:
            paragraphs.setdefault(quote.article_id, []).append(quote.paragraph + 1)
    return paragraphs


def details(corpus: Corpus) -> list[str]:
    """One line per gap and per unclosed quotation, with the words an editor can search the file for."""
    lines = []
    for article in corpus.articles.values():
        for number, around in gap_places(article):
            lines.append(f"WARNING  {article.id} {_where([number])}: lost link words: “{around}”")
        for quote in corpus.quotes:
            if quote.article_id == article.id and quote.unclosed:
                words = quote.text.split()
                opening = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
                lines.append(f"WARNING  {article.id} ¶{quote.paragraph + 1}: no closing quotation mark: “{opening}")
    return lines


def rows(corpus: Corpus) -> list[dict[str, str]]:
    """One row per article: what an editor checks first."""
    quotes: dict[str, int] = {}
    for quote in corpus.quotations():
        quotes[quote.article_id] = quotes.get(quote.article_id, 0) + 1
    events: dict[str, int] = {}
    for event in corpus.timeline_events():
        events[event.article_id] = events.get(event.article_id, 0) + 1
    unclosed = _unclosed(corpus)
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
                "updated": article.updated.label() if article.updated else "-",
                "words": str(article.word_count),
                "quotes": str(quotes.get(article.id, 0)),
                "events": str(events.get(article.id, 0)),
                "catalog": ",".join(sorted(k for k, v in article.field_sources.items() if v == "catalog")) or "-",
                "warnings": "; ".join(_located(article, gap_places(article), unclosed.get(article.id, []))) or "ok",
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
        "updated": 11,
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
        f"{sum(1 for q in corpus.quotes if q.kind == 'term')} terms, {len(corpus.timeline_events())} dated events"
    )
    lines.extend(details(corpus))
    lines.extend(page_lines(corpus))
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
                **({"page_fields": page_fields(article)} if is_page(article) else {}),  # saved web pages only
            }
        )
    return {"articles": articles, "errors": corpus.errors}


def export_json(corpus: Corpus) -> str:
    return json.dumps(export(corpus), ensure_ascii=False, indent=2)


def check_json(corpus: Corpus) -> str:
    """`corpus check --json`: the table's rows, each web page's fields and sources, and the errors."""
    return json.dumps(
        {"rows": rows(corpus), "pages": pages(corpus), "errors": corpus.errors}, ensure_ascii=False, indent=2
    )
