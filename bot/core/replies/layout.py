"""A reply page laid out as Discord gets it: the embed and the buttons, within the platform limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.replies import limits
from bot.core.replies.reply import Page, Reply
from bot.core.text import truncate

ACCENT = 0x2B6CB0
PRIMARY, SECONDARY = 1, 2  # Discord's button styles
PAGE_BUTTONS = ("first", "back", "current", "next", "last")


@dataclass(frozen=True)
class Button:
    """One button: `pages:<first|back|current|next|last>` turns pages, `goto:<page>` opens one page (a search
    result's card), `action:<n>` runs reply.actions[n]."""

    custom_id: str
    label: str
    style: int
    disabled: bool = False

    def payload(self) -> dict[str, Any]:
        return {
            "type": 2,
            "style": self.style,
            "label": self.label,
            "custom_id": self.custom_id,
            "disabled": self.disabled,
        }


@dataclass(frozen=True)
class Layout:
    """What one page of a reply shows: its embed, its rows of buttons, and whether only the invoker sees it."""

    embed: dict[str, Any]
    rows: tuple[tuple[Button, ...], ...]
    ephemeral: bool
    page: int

    def payload(self) -> dict[str, Any]:
        """The Discord message JSON for this layout."""
        payload: dict[str, Any] = {"embeds": [self.embed], "allowed_mentions": {"parse": []}}
        if self.rows:
            payload["components"] = [{"type": 1, "components": [b.payload() for b in row]} for row in self.rows]
        if self.ephemeral:
            payload["flags"] = limits.EPHEMERAL_FLAG
        return payload


def page_buttons(page: int, count: int) -> tuple[Button, ...]:
    """First/back/current/next/last (after RoboPages); the current page is a label, never pressed."""
    at_start, at_end = page == 0, page >= count - 1
    return (
        Button("pages:first", "≪", SECONDARY, at_start),
        Button("pages:back", "Back", PRIMARY, at_start),
        Button("pages:current", f"{page + 1}/{count}", SECONDARY, True),
        Button("pages:next", "Next", PRIMARY, at_end),
        Button("pages:last", "≫", SECONDARY, at_end),
    )


def layout(reply: Reply, page: int = 0) -> Layout:
    """One page of a reply laid out: page buttons when it has pages, then its action buttons."""
    page = max(0, min(page, len(reply.pages) - 1))
    rows = []
    if len(reply.pages) > 1:
        rows.append(page_buttons(page, len(reply.pages)))
    jumps = [(label, target) for label, target in reply.jumps if 0 <= target < len(reply.pages)]
    if jumps:
        rows.append(
            tuple(
                Button(f"goto:{target}", truncate(label, limits.BUTTON_LABEL), SECONDARY, target == page)
                for label, target in jumps[: limits.BUTTONS_PER_ROW]
            )
        )
    if reply.actions:
        rows.append(
            tuple(
                Button(f"action:{index}", truncate(action.label, limits.BUTTON_LABEL), PRIMARY)
                for index, action in enumerate(reply.actions[: limits.BUTTONS_PER_ROW])
            )
        )
    return Layout(embed_payload(reply.pages[page]), tuple(rows), reply.ephemeral, page)


def message_payload(reply: Reply, page: int = 0) -> dict[str, Any]:
    """The message a reply shows, as Discord's JSON: one embed, page buttons, action buttons."""
    return layout(reply, page).payload()


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
    if page.image and len(page.image) <= limits.URL:
        embed["image"] = {"url": page.image}
    return embed


def embed_length(embed: dict[str, Any]) -> int:
    """Characters that count towards Discord's 6000 total for one embed."""
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    return total
