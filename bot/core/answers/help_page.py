"""Answer for /help: what the bot can do, with examples; or one command, or one group, in full."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.replies.markdown import echo
from bot.core.replies.reply import Field, Page, Reply
from bot.core.text import truncate


def help_reply(article_count: int, entries: Iterable[tuple[str, str, tuple[str, ...]]]) -> Reply:
    """One field per command: (name, what it does, examples as typed)."""
    fields = [Field(name, what + "".join(f"\n`{example}`" for example in examples)) for name, what, examples in entries]
    page = Page(
        title="News archive — what I can do",
        description=f"I answer from an archive of {article_count} news articles. Every answer cites its article. "
        "`/help command: timeline` tells more about one command.",
        fields=fields,
    )
    return Reply([page])


@dataclass(frozen=True)
class Topic:
    """One command as /help explains it: its name ('article search'), what it does, its options as
    (name, description, required), its examples, and the message menu entry it is reached by, if any."""

    name: str
    what: str
    options: tuple[tuple[str, str, bool], ...] = ()
    examples: tuple[str, ...] = ()
    menu: str | None = None


def _key(text: str) -> str:
    return " ".join(text.lower().replace("/", " ").split())


def command_choices(names: Iterable[str], typed: str) -> list[str]:
    """Command names for autocomplete: those starting with what was typed, then close ones."""
    names = list(names)
    wanted = _key(typed)
    if not wanted:
        return names
    starting = [n for n in names if n.startswith(wanted) or any(w.startswith(wanted) for w in n.split())]
    close = [name for name, _, _ in process.extract(wanted, names, scorer=fuzz.WRatio, score_cutoff=70)]
    return list(dict.fromkeys(starting + close))


def _page(topic: Topic) -> Page:
    title = f"Apps → {topic.menu}" if topic.menu else f"/{topic.name}"
    fields = []
    if topic.options:
        lines = [f"`{name}:` {what}" + (" (required)" if required else "") for name, what, required in topic.options]
        fields.append(Field("Options", "\n".join(lines)))
    if topic.examples and not topic.menu:
        fields.append(Field("Examples", "\n".join(f"`{example}`" for example in topic.examples)))
    return Page(title=title, description=topic.what, fields=fields)


def command_reply(typed: str, topics: list[Topic]) -> Reply:
    """/help command: one command in full ('timeline'); a group's commands ('article'); else the closest names."""
    wanted = _key(typed)
    by_name = {topic.name: topic for topic in topics}
    by_name.update({_key(topic.menu): topic for topic in topics if topic.menu})
    if wanted in by_name:
        return Reply([_page(by_name[wanted])], data={"commands": [by_name[wanted].name]})
    group = [topic for topic in topics if topic.name.startswith(wanted + " ")]
    if group:
        page = Page(
            title=f"/{wanted} …",
            description=f"The /{wanted} commands; `/help command: {group[0].name}` tells more about one.",
            fields=[Field(f"/{t.name}", truncate(t.what, 300)) for t in group],
        )
        return Reply([page], data={"commands": [t.name for t in group]})
    close = command_choices([t.name for t in topics], typed)[:3]
    listed = ", ".join(f"/{t.name}" for t in topics)
    return Reply.notice(
        "No such command",
        f"There is no command {echo(typed, 60)}."
        + (f" Did you mean {', '.join(f'`/help command: {n}`' for n in close)}?" if close else "")
        + f"\nCommands: {listed}.",
        commands=[],
    )
