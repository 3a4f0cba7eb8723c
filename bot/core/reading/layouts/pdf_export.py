"""Text exported from a PDF brief, read back as its writer set it: without running headers and footers or
"Page 3 of 7" lines, words hyphenated across lines rejoined, a paragraph (or a quotation) that crosses a page
break whole, and the header's fields — a title wrapped over two lines, "Date of issue:", the issuing body."""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|[-–]\s*\d+\s*[-–]|\d{1,3})\s*$", re.I
)
_PAGE_OF = re.compile(r"^\s*page\s+\d+\s*(?:of|/)\s*\d+\s*$", re.I)
_ISSUED = re.compile(
    r"^(?:date of issue|issue date|date issued|date of publication|published|issued(?: on)?|date)\s*[:：]\s*(.+)$", re.I
)
_ISSUER = re.compile(r"^(?:issued by|published by|prepared by|from)\s*[:：]\s*(.+)$", re.I)
_KIND = re.compile(
    r"^(?:policy|briefing|research|technical|information|media|press|consultation|advisory)\s+"
    r"(?:brief|note|paper|bulletin|release|briefing|note)(?:\s+(?:no\.?|number)\s*\S+)?$",
    re.I,
)
_ENDS = re.compile(r"[.!?:;…”\"’)]$")
RUNNING_WORDS = 14  # a running header or footer is a short line …
RUNNING_PAGES = 2  # … printed on at least this many pages, at a page's top or bottom
TITLE_LINES = 3  # a title wraps over at most this many lines
WRAPPED_WORDS = 7  # a line of body text the export wrapped has at least this many words; a header's has fewer


def is_pdf_export(text: str) -> bool:
    """A PDF's text: form feeds between its pages, or 'Page N of M' lines."""
    return "\f" in text or sum(bool(_PAGE_OF.match(line)) for line in text.split("\n")) >= 1


def _pages(lines: list[str]) -> list[list[str]]:
    """The lines page by page: a form feed or a page-number line ends a page."""
    pages: list[list[str]] = [[]]
    for line in lines:
        parts = line.split("\f")
        for number, part in enumerate(parts):
            if number:
                pages.append([])
            if _PAGE_NUMBER.match(part) and part.strip():
                pages[-1].append(part)
                pages.append([])
            else:
                pages[-1].append(part)
    return [page for page in pages if any(line.strip() for line in page)]


def _edges(page: list[str]) -> list[str]:
    filled = [line.strip() for line in page if line.strip()]
    return filled[:2] + filled[-2:]


def _running(pages: list[list[str]]) -> set[str]:
    """Short lines printed at the top or bottom of several pages: the running header and footer."""
    counts = Counter(line for page in pages for line in set(_edges(page)) if len(line.split()) <= RUNNING_WORDS)
    return {line for line, count in counts.items() if count >= RUNNING_PAGES}


def _join(previous: str, line: str) -> str:
    """Two lines of one paragraph as one: 'alloca-' + 'tion' is 'allocation'; a dash that joins two words
    ('water-' + 'sharing' before a capital or in a compound) is kept."""
    if re.search(r"[A-Za-z]-$", previous) and line[:1].islower():
        return previous[:-1] + line
    return f"{previous} {line}"


def paragraphs(text: str) -> tuple[list[str], set[str]]:
    """The brief's paragraphs (a header's lines joined where no blank line parts them), and its running
    lines. A paragraph that a page ends without closing it goes on with the next page's first one."""
    pages = _pages(text.replace("\r\n", "\n").split("\n"))
    running = _running(pages)
    found: list[str] = []
    for page in pages:
        blocks: list[str] = []
        open_line: str | None = None
        last = ""  # the line before, as printed
        for raw in page:
            line = raw.strip()
            if line in running or (line and _PAGE_NUMBER.match(line)):
                continue
            wrapped = len(last.split()) >= WRAPPED_WORDS or last.endswith("-")
            if open_line is not None and (not line or not wrapped):
                blocks.append(open_line)  # a blank line, or a short line above (a header's): a new paragraph
                open_line = None
            if line:
                open_line = line if open_line is None else _join(open_line, line)
            last = line
        if open_line is not None:
            blocks.append(open_line)
        if found and blocks and not _ENDS.search(found[-1]):
            found[-1] = _join(found[-1], blocks.pop(0))  # the page break fell inside a paragraph
        found += blocks
    return found, running


def _title(lines: list[str]) -> tuple[str | None, int]:
    """The title, its wrapped lines joined, and how many lines it took; labels such as 'POLICY BRIEF' above
    it are skipped."""
    at = 0
    while at < len(lines) and _KIND.match(lines[at]):
        at += 1
    taken = []
    for line in lines[at : at + TITLE_LINES]:
        if _ENDS.search(line) or _ISSUED.match(line) or _ISSUER.match(line) or len(line.split()) > 16:
            break
        taken.append(line)
    return (" ".join(taken) if taken else None), at + len(taken)


def read_brief(text: str) -> tuple[dict[str, str], str]:
    """The brief's fields (headline, date as printed, publication) and its body text."""
    found, running = paragraphs(text)
    lines, fields = found, {}
    title, used = _title(lines)
    if title:
        fields["headline"] = title
    body: list[str] = []
    for number, line in enumerate(lines):
        if number < used:
            continue
        issued, issuer = _ISSUED.match(line), _ISSUER.match(line)
        if issued and "date" not in fields and len(line.split()) <= 10:
            fields["date"] = issued.group(1).strip()
        elif issuer and "publication" not in fields and len(line.split()) <= 12:
            fields["publication"] = issuer.group(1).strip().rstrip(".")
        elif _KIND.match(line) and not body:
            continue
        else:
            body.append(line)
    if "publication" not in fields:
        header = [line for line in running if not re.search(r"\d", line) and len(line.split()) <= 8]
        if header:
            fields["publication"] = sorted(header, key=text.find)[0]
    return fields, "\n\n".join(body) + "\n"
