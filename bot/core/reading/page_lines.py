"""A saved page's visible text as lines, block by block, and the part around its headline where bylines sit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Elements that flow inside a line; every other element starts a line of its own.
_INLINE = {"a", "abbr", "b", "bdi", "br", "cite", "code", "em", "font", "i", "img", "mark", "q", "s", "small"}
_INLINE |= {"span", "strong", "sub", "sup", "time", "u", "wbr", "label", "data"}
# Never shown as the page's text, or never the article's: scripts, menus, forms, asides.
_SPACED = {"span", "time", "a", "label", "data"}  # inline boxes sites set side by side, spaced by their style
_HIDDEN = {"script", "style", "noscript", "template", "svg", "nav", "form", "button", "select", "iframe", "head"}
_HIDDEN_ROLES = {"navigation", "search", "complementary", "dialog", "alertdialog", "banner"}
_SPACES = re.compile(r"\s+")
LINES_BEFORE = 2  # a kicker or a date printed just above the headline (not a masthead's date of today)
LINES_AFTER = 14  # standfirst, bylines, dates, captions and share buttons before the first paragraph
LONG_LINE = 20  # words of a body paragraph: the header ends there


@dataclass
class PageLines:
    """The page's lines in reading order, and the <time datetime=…> values with the line each sits in."""

    lines: list[str] = field(default_factory=list)
    times: list[tuple[int, str]] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)  # the lines an <h1> prints
    _open: list[str] = field(default_factory=list)

    def _break(self) -> None:
        line = _SPACES.sub(" ", "".join(self._open)).strip()
        if any(character.isalnum() for character in line):  # not a lone "·" or "|" between two boxes
            self.lines.append(line)
        self._open = []

    def _walk(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _HIDDEN or element.get("role") in _HIDDEN_ROLES or element.get("hidden") is not None:
            if tag:
                self._break()  # a menu or a form between two texts parts them on the screen
            if element.tail:
                self._open.append(element.tail)
            return
        block = tag not in _INLINE
        if block:
            self._break()
        elif tag in _SPACED and self._open and self._open[-1][-1:].isalnum():
            self._open.append(" ")  # "<span>By Ada Lin</span><span>4 min read</span>": two texts, not one word
        if tag == "h1":
            self.headings.append(len(self.lines))
        if tag == "time" and element.get("datetime"):
            self.times.append((len(self.lines), element.get("datetime").strip()))
        if tag == "br":
            self._break()
        if element.text:
            self._open.append(element.text)
        for child in element:
            self._walk(child)
        if block:
            self._break()
        if element.tail:
            self._open.append(element.tail)


def page_lines(tree: Any) -> PageLines:
    """Every line of text the page shows outside its menus, forms and scripts."""
    found = PageLines()
    body = tree.find("body")
    found._walk(body if body is not None else tree)
    found._break()
    return found


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def headline_line(lines: list[str], headline: str | None) -> int | None:
    """The line that prints the headline (the page's heading), or None when no line does."""
    wanted = _key(headline or "")
    if not wanted:
        return None
    for i, line in enumerate(lines):
        if _key(line) == wanted:
            return i
    for i, line in enumerate(lines):  # a heading that the metadata's headline shortens or extends
        key = _key(line)
        if len(key) > 15 and (key in wanted or wanted in key):
            return i
    return None


def around_headline(found: PageLines, headline: str | None) -> tuple[list[str], int, list[str]]:
    """The lines from a little above the headline to the first body paragraph (inclusive), where the headline
    is among them, and the <time datetime> values printed there; nothing when the page does not print it."""
    at = headline_line(found.lines, headline)
    if at is None:  # a headline the metadata words otherwise: the page's first heading
        at = next((i for i in found.headings if i < len(found.lines)), None)
    if at is None:
        return [], 0, []
    start, end = max(0, at - LINES_BEFORE), min(len(found.lines), at + 1 + LINES_AFTER)
    for i in range(at + 1, end):
        words = found.lines[i].split()
        if len(words) >= LONG_LINE and re.search(r"[.!?”\"]$", found.lines[i]):
            end = i + 1
            break
    times = [value for line, value in found.times if start <= line < end]
    return found.lines[start:end], at - start, times
