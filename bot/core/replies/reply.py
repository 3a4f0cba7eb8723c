"""Neutral reply objects: pages of embed content, action buttons, and the results behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.text import truncate


class UserError(Exception):
    """Bad input from a user: its message is shown to them, ephemerally, as it is."""


@dataclass
class Field:
    name: str
    value: str
    inline: bool = False


@dataclass
class Page:
    """One screen of a reply: an embed's worth of content."""

    title: str
    description: str = ""
    fields: list[Field] = field(default_factory=list)
    footer: str | None = None
    url: str | None = None
    image: str | None = None  # e.g. "attachment://timeline.png": a file of the reply shown in the embed


@dataclass
class Action:
    """A button that runs a command again, e.g. 'Another quote'."""

    label: str
    command: str
    options: dict[str, str] = field(default_factory=dict)


@dataclass
class Reply:
    """What a command answers, before it is shown in Discord or a terminal."""

    pages: list[Page]
    ephemeral: bool = False
    actions: list[Action] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # structured results behind the reply, for --json
    jumps: list[tuple[str, int]] = field(default_factory=list)  # (label, page): buttons that open one page
    files: dict[str, bytes] = field(default_factory=dict)  # attachments by file name (a chart)

    @classmethod
    def notice(cls, title: str, text: str, **data: Any) -> Reply:
        """A short ephemeral message: an error, an empty result, a hint."""
        return cls([Page(title=title, description=text)], ephemeral=True, data=data)


def paginate(title: str, lines: list[str], per_page: int = 12, limit: int = 3500, **page_args: Any) -> list[Page]:
    """Split lines into pages that each stay within `per_page` lines and `limit` characters."""
    pages: list[Page] = []
    current: list[str] = []
    size = 0
    for line in lines:
        line = truncate(line, limit)
        if current and (len(current) >= per_page or size + len(line) + 1 > limit):
            pages.append(Page(title=title, description="\n".join(current), **page_args))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    if current or not pages:
        pages.append(Page(title=title, description="\n".join(current), **page_args))
    if len(pages) > 1:
        for number, page in enumerate(pages, start=1):
            suffix = f"Page {number}/{len(pages)}"
            page.footer = f"{page.footer} · {suffix}" if page.footer else suffix
    return pages
