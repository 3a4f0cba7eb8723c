"""A saved news web page as article text: its stated metadata, trafilatura's main text, dates from its byline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import trafilatura

from bot.core.article import Article, CorpusError
from bot.core.articles import parse_article
from bot.core.page_lines import around_headline, page_lines
from bot.core.page_meta import parse_html, stated_fields, too_costly, too_costly_tree
from bot.core.published import Found, dates_in, find_publication

MIN_WORDS = 40  # fewer words of main text: a page of navigation, a gallery or an error, not an article
_EXTRACTED = {"headline": "title", "standfirst": "description", "author": "author", "publication": "sitename"}
_EXTRACTED |= {"url": "url", "language": "language"}
_FRONT_MATTER = ("headline", "standfirst", "author", "publication", "date", "updated", "url")
_ONE_LINE = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:-]\s+")


@dataclass
class Page:
    """What a page gives the article parser: fields with where each came from, and the body's paragraphs."""

    fields: dict[str, str] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)

    def put(self, name: str, value: str | None, origin: str) -> None:
        value = _ONE_LINE.sub(" ", value or "").strip()
        if value and name not in self.fields:
            self.fields[name], self.origins[name] = value, origin

    def text(self) -> str:
        """The page as the text parser reads files: the fields as front matter, then the paragraphs."""
        header = [f"{name}: {self.fields[name]}" for name in _FRONT_MATTER if name in self.fields]
        return ("---\n" + "\n".join(header) + "\n---\n" if header else "") + "\n\n".join(self.paragraphs) + "\n"


def _day(value: str) -> str | None:
    """A stated date ('2024-03-02T15:04:00-05:00', 'Sat, 02 Mar 2024 15:04:00 GMT', 'March 2, 2024') as the
    ISO day the publisher printed (its own time zone's), or None."""
    iso = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if iso:
        return iso.group(1)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = [d.value for d in dates_in(value, None) if d.value]
    return found[0].isoformat() if found else None


def _strip_site(title: str, site: str | None) -> str:
    """'Dam vote delayed | The Valley Post' → 'Dam vote delayed', when the part cut is the site's name."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and site and parts[-1].strip().lower() == site.strip().lower():
        return title[: title.lower().rfind(parts[-1].strip().lower())].rstrip(" |–—·•:-")
    return title


def _extract(page: str) -> dict[str, Any]:
    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},  # no guessing from URLs
    )
    if document is None:
        return {}
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def read_page(page: str) -> Page:
    """The page's fields, each from the strongest source that has it: what the markup states (JSON-LD, then
    OpenGraph and meta tags), then what the page prints around its headline (a <time> element, a byline or
    date line, a wire dateline), then what trafilatura and htmldate make of it; and trafilatura's main text
    (no navigation, comments or related links), without the date lines it kept. A CorpusError saying why for a
    page larger than the extractor is given (bot.core.page_meta's limits)."""
    if problem := too_costly(page):
        raise CorpusError(problem)
    tree = parse_html(page)
    if tree is not None and (problem := too_costly_tree(tree)):
        raise CorpusError(problem)
    found = _extract(page)
    result = Page()
    if tree is None or not found:
        return result
    stated = stated_fields(tree)
    site = stated.get("publication", (found.get("sitename"), ""))[0]
    for name, (value, origin) in stated.items():
        if name in ("date", "updated"):
            value = _day(value) or ""
        result.put(name, _strip_site(value, site) if name == "headline" else value, origin)
    shown = page_lines(tree)
    headline = result.fields.get("headline") or found.get("title")
    header, at, times = around_headline(shown, headline)
    site_name = result.fields.get("publication") or found.get("sitename")
    # the outlet's name printed under a byline ("Kelsey Ward / Riverton Times") is nobody's name
    below = [line for line in header[at:] if _site_key(line) != _site_key(site_name or "")]
    whole = "\n".join(shown.lines)
    above = find_publication(below, whole) if header else Found()  # the byline under the headline …
    if above.published is None and at:
        above = find_publication(header[:at] + below, whole)  # … else a date printed above it
    for value in times:
        result.put("date", _day(value), "time element")
    if above.published:
        result.put("date", above.published.value.isoformat(), "dateline" if above.dateline else "byline")
    if above.updated:
        result.put("updated", above.updated.value.isoformat(), "byline")
    if above.author and not _is_site(above.author, site_name):
        result.put("author", above.author.title() if above.author.isupper() else above.author, "byline")  # HELEN OKAFOR
    result.put("date", found.get("date"), "htmldate")
    for name, key in _EXTRACTED.items():
        result.put(
            name, found.get(key), _heading_origin(found.get(key), shown.lines) if name == "headline" else "trafilatura"
        )
    paragraphs = [line.strip() for line in (found.get("text") or "").split("\n") if line.strip()]
    in_body = find_publication(paragraphs, whole)  # the date lines the main text kept, or its dateline
    if in_body.published:
        result.put("date", in_body.published.value.isoformat(), "dateline" if in_body.dateline else "byline")
    result.put("author", in_body.author, "byline")
    kept = [p for i, p in enumerate(paragraphs) if i not in in_body.used]
    result.paragraphs = kept[_furniture(kept, header, result.fields) :]
    return result


FURNITURE_WORDS = 10  # a kicker, a name, a role or a standfirst above the body: short lines, not paragraphs


def _furniture(paragraphs: list[str], header: list[str], fields: dict[str, str]) -> int:
    """How many of the main text's first paragraphs are the page's header printed again: its section label,
    its author's name and role, its standfirst, its date line in any language ("Publié le 7 février 2023 …");
    trafilatura keeps some of them."""
    year = fields.get("date", "")[:4] or "no year"
    printed = {
        _site_key(line)
        for line in header
        if len(line.split()) <= FURNITURE_WORDS or len(line.split()) <= 2 * FURNITURE_WORDS and year in line
    }
    printed |= {_site_key(fields[name]) for name in ("headline", "standfirst") if name in fields}
    count = 0
    while count < min(len(paragraphs) - 1, 4) and _site_key(paragraphs[count]) in printed:
        count += 1
    return count


def _site_key(text: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"\W+", " ", text).strip().lower())


def _is_site(name: str | None, site: str | None) -> bool:
    """Whether a byline's 'author' is the outlet itself ('Riverton Times' on The Riverton Times)."""
    return bool(name and site) and (_site_key(name) in _site_key(site) or _site_key(site) in _site_key(name))


def _heading_origin(title: str | None, lines: list[str]) -> str:
    """Where trafilatura's title is printed: the page's heading, else its <title> or markup."""
    return "page heading" if title and title.strip() in lines else "trafilatura"


def parse_webpage(article_id: str, page: str) -> Article:
    """An Article from a saved web page, each field's origin in Article.origins; a CorpusError when the page
    holds no article."""
    try:
        read = read_page(page)
    except CorpusError as error:
        raise CorpusError(f"{article_id}: {error}") from None
    words = sum(len(p.split()) for p in read.paragraphs)
    if words < MIN_WORDS:
        raise CorpusError(f"{article_id}: no article text found in the page ({words} words of main text)")
    article = parse_article(article_id, read.text())
    article.origins = {("published" if name == "date" else name): origin for name, origin in read.origins.items()}
    article.language = read.fields.get("language")
    return article
