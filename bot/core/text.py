"""Text cleanup and sentence splitting with character offsets into an article body."""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH_SEPARATOR = "\n\n"

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "st", "jr", "sr",
    "vs", "etc", "no", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+([“\"‘'(\[]?[A-Z0-9À-ÖØ-Þ])")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its offsets into the article body and the paragraph it belongs to."""

    text: str
    start: int
    end: int
    paragraph: int


def clean_inline(text: str) -> str:
    """Collapse runs of spaces and strip markdown emphasis, keeping curly quotes and dashes exactly."""
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"[ \t\u00a0]{2,}", " ", text)
    return text.strip()


def _ends_sentence(paragraph: str, stop: int) -> bool:
    """Whether the punctuation ending at `stop` closes a sentence (not 'Mr.', 'U.S.' or 'Vladimir V.')."""
    head = paragraph[:stop].rstrip("”’\"')]")
    if not head.endswith("."):
        return True
    word = re.search(r"([\w.]+)\.$", head)
    if not word:
        return True
    token = word.group(1)
    if token.lower() in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "Vladimir V. Putin"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        # "U.S." ends a sentence only when the next word could not continue a noun phrase
        following = paragraph[stop:].lstrip()
        return bool(re.match(r"(?:The|A|An|But|And|In|It|He|She|They|We|This|That)\b", following))
    return True


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        stop = match.end()
        if not _NEXT_START.match(paragraph, stop):
            continue
        if not _ends_sentence(paragraph, stop):
            continue
        if paragraph[start:stop].strip():
            spans.append((start, stop))
        start = stop
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def split_sentences(paragraphs: list[str]) -> list[Sentence]:
    """Split each paragraph on its own, so one bad quotation mark cannot swallow the article."""
    sentences: list[Sentence] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        for start, end in split_paragraph(paragraph):
            sentences.append(Sentence(paragraph[start:end], offset + start, offset + end, index))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return sentences


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut text to at most `limit` characters at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis))]
    if " " in cut[len(cut) // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—-") + ellipsis
