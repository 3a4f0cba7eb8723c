"""Parsing many corpus files in worker processes: results and the workers' log records come back in file order."""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from bot.archive.files import Parsed, Source, parse_source
from bot.core.article import CorpusError
from bot.core.shelf import ShelvedArticle

log = logging.getLogger(__name__)

Job = tuple[Source, dict[str, Any] | None, int]  # a file, its catalog entry and the largest size an article may be
Outcome = Parsed | bytes | CorpusError  # what a worker sends back: a parse (maybe packed), or why not

PARALLEL_FROM = 500  # files worth starting worker processes for: each takes a while to start
MAX_PROCESSES = 8
CHUNK = 50  # files per task: few round trips, and still an even spread over the workers


def pack(parsed: Parsed) -> bytes:
    """A parse pickled, as the cache keeps it (bot/archive/cache.py). Workers pack what they parse when the
    caller keeps a cache, so the bot's process does not pickle it a second time."""
    return pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(packed: bytes) -> Parsed:
    return pickle.loads(packed)


def pack_summary(parsed: Parsed, key: str) -> tuple[bytes, bytes]:
    """What answers read of an article without its text, pickled apart from the whole parse: its header (as a
    ShelvedArticle keeps it), and its quotations and events apart again, so that an archive opens on the headers
    alone and unpacks the rest after (bot/archive/warm.py reads both back)."""
    header = ShelvedArticle(parsed.extracted.article, key, None).row()
    later = (parsed.extracted.quotes, parsed.extracted.events)
    return pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL), pickle.dumps(later, protocol=pickle.HIGHEST_PROTOCOL)


def _attempt(job: Job) -> Parsed | CorpusError:
    """A file parsed, or why not: whatever it raises (a library's RecursionError on a hostile page, say) is that
    file's failure, reported by name, and the load goes on."""
    try:
        return parse_source(*job)
    except CorpusError as error:
        return error
    except Exception as error:
        log.debug("corpus file %s failed", job[0].name, exc_info=True)  # the load says it once, by name
        return CorpusError(f"{job[0].name}: cannot be read ({type(error).__name__}: {str(error)[:200]})")


def default_processes(files: int) -> int:
    """Worker processes for parsing this many files: one (no pool) for a small corpus."""
    if files < PARALLEL_FROM:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, MAX_PROCESSES))


def parse_files(
    jobs: list[Job], processes: int | None = None, packed: bool = False
) -> Iterator[tuple[Parsed | CorpusError, bytes | None]]:
    """parse_source's result (or error) for every job, in order, each as soon as it and those before it are
    ready, with the result packed for a cache when `packed` and workers packed it (else None). With several
    processes the results are the same as serially, and what the workers logged is logged here, in file
    order, as a serial run would."""
    processes = default_processes(len(jobs)) if processes is None else processes
    if processes > 1 and len(jobs) > 1:
        done = 0
        try:
            for outcome, records in _in_pool(jobs, processes, packed):
                for record in records:
                    logger = logging.getLogger(record.name)
                    if logger.isEnabledFor(record.levelno):
                        logger.handle(record)
                yield (unpack(outcome), outcome) if isinstance(outcome, bytes) else (outcome, None)
                done += 1
            return
        except (OSError, BrokenProcessPool) as error:  # no processes to be had: parse the rest in this one
            log.warning("parsing in one process: the worker pool failed (%s)", error)
        jobs = jobs[done:]
    for job in jobs:
        yield _attempt(job), None


def _in_pool(jobs: list[Job], processes: int, packed: bool) -> Iterator[tuple[Outcome, list[logging.LogRecord]]]:
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    # spawn, not fork: the bot loads its corpus from a thread, and a forked child of a threaded process
    # can inherit a lock another thread held
    context = multiprocessing.get_context("spawn")
    level = logging.getLogger(__name__).getEffectiveLevel()
    pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker, initargs=(level,))
    try:
        for chunk in pool.map(functools.partial(_parse_chunk, packed=packed), chunks):
            yield from chunk
    finally:  # all done, or the caller stopped reading: nothing left to wait for
        pool.shutdown(cancel_futures=True)


class _Records(logging.Handler):
    """Keeps a worker's log records, to be handed back with the file they are about."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # arguments need not survive pickling
        record.exc_info = record.exc_text = None
        self.records.append(record)


_worker_records = _Records()


def _start_worker(level: int) -> None:
    gc.disable()  # parsing makes no reference cycles (tested): reference counting frees it all, and sooner
    root = logging.getLogger()
    root.handlers = [_worker_records]
    root.setLevel(level)


def _parse_chunk(jobs: list[Job], packed: bool) -> list[tuple[Outcome, list[logging.LogRecord]]]:
    outcomes: list[tuple[Outcome, list[logging.LogRecord]]] = []
    for job in jobs:
        _worker_records.records = []
        outcome = _attempt(job)
        outcomes.append(
            (pack(outcome) if packed and not isinstance(outcome, CorpusError) else outcome, _worker_records.records)
        )
    return outcomes
