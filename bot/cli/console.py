"""The offline console: parse a slash command as typed, answer it, print what a user would see."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.commands import COMMANDS
from bot.core.replies.layout import layout
from bot.core.replies.markdown import echo
from bot.core.replies.reply import Reply, UserError
from bot.core.script import plain_typed
from bot.invocation import Invocation

_OPTION = re.compile(r"[\w-]+:")  # 'now: 1': an option, though not one of the command's


def parse_command(line: str, can_manage: bool = False) -> Invocation:
    """'/article search query: kharkiv start: 2022' → Invocation('article search', {...}). Spaces may be doubled
    anywhere, and a command with one text option may be given its value bare: '/help article'."""
    text = " ".join(plain_typed(line).strip().lstrip("/").split())
    words = text.split()
    shown = [n for n, c in COMMANDS.items() if not c.internal]  # the buttons' own commands are never offered
    name = next((n for n in sorted(COMMANDS, key=len, reverse=True) if words[: len(n.split())] == n.split()), None)
    if name is None:
        group = [n for n in shown if words and n.startswith(words[0] + " ")]
        if group and len(words) == 1:
            raise UserError(f"/{words[0]} is followed by a command: " + ", ".join(f"/{n}" for n in group))
        raise UserError(f"Unknown command {echo('/' + text, 60)}. Commands: " + ", ".join(f"/{n}" for n in shown))
    rest = " ".join(words[len(name.split()) :])
    command = COMMANDS[name]
    known = command.option_names
    options: dict[str, str] = {}
    if not rest:
        return Invocation(name, options, can_manage=can_manage)
    pattern = re.compile(r"(?:^|\s)(" + "|".join(map(re.escape, known)) + r"):" if known else r"(?!)")
    marks = list(pattern.finditer(rest))
    lone = [o for o in command.options if o.kind == "text"] if len(command.options) == 1 else []
    if not marks and lone and not _OPTION.match(rest):  # '/help article': the value of the one option
        return Invocation(name, {lone[0].name: rest}, can_manage=can_manage)
    if not marks or rest[: marks[0].start()].strip():
        takes = ", ".join(f"{o}:" for o in known) or "no options"
        example = f"; e.g. `/{name} {known[0]}: …`" if known else ""
        raise UserError(f"Options of /{name} are written `name: value`{example}. /{name} takes: {takes}")
    for mark, following in zip(marks, marks[1:] + [None], strict=False):
        options[mark.group(1)] = rest[mark.end() : following.start() if following else len(rest)].strip()
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
