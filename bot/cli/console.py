"""The offline console: parse a slash command as typed, answer it, print what a user would see."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.commands import COMMANDS
from bot.core.replies.layout import layout
from bot.core.replies.reply import Reply, UserError
from bot.invocation import Invocation


def parse_command(line: str, can_manage: bool = False) -> Invocation:
    """'/article search query: kharkiv start: 2022' → Invocation('article search', {...})."""
    text = line.strip().lstrip("/").strip()
    words = text.split()
    name = next((n for n in sorted(COMMANDS, key=len, reverse=True) if words[: len(n.split())] == n.split()), None)
    if name is None:
        raise UserError(f"Unknown command “/{text[:60]}”. Commands: " + ", ".join(f"/{n}" for n in COMMANDS))
    rest = text[len(name) :].strip()
    known = COMMANDS[name].option_names
    options: dict[str, str] = {}
    if rest:
        pattern = re.compile(r"(?:^|\s)(" + "|".join(map(re.escape, known)) + r"):" if known else r"(?!)")
        marks = list(pattern.finditer(rest)) if known else []
        if not marks or rest[: marks[0].start()].strip():
            raise UserError(
                f"Options of /{name} are written `name: value`; /{name} takes: "
                + (", ".join(f"{o}:" for o in known) or "no options")
            )
        for mark, following in zip(marks, marks[1:] + [None], strict=False):
            value = rest[mark.end() : following.start() if following else len(rest)].strip()
            options[mark.group(1)] = value
    return Invocation(name, options, can_manage=can_manage)


def render_text(reply: Reply) -> str:
    """A reply as plain text, every page in order, as a user would read it."""
    out: list[str] = []
    if reply.ephemeral:
        out.append("(only you can see this)")
    for number, page in enumerate(reply.pages, start=1):
        if len(reply.pages) > 1:
            out.append(f"── page {number}/{len(reply.pages)} ──")
        out.append(f"# {page.title}")
        if page.url:
            out.append(page.url)
        if page.description:
            out.append(page.description)
        for item in page.fields:
            out.append(f"\n{item.name}:\n{item.value}")
        if page.footer:
            out.append(f"\n{page.footer}")
        out.append("")
    for row in layout(reply).rows:  # the buttons under the first page, as Discord shows them
        out.append(" ".join(f"[{button.label}]" for button in row))
    return "\n".join(out).rstrip() + "\n"


def render_json(reply: Reply) -> str:
    """The Discord message payload of every page plus the structured results behind the reply."""
    document: dict[str, Any] = {
        "ephemeral": reply.ephemeral,
        "pages": len(reply.pages),
        "payload": layout(reply).payload(),
        "page_payloads": [layout(reply, i).embed for i in range(len(reply.pages))],
        "results": reply.data,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
