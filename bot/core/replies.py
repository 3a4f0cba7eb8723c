"""Neutral reply objects and their rendering as Discord message payloads within the platform limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core import limits
from bot.core.text import truncate

ACCENT = 0x2B6CB0


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


def embed_payload(page: Page) -> dict[str, Any]:
    """A page as a Discord embed object, every part cut to its limit and the total under 6000."""
    budget = limits.EMBED_TOTAL
    embed: dict[str, Any] = {"type": "rich", "color": ACCENT}
    title = truncate(page.title or "…", limits.EMBED_TITLE)
    embed["title"] = title
    budget -= len(title)
    footer = truncate(page.footer, min(limits.FOOTER_TEXT, 200)) if page.footer else ""
    budget -= len(footer)
    fields = []
    for item in page.fields[: limits.EMBED_FIELDS]:
        name = truncate(item.name or "\u200b", limits.FIELD_NAME)
        value = truncate(item.value or "\u200b", limits.FIELD_VALUE)
        if len(name) + len(value) > budget - 100:
            break
        fields.append({"name": name, "value": value, "inline": item.inline})
        budget -= len(name) + len(value)
    if page.description:
        embed["description"] = truncate(page.description, min(limits.EMBED_DESCRIPTION, max(budget, 1)))
    if fields:
        embed["fields"] = fields
    if footer:
        embed["footer"] = {"text": footer}
    if page.url and len(page.url) <= limits.URL:
        embed["url"] = page.url
    return embed


def embed_length(embed: dict[str, Any]) -> int:
    """Characters that count towards Discord's 6000 total for one embed."""
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    return total


def message_payload(reply: Reply, page: int = 0) -> dict[str, Any]:
    """The message a reply shows, as Discord's JSON: one embed, page buttons, action buttons."""
    page = max(0, min(page, len(reply.pages) - 1))
    payload: dict[str, Any] = {
        "embeds": [embed_payload(reply.pages[page])],
        "allowed_mentions": {"parse": []},
    }
    rows = []
    if len(reply.pages) > 1:
        buttons = [
            ("first", "≪", page == 0), ("back", "Back", page == 0),
            ("current", f"{page + 1}/{len(reply.pages)}", True),
            ("next", "Next", page == len(reply.pages) - 1), ("last", "≫", page == len(reply.pages) - 1),
        ]
        rows.append({"type": 1, "components": [
            {"type": 2, "style": 2 if key == "current" else 1, "label": label, "custom_id": f"pages:{key}",
             "disabled": disabled} for key, label, disabled in buttons]})
    if reply.actions:
        rows.append({"type": 1, "components": [
            {"type": 2, "style": 1, "label": truncate(action.label, limits.BUTTON_LABEL),
             "custom_id": f"action:{index}"}
            for index, action in enumerate(reply.actions[: limits.BUTTONS_PER_ROW])]})
    if rows:
        payload["components"] = rows
    if reply.ephemeral:
        payload["flags"] = limits.EPHEMERAL_FLAG
    return payload
