"""The admin's catalog (catalog.toml in the corpus folder): recorded facts that win over parsing."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from bot.core.article import Article, CorpusError, PubDate, review
from bot.core.reading.news_file import parse_date_text

CATALOG_FILE = "catalog.toml"
FIELDS = ("publication", "headline", "standfirst", "rubric", "author", "url", "date")

Catalog = dict[str, dict[str, Any]]


def _checked_date(file_id: str, value: Any) -> PubDate:
    """A catalog date: a TOML date, or text such as '2024-07', 'July 2024' or '2024' (precision kept)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PubDate(value, "day", "catalog")
    parsed = parse_date_text(str(value), provenance="catalog") if isinstance(value, str | int) else None
    if parsed is None:
        raise CorpusError(f"{CATALOG_FILE}: [{file_id}] date {value!r} is not a date (use 2024-07-09, 2024-07 or 2024)")
    return parsed


def parse_catalog(text: str) -> Catalog:
    """Validate catalog text: one table per file id, only known fields, dates that parse."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(f"{CATALOG_FILE}: not valid TOML ({error})") from error
    catalog: Catalog = {}
    for file_id, entry in data.items():
        if not isinstance(entry, dict):
            raise CorpusError(f'{CATALOG_FILE}: {file_id} must be a table, e.g. ["{file_id}"]')
        unknown = sorted(set(entry) - set(FIELDS))
        if unknown:
            raise CorpusError(
                f"{CATALOG_FILE}: [{file_id}] has unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}"
            )
        checked: dict[str, Any] = {}
        for name, value in entry.items():
            if name == "date":
                checked[name] = _checked_date(file_id, value)
            elif not isinstance(value, str) or (name in ("headline", "publication") and not value.strip()):
                raise CorpusError(f"{CATALOG_FILE}: [{file_id}] {name} must be non-empty text")
            else:
                checked[name] = value.strip() or None  # "" clears a wrong standfirst, author, rubric or url
        catalog[Path(file_id).stem] = checked
    return catalog


def apply_catalog(article: Article, entry: dict[str, Any] | None) -> Article:
    """Overwrite the article's fields with the catalog's and record that they came from it."""
    if not entry:
        return article
    for name, value in entry.items():
        attribute = "published" if name == "date" else name
        if name == "headline" and article.field_sources.get("headline") == "derived":
            article.warnings = [w for w in article.warnings if not w.startswith("no headline")]
        if article.field_sources.get(attribute) != "catalog" and getattr(article, attribute) is not None:
            article.replaced[attribute] = getattr(article, attribute)
        setattr(article, attribute, value)
        article.field_sources[attribute] = "catalog"
    review(article)
    return article


def unknown_entries(catalog: Catalog, article_ids: set[str]) -> list[str]:
    """Catalog ids that match no file: most likely a typo the admin wants to hear about."""
    return sorted(set(catalog) - article_ids)
