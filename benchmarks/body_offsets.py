"""Offsets in the bot's cleaned article body mapped back onto the file text a gold annotation counts in."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\S+")
# How far ahead of the last aligned word the next one is looked for: past a dropped headline or byline,
# not so far that a short word changed by the cleanup is matched somewhere else in the article.
_WINDOW = 1000


def body_to_source(body: str, source: str) -> list[int]:
    """For each character of `body`, its offset in `source`, or -1 where the body says something the
    source does not. The body is the source with whitespace collapsed and some lines dropped, so its
    words are found in order, each at or after the previous one."""
    mapping = [-1] * len(body)
    cursor = 0
    for token in _TOKEN.finditer(body):
        word = token.group()
        at = source.find(word, cursor, cursor + _WINDOW + len(word))
        if at < 0:
            continue  # a word the cleanup changed: its neighbours still anchor the span
        for i in range(len(word)):
            mapping[token.start() + i] = at + i
        cursor = at + len(word)
    return mapping


def source_span(mapping: list[int], start: int, end: int) -> tuple[int, int] | None:
    """The source span of body[start:end], from its first and last characters found in the source."""
    inside = [mapping[i] for i in range(start, min(end, len(mapping))) if mapping[i] >= 0]
    return (inside[0], inside[-1] + 1) if inside else None
