"""The archive's article files: which files the folder holds, stored articles as files, reading and parsing one."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from bot.core.article import Article, CorpusError
from bot.core.extraction import Extracted, extract
from bot.core.reading.catalog import CATALOG_FILE, Catalog, apply_catalog, parse_catalog
from bot.core.reading.news_file import parse_article
from bot.core.reading.review import ReviewFacts, review_facts
from bot.core.reading.web_page import parse_webpage
from bot.core.text import size_label

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
WEB_PAGES = (".html", ".htm")
MAX_FILE_BYTES = 5 * 1024 * 1024  # BOT_MAX_ARTICLE_BYTES's default: a news article is ~10 KB, this is none


class Parsed(NamedTuple):
    """What one file yields, and what the cache keeps of it."""

    extracted: Extracted
    facts: ReviewFacts


@dataclass(frozen=True)
class Source:
    """One article file of the archive: a file in the corpus folder, or an article stored whole in the state
    store (its bytes, or None while the parse cache holds its parse under `digest`)."""

    name: str  # the file name the parser reads: its stem is the article id, its suffix the format
    path: Path | None = None
    data: bytes | None = None
    digest: str | None = None  # a stored article's content hash, as the store recorded it (a file's, as read)
    size: int | None = None  # a folder file's size when the folder was listed

    @property
    def article_id(self) -> str:
        """The name's stem, as Path.stem reads it (asked 100,000s of times as a large archive opens)."""
        stem, dot, suffix = self.name.rpartition(".")
        return stem if dot and stem and suffix else self.name

    @property
    def key(self) -> str:
        """What the parse cache files it under: a folder file and a stored article may share a name."""
        return self.name if self.path is not None else f"stored/{self.name}"

    @classmethod
    def of(cls, path: Path) -> Source:
        return cls(path.name, path=path)


def digest_of(data: bytes) -> str:
    """The content hash the archive knows an article's bytes by (the same article is never added twice)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def corpus_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, in a stable order."""
    # Links and folders named like articles are kept, so that read_article reports them by name.
    return [folder / name for name in corpus_names(folder)]


def corpus_names(folder: Path) -> list[str]:
    """The names of the folder's article files, sorted: 100,000 in a tenth of a second (no Path each)."""
    with os.scandir(folder) as entries:
        return sorted(e.name for e in entries if os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES)


def same_size_files(folder: Path, size: int) -> list[Path]:
    """The folder's article files of exactly this size (the only ones that can hold the same bytes)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            try:
                if os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES and entry.stat().st_size == size:
                    found.append(Path(entry.path))
            except OSError:
                continue  # a broken link: no twin of anything
    return found


def too_large(size: int, max_bytes: int) -> str | None:
    """Why a file of this size is no article, the limit said; None when it is small enough."""
    if size <= max_bytes:
        return None
    exact = f" ({size:,} bytes)" if size >= 1024 else ""
    return f"{size_label(size)}{exact} is too large for an article (at most {size_label(max_bytes)})"


def read_article(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """Read and parse one corpus file, turning every failure into a CorpusError naming it."""
    try:
        info = path.stat()  # follows links: a dangling one fails here, by name
        if not stat.S_ISREG(info.st_mode):
            raise CorpusError(f"{path.name}: not a regular file")
        if problem := too_large(info.st_size, max_bytes):
            raise CorpusError(f"{path.name}: {problem}")
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    article = parse_bytes(path.name, raw)
    article.path = path
    return article


def parse_bytes(name: str, raw: bytes) -> Article:
    """An article from a file's bytes (a corpus file, or an upload not yet saved), its id the name's stem;
    a CorpusError naming it when it is no text or holds no article."""
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise CorpusError(f"{name}: not an article file (one of {', '.join(ARTICLE_SUFFIXES)})")
    if b"\x00" in raw[:4096]:
        raise CorpusError(f"{name}: binary file, not text")
    text, encoding_problem = decode(raw)
    article = parse_webpage(stem, text) if suffix in WEB_PAGES else parse_article(stem, text)
    if encoding_problem:
        log.warning("corpus file %s: %s", name, encoding_problem)
        article.warnings.append(encoding_problem)
    return article


def decode(raw: bytes) -> tuple[str, str | None]:
    """A file's text and what was wrong with its encoding: UTF-8 with a few broken characters keeps
    the rest (they become U+FFFD); a file that is wholly another encoding is read as Windows-1252."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    if broken * 2 < sum(ord(character) > 127 for character in text):
        return text, f"not valid UTF-8: {broken} broken character(s) shown as \ufffd"
    return raw.decode("cp1252", errors="replace"), "not valid UTF-8: read as Windows-1252"


def load_catalog(folder: Path) -> Catalog:
    """The catalog of a corpus folder; empty when the folder has none."""
    path = folder / CATALOG_FILE
    if not path.is_file():
        return {}
    try:
        return parse_catalog(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"{CATALOG_FILE}: cannot be read ({error})") from error


def read_source(source: Source, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """The article a source holds; a CorpusError naming it when it cannot be read or holds no article."""
    if source.path is not None:
        return read_article(source.path, max_bytes)
    if source.data is None:
        raise CorpusError(f"{source.name}: its stored bytes were not fetched")
    if problem := too_large(len(source.data), max_bytes):
        raise CorpusError(f"{source.name}: {problem}")
    return parse_bytes(source.name, source.data)


def parse_source(source: Source, entry: dict[str, Any] | None, max_bytes: int = MAX_FILE_BYTES) -> Parsed:
    """Read, parse and extract one article file with its catalog entry; raises CorpusError naming it."""
    extracted = extract(apply_catalog(read_source(source, max_bytes), entry))
    return Parsed(extracted, review_facts(extracted.article))
