"""Parsing one news file's text into an Article: the header styles found in scraped news files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bot.core.article import Article, CorpusError, Precision, Provenance, PubDate, review
from bot.core.periods import month_number
from bot.core.reading.header import clean_headline, is_debris, is_masthead, labelled_field
from bot.core.reading.layouts.known import read_layout
from bot.core.reading.layouts.wire import credit_line, sign_off
from bot.core.reading.published import Found, find_publication
from bot.core.text import (
    clean_inline,
    drop_pull_quotes,
    join_broken_lines,
    split_sentences,
)

FIRST_YEAR, LAST_YEAR = 1800, 2100  # a stated date outside these years is a misreading, not a publication

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*\n", re.S)  # YAML, or TOML between +++
_DATE_LINE = re.compile(r"^(?:date|published|updated|posted)\b[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.I)
_LABELLED_DATE = re.compile(r"^(?:>\s*)?(?:(?:date|published|updated|posted)(?: on)?[:\s]\s*)?(.{4,40}?)\s*$", re.I)
_BYLINE = re.compile(r"^(?:By|BY|by|Words by)\s+([A-Z][\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]+|and|&|de|van|von|al-\w+))+.*)$")
_LOST_LINK = re.compile(r"\w  +\w| +,")  # "the  against", "around , in": a link's words cut out
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_FIELD_ALIASES = {
    "title": "headline",
    "headline": "headline",
    "subtitle": "standfirst",
    "standfirst": "standfirst",
    "dek": "standfirst",
    "description": "standfirst",
    "rubric": "rubric",
    "kicker": "rubric",
    "section": "rubric",
    "author": "author",
    "byline": "author",
    "by": "author",
    "publication": "publication",
    "source": "publication",
    "publisher": "publication",
    "site": "publication",
    "date": "date",
    "published": "date",
    "published_at": "date",
    "date_published": "date",
    "pubdate": "date",
    "publishdate": "date",
    "lastmod": "updated",
    "updated": "updated",
    "last_modified_at": "updated",
    "date_modified": "updated",
    "modified": "updated",
    "site_name": "publication",
    "url": "url",
    "link": "url",
    "canonical": "url",
}


def parse_date_text(text: str, provenance: Provenance = "stated") -> PubDate | None:
    """A stated date in the forms news files use, with its precision: 2024-11-19, 2024-07, Sep 15th 2022,
    15 September 2022, July 9, 2024, July 2024, 2024."""
    text = text.strip().rstrip(".")
    patterns: list[tuple[str, Precision]] = [
        (r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ].*)?", "day"),
        (r"(?P<y>\d{4})-(?P<m>\d{1,2})", "month"),
        (r"(?P<y>\d{4})", "year"),
        (r"(?:\w+day,?\s+)?(?P<mn>[A-Za-z]{3,9})\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})", "day"),
        (r"(?:\w+day,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<mn>[A-Za-z]{3,9})\.?,? (?P<y>\d{4})", "day"),
        (r"(?P<mn>[A-Za-z]{3,9})\.?,? (?P<y>\d{4})", "month"),
    ]
    for pattern, precision in patterns:
        match = re.fullmatch(pattern, text)
        if not match:
            continue
        parts = match.groupdict()
        if parts.get("mn"):
            month = month_number(parts["mn"])
        else:
            month = int(parts.get("m") or 1)
        try:
            value = dt.date(int(parts["y"]), month or 0, int(parts.get("d") or 1))
        except ValueError:
            continue
        if FIRST_YEAR <= value.year <= LAST_YEAR:
            return PubDate(value, precision, provenance)
    return None


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    toml = match.group(1) == "+++"
    for line in match.group(2).splitlines():
        key, sep, value = line.partition("=" if toml else ":")
        name = _FIELD_ALIASES.get(key.strip().lower())
        if sep and name and value.strip():
            fields.setdefault(name, clean_inline(value.strip().strip("\"'")))
    return fields, text[match.end() :]


_CLOSING_PUNCTUATION = re.compile(r"[.!?…”\"]$")


def _is_title_like(line: str) -> bool:
    """A short line without closing punctuation reads as a headline, not a body paragraph."""
    words = line.split()
    return 0 < len(words) <= 20 and not _CLOSING_PUNCTUATION.search(line)


def _derived_headline(paragraphs: list[str]) -> str:
    first = split_sentences(paragraphs[:1])[0].text
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


def _publication(named: str | None, author: str | None, found: Found | None, lines: list[str]) -> str | None:
    """The outlet: as the file names it, else the wire agency its dateline or sign-off credits; never the
    byline's authors ("By Ada Lin and Tom Roe" above a headline is no masthead)."""
    if named and author and _name_key(named) and (_name_key(named) in _name_key(author)):
        named = None
    if named:
        return named
    agency = found.credit if found else None
    filled = [line for line in lines if line.strip()]
    return agency or sign_off(filled) or credit_line(filled)


def _name_key(text: str) -> str:
    return " ".join(re.sub(r"\W+", " ", re.sub(r"^\s*by\s+", "", text, flags=re.I)).lower().split())


