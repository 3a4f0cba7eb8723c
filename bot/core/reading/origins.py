"""`corpus check` on saved web pages: each .html article's fields and where on the page each came from."""

from __future__ import annotations

from typing import Any

from bot.core.article import Article
from bot.core.corpus import Corpus
from bot.core.text import truncate

FIELDS = ("headline", "standfirst", "author", "publication", "published", "updated", "language", "url")
# Where a page's field can come from, by kind: stated in its markup, extracted by trafilatura or htmldate from
# its layout, printed in its visible byline/date line or wire dateline.
STATED = {"JSON-LD", "OpenGraph", "meta", "microdata", "canonical link", "html lang", "time element"}
EXTRACTED = {"trafilatura", "htmldate", "page heading"}
VISIBLE = {"byline", "dateline"}
WEB_SUFFIXES = (".html", ".htm")


def is_page(article: Article) -> bool:
    """Whether the article was read from a saved web page."""
    return bool(article.origins) or (article.path is not None and article.path.suffix.lower() in WEB_SUFFIXES)


def _value(article: Article, name: str) -> str | None:
    if name in ("published", "updated"):
        date = getattr(article, name)
        return f"{date.label()} ({date.precision})" if date else None
    value = getattr(article, name)
    return str(value) if value else None


def source(article: Article, name: str) -> tuple[str, str]:
    """(kind, origin) of one field: ('stated', 'JSON-LD'), ('extracted', 'htmldate'), ('byline', 'byline'),
    ('estimated', 'the bot'), ('derived', 'first sentence'), ('catalog', 'catalog.toml') …"""
    if article.field_sources.get(name) == "catalog":
        return "catalog", "catalog.toml"
    if name == "published" and article.published and article.published.provenance == "estimated":
        return "estimated", "dates in the text"
    if article.field_sources.get(name) == "derived":
        return "derived", "first sentence"
    origin = article.origins.get(name)
    if origin in STATED:
        return "stated", origin
    if origin in EXTRACTED:
        return "extracted", origin
    if origin in VISIBLE:
        return origin, "visible page"
    if name in ("author", "published", "updated"):
        return "byline", "main text"  # the text parser's own byline and date line rules found it
    return "stated", "main text"


def page_fields(article: Article) -> dict[str, dict[str, str]]:
    """Each field the page gave: its value, its kind of source and the exact origin."""
    fields = {}
    for name in FIELDS:
        value = _value(article, name)
        if value is not None:
            kind, origin = source(article, name)
            fields[name] = {"value": value, "source": kind, "origin": origin}
    return fields


def pages(corpus: Corpus) -> list[dict[str, Any]]:
    """The saved web pages of the corpus, each with its fields' values and sources."""
    return [{"id": a.id, "fields": page_fields(a)} for a in corpus.articles.values() if is_page(a)]


def page_lines(corpus: Corpus) -> list[str]:
    """The section of `corpus check` that lists each web page's fields: 'published  byline  2 Mar 2024 (day)'."""
    found = pages(corpus)
    if not found:
        return []
    lines = [f"WEB PAGES ({len(found)}): where each field came from"]
    for page in found:
        lines.append(f"  {page['id']}")
        for name, field in page["fields"].items():
            where = field["source"] if field["source"] == field["origin"] else f"{field['source']} · {field['origin']}"
            lines.append(f"    {name:<12} {where:<28} {truncate(field['value'], 70)}")
    counts: dict[str, int] = {}
    for page in found:
        kind = page["fields"].get("published", {}).get("source", "none")
        counts[kind] = counts.get(kind, 0) + 1
    lines.append("  dates: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())))
    return lines
