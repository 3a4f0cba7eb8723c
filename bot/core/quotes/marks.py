"""Quotation marks in a paragraph, every convention: curly, straight, wire ``…'' and ''…'', «…», „…“, nesting."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Marks that can open a quotation; a Quote's start points at one of them.
OPENING_MARKS = ("“", '"', "``", "''", "«", "„", "‘", "'")

# Each convention, tried in this order; a later one never starts inside a quotation an earlier one found.
# „…“ (and „…”) before the English curly pair, whose opening mark is the German closing one.
_GERMAN = re.compile(r"„([^„“”\n]*)([“”]|$)")
_GUILLEMETS = re.compile(r"«([^«»\n]*)(»|$)")
# Wire feeds: ``…'' or ''…'' (a lone apostrophe inside is a word's: ''We're done,'' she said); three
# apostrophes close an inner quotation and the outer one together (''… 'old-school,''' said Ann Roe).
_WIRE = re.compile(r"(?:``|'')((?:[^'\n]|'(?!')|'(?=''(?!')))+?)('')(?!')")
# “…” (closing mark missing when the paragraph or the next quotation begins first); closed by a straight mark
# when no curly one follows ("“… for her," Sanders said.").
_STRAIGHT_CLOSING = r'"(?=[\s,.;:!?)]|$)(?=[^“”]*(?:“|$))'
_CURLY = re.compile(rf'“([^“”"]*(?:(?!{_STRAIGHT_CLOSING})"[^“”"]*)*)(”|{_STRAIGHT_CLOSING}|(?=“)|$)')
# "…" paired by position; an opening straight mark may be closed by a curly one ("about $400,000”).
_STRAIGHT = re.compile(r"\"([^\"”\n]+)([\"”]|$)")
_CONVENTIONS = (_GERMAN, _GUILLEMETS, _WIRE, _CURLY, _STRAIGHT)

# An inner quotation: ‘…’ or '…' opening after a space or a comma, closing before a non-letter (don’t, Russia’s).
_INNER = re.compile(r"(?:(?<=^)|(?<=[\s,:(—–]))([‘'])(?=\w)(.+?)(?<=[\w.,!?])\1?[’'](?!\w)")


@dataclass
class Found:
    """A quotation in a paragraph: the words between the marks and the marks' offsets in the paragraph."""

    text: str
    start: int  # the opening mark
    end: int  # after the closing mark
    unclosed: bool
    text_start: int  # where the words begin, after the opening mark (and any space: « … »)
    inner: bool = False  # a quotation inside another one


def _inner_quotations(outer: Found) -> list[Found]:
    """Single-marked quotations within a quotation's words, as their own quotations."""
    found = []
    for match in _INNER.finditer(outer.text):
        opening, words = match.group(1), match.group(2)
        if opening == "'" and match.group(0)[-1] != "'":
            continue  # '…’ is an apostrophe and a closing mark, not a pair
        if opening == "‘" and match.group(0)[-1] != "’":
            continue
        at = outer.text_start + match.start()
        found.append(Found(words, at, outer.text_start + match.end(), False, at + 1, inner=True))
    return found


def find_quotations(paragraph: str) -> list[Found]:
    """Every quotation in one paragraph, inner ones too, in order of their opening marks."""
    found: list[Found] = []
    for pattern in _CONVENTIONS:
        if not _has_mark(pattern, paragraph):
            continue
        at = 0
        while match := pattern.search(paragraph, at):
            holder = next((f for f in found if f.start <= match.start() < f.end), None)
            if holder:  # a nested "…" inside “…” is part of it; so is the mark that closed it
                at = max(holder.end, match.start() + 1)
                continue
            closing = match.group(2)
            found.append(Found(match.group(1), match.start(), match.end(), not closing, match.start(1)))
            at = max(match.end(), match.start() + 1)
    found = [f for f in found if f.text.strip()]
    for outer in list(found):
        if "‘" in outer.text or "'" in outer.text:
            found.extend(_inner_quotations(outer))
    return sorted(found, key=lambda f: f.start)


_FIRST_MARK = {_GERMAN: "„", _GUILLEMETS: "«", _CURLY: "“", _STRAIGHT: '"'}


def _has_mark(pattern: re.Pattern[str], paragraph: str) -> bool:
    """Whether a convention's opening mark is in the paragraph at all (most paragraphs have none)."""
    if pattern is _WIRE:
        return "''" in paragraph or "``" in paragraph
    return _FIRST_MARK[pattern] in paragraph
