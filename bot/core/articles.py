"""Article model and parsing of the header styles found in scraped news files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.core.text import Sentence, clean_inline, split_sentences

Precision = Literal["day", "month", "year"]
Provenance = Literal["stated", "catalog", "estimated"]

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 5 * 1024 * 1024  # a news article is ~10 KB; anything this big is not one


class CorpusError(Exception):
    """A corpus file that cannot be read or parsed; the message names the file."""


@dataclass(frozen=True)
class PubDate:
    """A publication date with how precise it is and where it came from."""

    value: dt.date
    precision: Precision = "day"
    provenance: Provenance = "stated"

    def label(self) -> str:
        """The date as a reader sees it: '15 Sep 2022', 'Sep 2022', '2022', 'c. Jul 2024'."""
        if self.precision == "day":
            text = f"{self.value.day} {self.value:%b %Y}"
        elif self.precision == "month":
            text = f"{self.value:%b %Y}"
        else:
            text = str(self.value.year)
        return f"c. {text}" if self.provenance == "estimated" else text


@dataclass
class Article:
    """One news article as the bot understands it; `id` is the file name without its extension."""

    id: str
    headline: str
    paragraphs: list[str]
    standfirst: str | None = None
    rubric: str | None = None
    publication: str | None = None
    author: str | None = None
    url: str | None = None
    published: PubDate | None = None
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)
    field_sources: dict[str, str] = field(default_factory=dict)
    lead: str | None = None  # an opening summary paragraph the author wrote, when the layout has one
    sentences: list[Sentence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.paragraphs)

    @property
    def body(self) -> str:
        """Paragraphs joined by blank lines; every character offset in the bot points into this."""
        return "\n\n".join(self.paragraphs)

    @property
    def date_label(self) -> str:
        return self.published.label() if self.published else "undated"

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_DATE_LINE = re.compile(r"^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.I)
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_ECONOMIST_DATE = re.compile(
    r"^\s*>\s*([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\s*$"
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def parse_date_text(text: str) -> PubDate | None:
    """A stated date in the forms the corpus uses: 2024-11-19, Sep 15th 2022, 15 September 2022."""
    text = text.strip()
    try:
        return PubDate(dt.date.fromisoformat(text[:10]))
    except ValueError:
        pass
    match = re.fullmatch(r"([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text) or None
    if match:
        month, day, year = match.group(1), match.group(2), match.group(3)
    else:
        match = re.fullmatch(r"(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})", text)
        if not match:
            return None
        day, month, year = match.groups()
    number = _MONTHS.get(month[:3].lower())
    if number is None:
        return None
    try:
        return PubDate(dt.date(int(year), number, int(day)))
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end():]


def _is_title_like(line: str) -> bool:
    """A short line without closing punctuation reads as a headline, not a body paragraph."""
    words = line.split()
    return 0 < len(words) <= 20 and not re.search(r"[.!?…”\"]$", line)


def parse_article(article_id: str, text: str, path: Path | None = None) -> Article:
    """Parse one file's text into an Article; raise CorpusError when it holds no article."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fields, text = _front_matter(text)
    headline = fields.get("headline") or fields.get("title")
    standfirst = fields.get("standfirst") or fields.get("subtitle")
    rubric = fields.get("rubric")
    published = parse_date_text(fields["date"]) if fields.get("date") else None
    lead: str | None = None
    warnings: list[str] = []
    paragraphs: list[str] = []
    header_done = bool(headline)
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or _IMAGE_LINE.match(line):
            continue
        if not header_done:
            if line.startswith("###### "):
                rubric = clean_inline(line[7:])
                continue
            if line.startswith("##### "):
                standfirst = clean_inline(line[6:])
                continue
            if line.startswith("# "):
                headline = clean_inline(line[2:])
                continue
            date_match = _DATE_LINE.match(line) or _ECONOMIST_DATE.match(line)
            if date_match and published is None:
                if date_match.re is _DATE_LINE:
                    published = parse_date_text(date_match.group(1))
                    rest = clean_inline(date_match.group(2))
                    if rest:
                        lead = rest
                        paragraphs.append(rest)
                else:
                    published = parse_date_text(" ".join(date_match.groups()))
                header_done = True
                continue
            if headline is None and _is_title_like(line) and not paragraphs:
                headline = clean_inline(line)
                continue
            if headline is not None and standfirst is None and _is_title_like(line) and not paragraphs:
                if clean_inline(line) == headline:
                    continue  # the headline printed twice
                standfirst = clean_inline(line)
                continue
            header_done = True
        line = clean_inline(line.lstrip("#> ").strip())
        if headline and line == headline:
            continue
        if line:
            paragraphs.append(line)
    if not paragraphs:
        raise CorpusError(f"{article_id}: no article text found")
    if not headline:
        first = split_sentences(paragraphs[:1])[0].text
        headline = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
        warnings.append("no headline in the file; showing its first sentence")
    if published is None:
        warnings.append("undated")
    article = Article(
        id=article_id, headline=headline, paragraphs=paragraphs, standfirst=standfirst, rubric=rubric,
        publication=fields.get("publication"), author=fields.get("author"), url=fields.get("url"),
        published=published, path=path, warnings=warnings, lead=lead,
    )
    article.field_sources = {name: "parsed" for name in ("headline", "published") if getattr(article, name)}
    return article


def read_article(path: Path) -> Article:
    """Read and parse one corpus file, turning every failure into a CorpusError naming it."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CorpusError(f"{path.name}: {path.stat().st_size} bytes is too large for an article")
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    if b"\x00" in raw[:4096]:
        raise CorpusError(f"{path.name}: binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_article(path.stem, text, path)


def corpus_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, in a stable order."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
