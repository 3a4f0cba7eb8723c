"""A saved news web page as article text: its stated metadata, trafilatura's main text, dates from its byline."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import trafilatura
from htmldate import find_date

from bot.core.article import Article, CorpusError
from bot.core.reading.news_file import parse_article
from bot.core.reading.page_lines import around_headline, page_lines
from bot.core.reading.page_meta import (
    local_day,
    page_zone,
    parse_html,
    stated_fields,
    told_apart,
    too_costly,
    too_costly_tree,
)
from bot.core.reading.published import Found, dates_in, find_publication

# What makes a page's main text an article rather than a menu, a gallery or an error page: enough words
# (MIN_WORDS), or fewer in sentences (a short notice, a caption story); a text whose lines are mostly menu
# items (MENU_WORDS or fewer) needs PROSE_WORDS in sentences however long it is.
MIN_WORDS = 30
FEWEST_WORDS = 15
PROSE_WORDS = 25
MENU_WORDS = 3
_SENTENCE_LINE = re.compile(r"\S+(?:\s+\S+){5,}?[.!?…।。！？][\"”’)]?(?:\s|$)")
_UNSPACED_SENTENCE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{6}[^。！？]*[。！？]")
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
    offered: list[tuple[str, str, str]] = field(default_factory=list)  # every (field, value, origin) offered

    def put(self, name: str, value: str | None, origin: str) -> None:
        value = _ONE_LINE.sub(" ", value or "").strip()
        if value:
            self.offered.append((name, value, origin))
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


def _extract(page: str, precise: bool = True, metadata: bool = True, comments: bool = False) -> dict[str, Any]:
    document = trafilatura.bare_extraction(
        page,
        with_metadata=metadata,
        include_comments=comments,
        include_tables=True,
        favor_precision=precise,
        date_extraction_params={"extensive_search": False, "original_date": True},  # the search runs apart
    )
    if document is None:
        return {}
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


KEPT_SHARE = 0.5  # a precise reading that keeps less than this share of trafilatura's usual text lost the story


def _main_text(page: str, precise: str) -> str:
    """trafilatura's main text: its precise reading (no navigation, related links or teasers), unless that
    kept under half of what its usual reading finds, or too little to be an article — on some layouts
    the precise reading drops the story itself (WCXB: 15 of 793 articles refused, body F1 0.90 against
    0.93)."""
    usual = _extract(page, precise=False, metadata=False).get("text") or ""
    if _words(precise) >= max(MIN_WORDS, KEPT_SHARE * _words(usual)):
        return precise
    best = usual if _words(usual) > _words(precise) else precise
    if _words(best) < MIN_WORDS:  # a story that the page's markup files under its comments
        widest = _extract(page, precise=False, metadata=False, comments=True).get("text") or ""
        best = widest if _words(widest) > _words(best) else best
    return best


# Scripts written without spaces between words: two of their characters count as a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _words(text: str) -> int:
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def read_page(page: str) -> Page:
    """The page's fields, each from the strongest source that has it: what the markup states (JSON-LD, then
    OpenGraph and meta tags), then what the page prints around its headline (a <time> element, a byline or
    date line, a wire dateline), then what trafilatura and htmldate make of it; and trafilatura's main text
    (no navigation, comments or related links), without the date lines it kept. A CorpusError saying why for a
    page larger than the extractor is given (bot.core.reading.page_meta's limits)."""
    if problem := too_costly(page):
        raise CorpusError(problem)
    tree = parse_html(page)
    if tree is not None and (problem := too_costly_tree(tree)):
        raise CorpusError(problem)
    found = _extract(page) or _extract(page, precise=False)  # a page the precise reading gives up on
    result = Page()
    if tree is None or not found:
        return result
    stated = stated_fields(tree)
    site = stated.get("publication", (found.get("sitename"), ""))[0]
    shown = page_lines(tree)
    zone = page_zone([stated[n][0] for n in ("date", "updated") if n in stated] + [v for _, v in shown.times])
    dates: list[tuple[str | None, str, str]] = []  # (day, origin, as stated): every source's date, in order
    for name, (value, origin) in stated.items():
        if name == "date":
            trusted = "own" if origin == "JSON-LD" and told_apart(stated) else value
            dates.append((local_day(value, zone) or _day(value), origin, trusted))
            continue
        if name not in _FRONT_MATTER and name != "language":
            continue
        if name == "updated":
            value = local_day(value, zone) or _day(value) or ""
        result.put(name, _strip_site(value, site) if name == "headline" else value, origin)
    headline = result.fields.get("headline") or found.get("title")
    header, at, times = around_headline(shown, headline)
    site_name = result.fields.get("publication") or found.get("sitename")
    # the outlet's name printed under a byline ("Kelsey Ward / Riverton Times") is nobody's name
    below = [line for line in header[at:] if _site_key(line) != _site_key(site_name or "")]
    whole = "\n".join(shown.lines)
    hint = _day_first_language(result.fields.get("language") or found.get("language"))
    above = find_publication(below, whole, hint) if header else Found()  # the byline under the headline …
    if above.published is None and at:
        above = find_publication(header[:at] + below, whole, hint)  # … else a date printed above it
    dates += [(local_day(value, zone) or _day(value), "time element", value) for value in times]
    if above.published:
        dates.append((above.published.value.isoformat(), "dateline" if above.dateline else "byline", ""))
    if above.updated:
        result.put("updated", above.updated.value.isoformat(), "byline")
    if above.author and not _is_site(above.author, site_name):
        result.put("author", above.author.title() if above.author.isupper() else above.author, "byline")  # HELEN OKAFOR
    dates.append((found.get("date"), "htmldate", ""))
    for name, key in _EXTRACTED.items():
        result.put(
            name, found.get(key), _heading_origin(found.get(key), shown.lines) if name == "headline" else "trafilatura"
        )
    paragraphs = [line.strip() for line in _main_text(page, found.get("text") or "").split("\n") if line.strip()]
    in_body = find_publication(paragraphs, whole, hint)  # the date lines the main text kept, or its dateline
    if in_body.published:
        dates.append((in_body.published.value.isoformat(), "dateline" if in_body.dateline else "byline", ""))
    result.put("date", *choose_day(dates, lambda: _searched(page)))
    result.put("author", in_body.author, "byline")
    kept = [p for i, p in enumerate(paragraphs) if i not in in_body.used]
    result.paragraphs = kept[_furniture(kept, header, result.fields) :]
    return result


_VISIBLE = ("byline", "dateline")


def choose_day(dates: list[tuple[str | None, str, str]], searched: Callable[[], str | None]) -> tuple[str | None, str]:
    """The publication day and where it came from. The page's own byline or dateline, as printed, first;
    what its markup states (JSON-LD, OpenGraph, meta tags, <time>) only where htmldate's extensive search
    of the page agrees or finds nothing, or where the page's own JSON-LD article was told apart from a
    related story's ("own") — on labelled pages, markup that disagrees with htmldate is right a quarter of
    the time; else htmldate's search (`searched`, run once when needed)."""
    found: list[str | None] = []

    def search() -> str | None:
        if not found:
            found.append(searched())
        return found[0]

    for day, origin, stated in dates:
        if not day:
            continue
        if origin in _VISIBLE:
            return day, origin
        if origin == "htmldate":
            return search() or day, "htmldate"
        other = search()
        if other is None or other == day or stated == "own":
            return day, origin
    other = search()
    return (other, "htmldate") if other else (None, "")


def _day_first_language(language: str | None) -> bool | None:
    """How a page's language writes numeric dates: 'de', 'pt-BR', 'en-GB' day first; 'en-US' month first;
    plain 'en', or none, cannot say."""
    code = (language or "").strip().lower().replace("_", "-")
    if not code or code == "en":
        return None
    if code.startswith(("zh", "ja", "ko", "hu", "lt")):
        return None  # year first, then month
    return code not in ("en-us", "en-ph")


def _searched(page: str) -> str | None:
    """htmldate's extensive search for the original publication day: the markup, the page's text and its
    address, as htmldate's own evaluation runs it."""
    try:
        return find_date(page, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None


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


def _prose_words(paragraphs: list[str]) -> int:
    """Words in paragraphs written as sentences: a menu, a gallery's captions or a 'page not found' have few."""
    return sum(_words(p) for p in paragraphs if _SENTENCE_LINE.search(p) or _UNSPACED_SENTENCE.search(p))


def _is_article(paragraphs: list[str], words: int) -> bool:
    """Whether a page's main text is an article (see MIN_WORDS): trafilatura's reading of a short story is
    kept; a menu that it took for text, or an error page, is not."""
    prose = _prose_words(paragraphs)
    menu = sum(len(p.split()) <= MENU_WORDS for p in paragraphs)
    if menu * 2 > len(paragraphs) and prose < PROSE_WORDS:
        return False
    return words >= MIN_WORDS or (words >= FEWEST_WORDS and prose >= FEWEST_WORDS)


def parse_webpage(article_id: str, page: str) -> Article:
    """An Article from a saved web page, each field's origin in Article.origins; a CorpusError when the page
    holds no article."""
    try:
        read = read_page(page)
    except CorpusError as error:
        raise CorpusError(f"{article_id}: {error}") from None
    words = sum(_words(p) for p in read.paragraphs)
    if not _is_article(read.paragraphs, words):
        raise CorpusError(f"{article_id}: no article text found in the page ({words} words of main text)")
    article = parse_article(article_id, read.text())
    article.origins = {("published" if name == "date" else name): origin for name, origin in read.origins.items()}
    article.language = read.fields.get("language")
    return article
