"""The bot's commands behind one door, shared by the Discord glue and the offline console."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from bot.addresses import Allowed
from bot.commands import COMMANDS, Command, Invocation
from bot.core.answers import complete
from bot.core.corpus import Corpus
from bot.core.replies import Reply, UserError
from bot.core.text import truncate
from bot.loading import sandbox
from bot.loading.files import MAX_FILE_BYTES
from bot.loading.sandbox import Sandbox
from bot.stores import Store
from bot.uploads import Uploads

log = logging.getLogger(__name__)

__all__ = ["App", "Invocation"]


class App:
    """Answers invocations from the corpus in memory and the store, looking each command up in the table."""

    def __init__(
        self,
        corpus: Corpus,
        store: Store,
        rng: random.Random | None = None,
        loader: Callable[[], Corpus] | None = None,
        commands: Mapping[str, Command] = COMMANDS,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        corpus_dir: Path | None = None,
        fetch_allow_private: Allowed = False,
        max_article_bytes: int = MAX_FILE_BYTES,
        reader: Sandbox | None = None,
    ) -> None:
        self.corpus = corpus
        self.store = store
        self.rng = rng or random.Random()
        self.loader = loader  # builds a fresh corpus for /corpus reload
        self.commands = commands
        self.corpus_dir = corpus_dir  # where /corpus add saves an upload
        # tests only: fetching may reach loopback and private addresses (True), or just these endpoints
        self.fetch_allow_private = fetch_allow_private
        self.max_article_bytes = max_article_bytes  # the largest upload, fetched page or feed entry taken
        self.uploads = Uploads()  # uploads previewed and waiting for their uploader's Confirm
        self.reader = reader or sandbox.shared()  # reads uploads, fetched pages and feeds within a budget
        self.clock = clock  # the time now (tests set it: the quote of the day changes at midnight UTC)
        self.reloaded_at = dt.datetime.now(dt.UTC)
        self.reload_lock = asyncio.Lock()
        self.in_flight = 0

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
            raise UserError(f"There is no command /{truncate(invocation.command, 60)}; try /help.")
        if command.manage_only and not invocation.can_manage:  # before its options: nothing else to learn
            raise UserError(f"Only members with Manage Server (or the bot's owner) may use /{command.name}.")
        options = {k: v for k, v in invocation.options.items() if v is not None}
        unknown = set(options) - set(command.option_names)
        if unknown:
            raise UserError(f"/{command.name} has no option {', '.join(sorted(unknown))}.")
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
        return complete.choices(self.corpus, declared.complete, current)


_TRUE, _FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0", ""}


def _flag(name: str, value: str) -> str:
    """A flag option as typed (Discord sends true/false; the console may say yes/no) → "true" or "false"."""
    typed = value.strip().lower()
    if typed in _TRUE:
        return "true"
    if typed in _FALSE:
        return "false"
    raise UserError(f"`{name}:` is true or false, not “{truncate(value, 40)}”.")
