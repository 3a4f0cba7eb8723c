"""What a command is and how it is invoked: Option, Command, Invocation, and the Door a handler answers through."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from bot.archive.intake.addresses import Allowed
from bot.archive.intake.sandbox import Sandbox
from bot.archive.intake.uploads import Uploads
from bot.archive.living import LivingArchive
from bot.core.corpus import Corpus
from bot.core.replies.reply import Reply
from bot.stores import Store

Source = Literal[
    "article", "query", "publication", "speaker", "removed", "command"
]  # what an option's autocomplete suggests


@dataclass(frozen=True)
class Option:
    """One option of a command, as Discord shows it and the App checks it."""

    name: str
    description: str
    required: bool = False
    max_length: int | None = None  # Discord refuses longer input before it reaches us
    complete: Source | None = None
    kind: Literal["text", "flag", "file", "channel"] = "text"  # flag: a boolean; file: an upload; channel: its id


@dataclass(frozen=True)
class Invocation:
    """One command as a user typed it, wherever it came from."""

    command: str
    options: dict[str, str] = field(default_factory=dict)
    guild_id: int | None = None
    channel_id: int = 0
    can_manage: bool = False  # Manage Server in this server
    is_owner: bool = False  # the bot's owner (and whoever runs the console: the operator)
    upload: tuple[str, bytes] | None = None  # a file option's (file name, bytes), read by the glue
    user_id: int = 0  # who ran it: an upload waits for the same person to confirm it
    console: bool = False  # typed at the command line (`python -m bot ask`), not in Discord


Handler = Callable[["Door", Invocation, Corpus], Awaitable[Reply]]


@dataclass(frozen=True)
class Command:
    """A slash command: what Discord shows, who may run it, how often, and the handler that answers it."""

    name: str  # "article search": a group and a subcommand, or one word
    description: str
    handler: Handler
    options: tuple[Option, ...] = ()
    user_cooldown: bool = False  # the per-user budget from the settings (BOT_COOLDOWN_*)
    guild_cooldown_seconds: float = 0.0  # one use per server in this many seconds
    manage_only: bool = False  # Manage Server or the bot's owner, checked when it runs
    archive_admin: bool = False  # changes the archive every server shares: App.may_change_archive
    server_only: bool = False  # about one server (its settings): Discord offers it in servers only, not in DMs
    menu: str | None = None  # a message context-menu entry (Apps → menu) instead of a slash command
    internal: bool = False  # run only by a reply's buttons (Confirm, Cancel): not shown in Discord
    help: str = ""  # what /help says it does; a command without it is not listed there
    examples: tuple[str, ...] = ()  # each one must give a real answer (tested)

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.options)


class Door(Protocol):
    """What a handler may use: the live corpus and the services behind it (bot.app.App is the one door)."""

    store: Store
    archive: LivingArchive | None  # None: a fixed corpus, nothing to change (tests of answers)
    rng: random.Random
    commands: Mapping[str, Command]
    clock: Callable[[], dt.datetime]
    fetch_allow_private: Allowed
    max_article_bytes: int
    uploads: Uploads
    reader: Sandbox  # reads what comes from outside within a time and memory budget

    @property
    def corpus(self) -> Corpus: ...

    @property
    def loaded_at(self) -> dt.datetime: ...
