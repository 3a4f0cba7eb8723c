"""The bot's commands behind one door, shared by the Discord glue and the offline console."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from bot.core.answers import article, complete, help, quote, status, timeline
from bot.core.corpus import Corpus
from bot.core.replies import Reply, UserError
from bot.core.text import truncate
from bot.store import Store

log = logging.getLogger(__name__)

# The public interface: command name → its options (all strings, all optional unless listed in REQUIRED).
COMMANDS: dict[str, tuple[str, ...]] = {
    "article search": ("query", "start", "end", "publication"),
    "article show": ("article",),
    "quote random": ("speaker", "article", "topic"),
    "timeline": ("date", "start", "end", "query", "article"),
    "help": (),
    "corpus status": (),
    "corpus reload": (),
}
REQUIRED = {"article search": ("query",), "article show": ("article",)}


@dataclass
class Invocation:
    """One command as a user typed it, wherever it came from."""

    command: str
    options: dict[str, str] = field(default_factory=dict)
    user_id: int = 0
    guild_id: int | None = None
    channel_id: int = 0
    can_manage: bool = False  # Manage Server in this server, or the bot's owner: may reload the corpus


class App:
    """Answers invocations from the corpus in memory and the store."""

    def __init__(self, corpus: Corpus, store: Store, rng: random.Random | None = None,
                 loader: Callable[[], Corpus] | None = None) -> None:
        self.corpus = corpus
        self.store = store
        self.rng = rng or random.Random()
        self.loader = loader  # builds a fresh corpus for /corpus reload
        self.reloaded_at = dt.datetime.now(dt.UTC)
        self._reload_lock = asyncio.Lock()
        self.in_flight = 0

    async def answer(self, invocation: Invocation) -> Reply:
        """The reply to an invocation; a UserError becomes a short ephemeral notice."""
        started = time.perf_counter()
        with self.busy():
            try:
                reply = await self._dispatch(invocation, self.corpus)
            except UserError as error:
                reply = Reply.notice("Sorry", str(error))
        await self.store.record_use(invocation.command, invocation.guild_id)
        log.info("served /%s guild=%s in %.1f ms", invocation.command, invocation.guild_id or "-",
                 (time.perf_counter() - started) * 1000)
        return reply

    async def _dispatch(self, invocation: Invocation, corpus: Corpus) -> Reply:
        """Answer from one corpus snapshot, so a reload mid-answer cannot mix old and new."""
        name, options = invocation.command, {k: v for k, v in invocation.options.items() if v is not None}
        if name not in COMMANDS:
            raise UserError(f"There is no command /{truncate(name, 60)}; try /help.")
        unknown = set(options) - set(COMMANDS[name])
        if unknown:
            raise UserError(f"/{name} has no option {', '.join(sorted(unknown))}.")
        missing = [o for o in REQUIRED.get(name, ()) if not options.get(o, "").strip()]
        if missing:
            raise UserError(f"/{name} needs `{missing[0]}:`.")
        if name == "article search":
            return article.search_reply(corpus, **options)
        if name == "article show":
            return article.show_reply(corpus, options["article"])
        if name == "quote random":
            return await self._random_quote(invocation, options, corpus)
        if name == "timeline":
            return timeline.timeline_reply(corpus, **options)
        if name == "corpus status":
            return status.status_reply(corpus, self.reloaded_at)
        if name == "corpus reload":
            return await self._reload(invocation)
        return help.help_reply(len(corpus.articles))

    async def _reload(self, invocation: Invocation) -> Reply:
        if not invocation.can_manage:
            raise UserError("Only members with Manage Server (or the bot's owner) may reload the corpus.")
        if self.loader is None:
            raise UserError("This bot was started without a corpus folder to reload from.")
        if self._reload_lock.locked():
            raise UserError("A reload is already running; try /corpus status in a moment.")
        async with self._reload_lock:
            fresh = await asyncio.to_thread(self.loader)  # built off the event loop, swapped in whole
            self.corpus, self.reloaded_at = fresh, dt.datetime.now(dt.UTC)
        log.info("corpus reloaded: %d articles", len(fresh.articles))
        return status.status_reply(fresh, self.reloaded_at, title="Corpus reloaded")

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """Count work in flight (an answer, or a whole Discord exchange) so shutdown can wait for it."""
        self.in_flight += 1
        try:
            yield
        finally:
            self.in_flight -= 1

    async def drain(self, timeout: float) -> bool:
        """Wait for answers in progress to finish (at shutdown); False if some were still running."""
        deadline = time.monotonic() + timeout
        while self.in_flight and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return not self.in_flight

    async def _random_quote(self, invocation: Invocation, options: dict[str, str], corpus: Corpus) -> Reply:
        pool = quote.candidates(corpus, options.get("speaker"), options.get("article"), options.get("topic"))
        if not pool:
            return quote.no_quote_reply(corpus, options.get("speaker"), options.get("article"),
                                        options.get("topic"))
        filter_key = quote.filter_key(corpus, options)
        shown = await self.store.shown_quotes(invocation.channel_id, filter_key)
        last = await self.store.last_shown(invocation.channel_id, filter_key) if len(shown) >= len(pool) else None
        chosen, restarted = quote.pick(pool, shown, self.rng, last)
        await self.store.mark_shown(invocation.channel_id, filter_key, chosen.id, restart=restarted)
        return quote.quote_reply(corpus, chosen, options)

    def autocomplete(self, command: str, option: str, current: str) -> list[tuple[str, str]]:
        """Up to 25 (name, value) choices for an option of a command, from the live corpus."""
        if option not in COMMANDS.get(command, ()):
            return []
        return complete.choices(self.corpus, option, current)
