"""Which of the layouts that need reading of their own a file's text has, and its fields and body as front
matter and paragraphs would give them (tried on files with no front matter, each test cheap on other text)."""

from __future__ import annotations

import re

from bot.core.reading.layouts import parliament, pdf_export, thread, transcript
from bot.core.reading.published import dates_in, day_first

_HEAD = 2_000  # characters: where a record's or a transcript's header sits
_POST_START = re.compile(r"^\[?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}[:.]\d{2}", re.M)
_PAGE_LINE = re.compile(r"^\s*page\s+\d+\s*(?:of|/)\s*\d+\s*$", re.I | re.M)
_TURN = re.compile(r"^[^\n]{1,60}:\s", re.M)
_FULL_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,? \d{4}\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b"
)


def _iso(value: str, text: str) -> str | None:
    """A printed date as YYYY-MM-DD, numeric ones read in the order the file writes them."""
    found = [d.value for d in dates_in(value, day_first(text)) if d.value]
    return found[0].isoformat() if found else None


def read_layout(text: str) -> tuple[dict[str, str], str] | None:
    """(fields, body text) for a PDF export, a messaging thread, a parliamentary record or a show's
    transcript; None for any other text."""
    head = text[:_HEAD]
    if "\f" in text or ("age " in text and _PAGE_LINE.search(text)):
        fields, body = pdf_export.read_brief(text)
    elif len(_POST_START.findall(text, 0, 20_000)) >= thread.MIN_POSTS and thread.is_thread(text.split("\n")):
        fields, posts = thread.read_thread(text.split("\n"))
        body = "\n\n".join(posts)
    elif _TURN.search(head) and parliament.is_record(head.split("\n")):
        fields, lines = parliament.read_record(text.split("\n"), _FULL_DATE)
        body = "\n\n".join(lines)
    elif _TURN.search(head) and transcript.is_transcript(head.split("\n")):
        fields, lines = transcript.read_transcript(text.split("\n"))
        body = "\n\n".join(lines)
    else:
        return None
    fields = {
        name: title_case(value) if name in ("publication", "headline") else value for name, value in fields.items()
    }
    if "date" in fields:
        iso = _iso(fields["date"], text)
        if iso:
            fields["date"] = iso
        else:
            del fields["date"]
    return fields, body + "\n"


_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by"}


def title_case(line: str) -> str:
    """'MINISTRY OF WATER AND RURAL AFFAIRS' as 'Ministry of Water and Rural Affairs'; other lines as printed."""
    if not line.isupper():
        return line
    words = line.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))
