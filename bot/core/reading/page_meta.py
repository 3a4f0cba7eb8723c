"""What a saved web page states about itself (JSON-LD, OpenGraph, meta tags, microdata), each value with where."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import html as lxml_html

# schema.org types whose headline, dates and author are the page's article's (a WebPage's or a breadcrumb's are not)
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
}
# Each field's stated sources, strongest first: (origin, kind, name); kind "property"/"name"/"itemprop" is the
# attribute a <meta> names itself with.
_META: dict[str, list[tuple[str, str, str]]] = {
    "headline": [("OpenGraph", "property", "og:title"), ("meta", "name", "twitter:title")],
    "standfirst": [("OpenGraph", "property", "og:description"), ("meta", "name", "description")],
    "author": [
        ("meta", "name", "author"),
        ("OpenGraph", "property", "article:author"),
        ("meta", "name", "parsely-author"),
        ("meta", "name", "sailthru.author"),
        ("meta", "name", "dc.creator"),
        ("microdata", "itemprop", "author"),
    ],
    "publication": [("OpenGraph", "property", "og:site_name"), ("meta", "name", "application-name")],
    "date": [
        ("OpenGraph", "property", "article:published_time"),
        ("meta", "name", "article:published_time"),
        ("meta", "name", "date"),
        ("meta", "name", "pubdate"),
        ("meta", "name", "publish-date"),
        ("meta", "name", "parsely-pub-date"),
        ("meta", "name", "sailthru.date"),
        ("meta", "name", "dc.date"),
        ("meta", "name", "dcterms.created"),
        ("microdata", "itemprop", "datePublished"),
    ],
    "updated": [("OpenGraph", "property", "article:modified_time"), ("microdata", "itemprop", "dateModified")],
    "language": [("OpenGraph", "property", "og:locale"), ("meta", "http-equiv", "content-language")],
    "url": [("OpenGraph", "property", "og:url")],
}
_JSON_LD = {
    "headline": ("headline", "name"),
    "standfirst": ("description",),
    "date": ("datePublished", "dateCreated"),
    "updated": ("dateModified",),
    "language": ("inLanguage",),
    "url": ("url", "mainEntityOfPage"),
}
_SPACES = re.compile(r"\s+")
# What a page may hand the extractor: a long news page has a few thousand elements, a few levels of nesting and
# tens of thousands of characters, and trafilatura's cost grows faster than the page (50,000 tags: seconds).
MAX_TAGS = 200_000  # '<' in the markup, counted before parsing: a page far beyond the rest costs no parse
MAX_ELEMENTS = 20_000
MAX_DEPTH = 100
MAX_TEXT = 1_000_000  # characters outside scripts and styles: a hundred long articles


def parse_html(page: str) -> Any | None:
    """The page's element tree, or None when it is no HTML at all."""
    try:
        return lxml_html.document_fromstring(page.encode("utf-8", "replace"))
    except (ValueError, lxml_html.etree.ParserError):
        return None


def too_costly(page: str) -> str | None:
    """Why a page's markup is more than the extractor is given, before it is parsed; None when it is not."""
    tags = page.count("<")
    return f"the page is too large to read: {tags:,} tags (at most {MAX_TAGS:,})" if tags > MAX_TAGS else None


def too_costly_tree(tree: Any) -> str | None:
    """Why a parsed page is more than the extractor is given (elements, nesting, text); None when it is not."""
    elements = int(tree.xpath("count(//*)"))
    if elements > MAX_ELEMENTS:
        return f"the page is too large to read: {elements:,} elements (at most {MAX_ELEMENTS:,})"
    if tree.xpath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")"):
        return f"the page is too deeply nested to read (more than {MAX_DEPTH} levels)"
    text = len(tree.text_content()) - sum(len(code.text_content()) for code in tree.iter("script", "style"))
    if text > MAX_TEXT:
        return f"the page is too large to read: {text:,} characters of text (at most {MAX_TEXT:,})"
    return None


def _one_line(value: Any) -> str:
    return _SPACES.sub(" ", str(value)).strip()


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object in a script's value, @graph members and nested lists included."""
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _objects(value.get("@graph", []))


def _is_article(entry: dict[str, Any]) -> bool:
    kinds = entry.get("@type", [])
    return any(str(kind).lower() in ARTICLE_TYPES for kind in (kinds if isinstance(kinds, list) else [kinds]))


