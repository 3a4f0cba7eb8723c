"""Reading what comes from outside (an upload, a fetched page, a feed) in a worker process with a time and a memory
limit, so that one hostile page fails alone, with a clear message, while the bot answers on."""

from __future__ import annotations

import asyncio
import importlib
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.core.article import CorpusError
from bot.core.replies.reply import UserError
from bot.core.text import size_label

log = logging.getLogger(__name__)

SECONDS = 20.0  # a news page is read in well under a second; a page that takes this long is refused
MEMORY_BYTES = 1024 * 1024 * 1024  # beyond the worker's own size once started; a news page needs a few MB
PRELOAD = (
    "bot.archive.files",
    "bot.archive.intake.uploads",
    "bot.archive.intake.feeds",
)  # the jobs' modules: imported before the limit is set

T = TypeVar("T")


class Sandbox:
    """One worker process, started when first needed and again after one was stopped; one job at a time."""

    def __init__(self, seconds: float = SECONDS, memory_bytes: int = MEMORY_BYTES) -> None:
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Any = None
        self._queue = ThreadPoolExecutor(1, thread_name_prefix="sandbox")  # waits for the worker off the event loop
        self._lock = threading.Lock()  # a close (at shutdown) and a start in the queue's thread, one at a time

    async def run(self, label: str, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in the worker (a module-level function: it is sent by name). A CorpusError naming
        `label` when the page takes too long, needs too much memory or stops the worker; the function's own
        CorpusError or UserError as it raised it."""
        return await asyncio.get_running_loop().run_in_executor(self._queue, self._call, label, function, args)

    def start(self) -> None:
        """Start the worker now, in the background (its imports take a second): the first job waits less."""
        self._queue.submit(self._started)

    def _started(self) -> Any:
        """The pipe to the worker, started first when there is none (or it has stopped)."""
        with self._lock:
            if self._process is None or not self._process.is_alive():
                self._start()
            return self._connection

    def _call(self, label: str, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        connection = self._started()
        try:
            connection.send((function, args))
            if not connection.poll(self.seconds):
                self._stop()
                raise CorpusError(f"{label}: reading it took longer than {self.seconds:g} s, the most a page may take")
            outcome, value = connection.recv()
        except (EOFError, OSError):  # the worker is gone: killed by the system, or it crashed on the page
            self._stop()
            raise CorpusError(f"{label}: the page stopped the reader; it cannot be read") from None
        if outcome == "memory":
            self._stop()  # a MemoryError can leave a library half-way: a fresh worker for the next page
            memory = size_label(self.memory_bytes)
            raise CorpusError(f"{label}: reading it needs more than {memory} of memory, the most a page may use")
        if outcome == "refused":
            raise value
        if outcome == "failed":
            log.warning("%s could not be read: %s", label, value)
            raise CorpusError(f"{label}: the page could not be read ({value})")
        return value

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # the bot has threads: a forked child could inherit a lock
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self.memory_bytes), name="page reader", daemon=True)
        self._process.start()
        child.close()
        self._connection = parent

    def _stop(self) -> None:
        with self._lock:
            if self._process is not None:
                self._process.kill()
                self._process.join(5)
            if self._connection is not None:
                self._connection.close()
            self._process = self._connection = None

    def close(self) -> None:
        """Stop the worker (at shutdown): a job still running ends with the reader-stopped error, and the next
        job, if any, starts a new worker."""
        self._stop()


_shared: Sandbox | None = None


def shared() -> Sandbox:
    """The process's one sandbox, for every App that is given none."""
    global _shared
    if _shared is None:
        _shared = Sandbox()
    return _shared


def _limit_memory(extra: int) -> None:
    """Let the worker's address space grow by `extra` bytes at most: an allocation beyond raises MemoryError."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):  # not Linux: the time limit alone holds
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + extra if hard == resource.RLIM_INFINITY else min(size + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def warm_up() -> None:
    """Read one short article before the first job: the patterns and word lists it uses are made on first use."""
    from bot.core.extraction import extract
    from bot.core.quotes.cues import compile_all
    from bot.core.reading.news_file import parse_article

    compile_all()
    extract(parse_article("warm-up", 'Ferry Returns\n\n"We are ready," the harbour master said on Monday.\n'))


def _serve(connection: Any, memory_bytes: int) -> None:
    """The worker: run each job sent, send back what came of it, until the pipe closes."""
    for module in PRELOAD:
        importlib.import_module(module)
    warm_up()
    _limit_memory(memory_bytes)
    while True:
        try:
            function, args = connection.recv()
            reply: tuple[str, Any] = ("done", function(*args))
        except EOFError:
            return
        except MemoryError:
            reply = ("memory", None)
        except (CorpusError, UserError) as error:
            reply = ("refused", error)
        except Exception as error:  # whatever a page makes a library raise: the page's failure, not the bot's
            reply = ("failed", f"{type(error).__name__}: {str(error)[:200]}")
        try:
            connection.send(reply)
        except MemoryError:
            connection.send(("memory", None))
