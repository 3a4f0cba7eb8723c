"""The bot's commands behind one door, shared by the Discord glue and the offline console."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Collection, Iterator, Mapping

from bot.archive.files import MAX_FILE_BYTES
from bot.archive.intake import sandbox
from bot.archive.intake.addresses import Allowed
from bot.archive.intake.sandbox import Sandbox
from bot.archive.intake.uploads import Uploads
from bot.archive.living import LivingArchive
from bot.commands import COMMANDS
from bot.core.answers import archive as archive_answers
from bot.core.answers import complete
from bot.core.answers.help_page import command_choices
from bot.core.corpus import Corpus
from bot.core.replies.limits import AUTOCOMPLETE_CHOICES
from bot.core.replies.markdown import echo
from bot.core.replies.reply import Reply, UserError
from bot.core.script import plain_typed
from bot.invocation import Command, Invocation
from bot.stores import Store

log = logging.getLogger(__name__)

__all__ = ["App", "Invocation"]


class App:
    """Answers invocations from the corpus in memory and the store, looking each command up in the table."""

    def __init__(
        self,
        corpus: Corpus | None,
        store: Store,
        rng: random.Random | None = None,
        archive: LivingArchive | None = None,
        commands: Mapping[str, Command] = COMMANDS,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        fetch_allow_private: Allowed = False,
        max_article_bytes: int = MAX_FILE_BYTES,
        admin_guild_ids: Collection[int] = (),
        reader: Sandbox | None = None,
    ) -> None:
        self._corpus = corpus if corpus is not None else Corpus({})  # answered from when there is no archive
        self.store = store
        self.rng = rng or random.Random()
        self.archive = archive  # the folder and the stored articles, changed by /corpus add, remove, restore
        self.commands = commands
        # tests only: fetching may reach loopback and private addresses (True), or just these endpoints
        self.fetch_allow_private = fetch_allow_private
        self.reader = reader or sandbox.shared()  # reads uploads, fetched pages and feeds within a budget
        self.max_article_bytes = max_article_bytes  # the largest upload, fetched page or feed entry taken
        self.admin_guild_ids = frozenset(admin_guild_ids)  # servers whose Manage Server members change the archive
        self.uploads = Uploads()  # uploads previewed and waiting for their uploader's Confirm
        self.clock = clock  # the time now (tests set it: the quote of the day changes at midnight UTC)
        self.started_at = dt.datetime.now(dt.UTC)
        self.in_flight = 0

    @property
    def corpus(self) -> Corpus:
        """The archive as it stands: one whole snapshot, read once per answer (App.answer)."""
        return self.archive.corpus if self.archive is not None else self._corpus

    @property
    def loaded_at(self) -> dt.datetime:
        return self.archive.loaded_at if self.archive is not None else self.started_at

    def may_change_archive(self, invocation: Invocation) -> bool:
        """The bot's owner, and members with Manage Server in the servers BOT_ADMIN_GUILD_IDS lists."""
        return invocation.is_owner or (invocation.can_manage and invocation.guild_id in self.admin_guild_ids)

    def admins(self) -> str:
        """Who may change the archive, in words (the refusal and the start-up log say it)."""
        if not self.admin_guild_ids:
            return "the bot's owner"
        servers = ", ".join(str(i) for i in sorted(self.admin_guild_ids))
        return f"the bot's owner and members with Manage Server in the archive's admin servers ({servers})"

    async def answer(self, invocation: Invocation) -> Reply:
        """The reply to an invocation; a UserError becomes a short ephemeral notice."""
        started = time.perf_counter()
        try:
            command, invocation = self.checked(invocation)
            reply = await command.handler(self, invocation, self.corpus)  # one snapshot, even across a reload
        except UserError as error:
            reply = Reply.notice("Sorry", str(error))
        await self.store.record_use(invocation.command, invocation.guild_id)
        log.info(
            "served /%s guild=%s in %.1f ms",
            invocation.command,
            invocation.guild_id or "-",
            (time.perf_counter() - started) * 1000,
        )
        return reply

    def checked(self, invocation: Invocation) -> tuple[Command, Invocation]:
        """The command an invocation names, and the invocation with its options checked (UserError if not)."""
        command = self.commands.get(invocation.command)
        if command is None:
            raise UserError(f"There is no command {echo('/' + invocation.command, 60)}; try /help.")
        if command.archive_admin and not self.may_change_archive(invocation):  # before its options: nothing to learn
            raise UserError(f"Only {self.admins()} may change the archive, which every server shares.")
        if command.manage_only and not (invocation.can_manage or invocation.is_owner):
            raise UserError(f"Only members with Manage Server (or the bot's owner) may use /{command.name}.")
        # what was typed, as the user sees it: zero-width and full-width characters made plain
        options = {k: plain_typed(v) for k, v in invocation.options.items() if v is not None}
        unknown = set(options) - set(command.option_names)
        if unknown:
            raise UserError(f"/{command.name} has no option {', '.join(echo(u, 40) for u in sorted(unknown))}.")
        missing = [o.name for o in command.options if o.required and not options.get(o.name, "").strip()]
        if missing:
            raise UserError(f"/{command.name} needs `{missing[0]}:`.")
        for option in command.options:
            if option.kind == "flag" and option.name in options:
                options[option.name] = _flag(option.name, options[option.name])
        return command, dataclasses.replace(invocation, options=options)

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """Count a whole Discord exchange in flight (answer and send) so shutdown can wait for it."""
        self.in_flight += 1
        try:
            yield
        finally:
            self.in_flight -= 1

    async def drain(self, timeout: float) -> bool:
        """Wait for exchanges in progress to finish (at shutdown); False if some were still running."""
        deadline = time.monotonic() + timeout
        while self.in_flight and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return not self.in_flight

    def autocomplete(self, command: str, option: str, current: str) -> list[tuple[str, str]]:
        """Up to 25 (name, value) choices for an option of a command, from the live corpus."""
        spec = self.commands.get(command)
        declared = spec.option(option) if spec else None
        if declared is None or declared.complete is None:
            return []
        current = plain_typed(current or "")
        if declared.complete == "removed":
            removed = self.archive.removed if self.archive is not None else {}
            return archive_answers.removed_choices({i: change.headline for i, change in removed.items()}, current)
        if declared.complete == "command":  # the command table's names, not the corpus
            names = [c.name for c in self.commands.values() if not c.internal]
            return [(name, name) for name in command_choices(names, current)][:AUTOCOMPLETE_CHOICES]
        return complete.choices(self.corpus, declared.complete, current)


_TRUE, _FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0", ""}


def _flag(name: str, value: str) -> str:
    """A flag option as typed (Discord sends true/false; the console may say yes/no) → "true" or "false"."""
    typed = value.strip().lower()
    if typed in _TRUE:
        return "true"
    if typed in _FALSE:
        return "false"
    raise UserError(f"`{name}:` is true or false, not {echo(value, 40)}.")