def parse_article(article_id: str, text: str, path: Path | None = None) -> Article:
    """Parse one file's text into an Article; raise CorpusError when it holds no article."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fields, text = _front_matter(text)
    if not fields and (layout := read_layout(text)):
        fields, text = layout  # a PDF export, a thread, a parliamentary record, a transcript
    sources = {("published" if name == "date" else name): "stated" for name in fields if name != "updated"}
    given = {name: (fields[name], parse_date_text(fields.pop(name))) for name in ("date", "updated") if name in fields}
    published, updated = (given.get(name, (None, None))[1] for name in ("date", "updated"))
    unread = [
        f"{name}: “{text}” is not a date (write it as 2024-11-19)" for name, (text, read) in given.items() if not read
    ]
    if "date" in given and published is None:
        del sources["published"]
    headline, standfirst, rubric = fields.get("headline"), fields.get("standfirst"), fields.get("rubric")
    author = fields.get("author")
    lead: str | None = None
    lines: list[str] = []
    lost_links = 0
    header_done = bool(headline)  # front matter gave the header
    raw_lines = text.split("\n")
    found = find_publication(raw_lines, text) if published is None else None
    if found:
        published, updated = found.published, found.updated
        author = author or found.author
    for number, raw in enumerate(raw_lines):
        if found and number in found.used:
            continue
        line = found.replaced.get(number, raw).strip() if found else raw.strip()
        if not line or _IMAGE_LINE.match(line) or line in "■□":
            continue
        byline = _BYLINE.match(clean_inline(line)) if not lines and author is None else None
        if byline and len(byline.group(1).split()) <= 12:
            author = re.split(r"\s*[|·•,]\s*", byline.group(1))[0]
            continue
        if not header_done and not lines:
            if is_debris(line):
                continue
            field = labelled_field(line)
            if field:
                name, value = field
                if name == "headline" and headline is None:
                    headline = clean_inline(value)
                elif name == "standfirst" and standfirst is None:
                    standfirst = clean_inline(value)
                elif name == "author" and author is None:
                    author = clean_inline(value)
                elif name == "publication":
                    fields.setdefault("publication", clean_inline(value))
                continue
            if headline is None and (len(line.split()) == 1 and not line.startswith("#") or is_masthead(line, text)):
                if len(line.split()) > 1:
                    fields.setdefault("publication", clean_inline(line.lstrip("#> ")))
                continue  # a menu word or the publication's name above the headline
        if not header_done:
            marker, _, rest = line.partition(" ")
            if marker == "######":
                rubric = clean_inline(rest)
                continue
            if marker in ("#####", "####", "###", "##") and headline:
                standfirst = clean_inline(rest)
                continue
            if marker == "#":
                headline = clean_headline(clean_inline(rest))
                continue
            date_line = _DATE_LINE.match(line)
            labelled = _LABELLED_DATE.match(line) if len(line) <= 60 else None
            stated = parse_date_text(labelled.group(1)) if labelled else None
            if (date_line or stated) and published is None:
                published = parse_date_text(date_line.group(1)) if date_line else stated
                rest_of_line = clean_inline(date_line.group(2)) if date_line else ""
                if rest_of_line:
                    lead = rest_of_line  # the author's own summary, printed on the date line
                    lines.append(rest_of_line)
                header_done = bool(headline or lead)
                continue
            if headline is None and _is_title_like(line) and not lines:
                headline = clean_headline(clean_inline(line.lstrip("#> ")))
                continue
            if headline is not None and standfirst is None and _is_title_like(line) and not lines:
                if clean_inline(line) != headline:  # else the headline printed twice
                    standfirst = clean_inline(line)
                continue
            header_done = True
        if "  " in line or " ," in line:
            lost_links += len(_LOST_LINK.findall(line))
        line = clean_inline(re.sub(r"^(?:#{1,6}|>+)\s+", "", line))
        if line and not (headline and line == headline):
            lines.append(line)
    paragraphs, _ = drop_pull_quotes(join_broken_lines(lines))
    if not paragraphs:
        raise CorpusError(f"{article_id}: no article text found")
    for name, value in (
        ("headline", headline),
        ("standfirst", standfirst),
        ("rubric", rubric),
        ("author", author),
        ("published", published),
    ):
        if value:
            sources.setdefault(name, "stated")
    if not headline:
        headline = _derived_headline(paragraphs)
        sources["headline"] = "derived"
    if lead:
        sources["lead"] = "stated"
    publication = _publication(fields.get("publication"), author, found, raw_lines)
    article = Article(
        id=article_id,
        headline=headline,
        paragraphs=paragraphs,
        standfirst=standfirst,
        rubric=rubric,
        publication=publication,
        author=author,
        url=fields.get("url"),
        published=published,
        updated=updated,
        path=path,
        field_sources=sources,
        lead=lead,
    )
    article.warnings.extend(unread)
    if lost_links:
        article.warnings.append(f"{lost_links} gap(s) where the scrape lost a link's words")
    review(article)
    return article
