"""Discord markdown: text from users and articles escaped so that it shows as it was written."""

from __future__ import annotations

import re

from bot.core.text import truncate

# Marks that change text wherever they stand; a backslash first, so escapes typed by the user stay visible.
_INLINE = re.compile(r"([\\*_~`|])")
# Marks that only act at the start of a line: a quote, a heading, a list item, subtext ('-# ').
_LINE_START = re.compile(r"^(\s*)(>|#|-|\d+\.)(?=\s)", re.M)
# A masked link is the only thing brackets make: '[text](url)'. Breaking '](' keeps a devised title's
# brackets plain ('[The West must back…]') instead of escaping every one of them ('\[').
_LINK = re.compile(r"\]\(")


def escape_markdown(text: str) -> str:
    """Text as written, with every Discord markdown mark in it escaped (core's discord.utils.escape_markdown)."""
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _LINK.sub(r"]\\(", text)


def echo(text: str, limit: int = 100) -> str:
    """What a user typed, quoted back in a reply: cut to `limit`, in curly quotes, its markdown escaped."""
    return f"“{escape_markdown(truncate(' '.join(text.split()), limit))}”"