def _names(value: Any) -> list[str]:
    """The names a JSON-LD author or publisher gives: a string, an object with a name, or a list of either."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    text = _one_line(value) if isinstance(value, str) else ""
    return [text] if text and not text.startswith("http") else []


def _text(value: Any) -> str:
    if isinstance(value, dict):  # mainEntityOfPage: {"@id": url}
        value = value.get("@id") or value.get("url")
    return _one_line(value) if isinstance(value, str | int | float) else ""


def _fields(entry: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, keys in _JSON_LD.items():
        texts = [text for key in keys if (text := _text(entry.get(key)))]
        if texts:
            found[name] = texts[0]
    if authors := _names(entry.get("author")):
        found["author"] = " and ".join(dict.fromkeys(authors))
    if publishers := _names(entry.get("publisher")):
        found["publication"] = publishers[0]
    return found


def _own_keys(tree: Any) -> set[str]:
    """What the page says it is, to tell its own article object from a related story's: its address and
    its titles (OpenGraph, <title>, first heading)."""
    keys = tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    keys += tree.xpath('//meta[@property="og:title"]/@content | //title/text() | (//h1)[1]//text()')
    return {_one_line(key).lower().rstrip("/") for key in keys if key and key.strip()}


def json_ld_fields(tree: Any) -> dict[str, str]:
    """The fields of the page's schema.org article object (NewsArticle, BlogPosting …): the one whose address
    or headline is the page's when there are several (a related story's comes first on some sites), else the
    first."""
    articles = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            value = json.loads(script.text_content() or "null")
            articles += [_fields(entry) for entry in _objects(value) if _is_article(entry)]
        except (ValueError, RecursionError):
            continue  # a broken script, or one nested past any article's needs, says nothing; another may
    if len(articles) > 1:
        own = _own_keys(tree)
        for found in articles:
            if {found.get("url", "").lower().rstrip("/"), found.get("headline", "").lower()} & own:
                return found | {_OWN: "yes"}
    return articles[0] if articles else {}


_OWN = "own article"  # set when the article object was told from a related story's by the page's address or title


def told_apart(stated: dict[str, tuple[str, str]]) -> bool:
    """Whether the page's JSON-LD held several articles and its own was told apart by address or title: its
    date is then more careful than a search that takes the first."""
    return _OWN in stated


def _meta(tree: Any, kind: str, name: str) -> str:
    if kind == "itemprop":
        for element in tree.xpath(f'//*[@itemprop="{name}"]'):
            value = element.get("content") or element.get("datetime") or element.text_content()
            if value and value.strip():
                return _one_line(value)
        return ""
    lowered = name.lower()
    for element in tree.xpath(f"//meta[@{kind}][@content]"):
        if element.get(kind, "").strip().lower() == lowered and element.get("content", "").strip():
            return _one_line(element.get("content"))
    return ""


def stated_fields(tree: Any) -> dict[str, tuple[str, str]]:
    """field → (value, origin) for what the page's markup states: JSON-LD first, then OpenGraph and meta tags,
    microdata, the canonical link and <html lang>."""
    found = {name: (value, "JSON-LD") for name, value in json_ld_fields(tree).items()}
    for name, sources in _META.items():
        for origin, kind, key in sources:
            if name in found:
                break
            value = _meta(tree, kind, key)
            if value and not (name == "author" and value.startswith("http")):  # article:author is often a URL
                found[name] = (value, origin)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    if canonical and canonical[0].strip():
        found["url"] = (canonical[0].strip(), "canonical link")  # what the page says its address is
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and lang.strip() and "language" not in found:
        found["language"] = (lang.strip(), "html lang")
    return found


_STAMP = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")


def _offset(zone: str | None) -> int | None:
    """Minutes east of UTC of a timestamp's zone ('Z', '+02:00', '-0500'); None when it names none."""
    if not zone:
        return None
    if zone == "Z":
        return 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return sign * (int(digits[:2]) * 60 + int(digits[2:]))


def page_zone(stamps: list[str]) -> int | None:
    """The page's own time zone, as the first of its timestamps with an offset other than UTC states it
    (a page that stamps its publication in UTC often prints its modification or its <time> in local time)."""
    for stamp in stamps:
        match = _STAMP.match(stamp)
        offset = _offset(match.group(4)) if match else None
        if offset:
            return offset
    return None


def local_day(stamp: str, zone: int | None) -> str | None:
    """A stated timestamp's day where the page is: '2024-03-03T02:10:00Z' on a page whose own zone is -05:00
    is 2 March. A timestamp with its own offset is already local; one in UTC on a page with no other zone
    stays the UTC day."""
    match = _STAMP.match(stamp)
    if not match:
        return None
    if zone and _offset(match.group(4)) == 0:
        moment = dt.datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}:{match.group(3)}")
        return (moment + dt.timedelta(minutes=zone)).date().isoformat()
    return match.group(1)
