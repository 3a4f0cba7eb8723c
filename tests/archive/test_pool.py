"""Parsing in worker processes: a pool that breaks midway leaves the rest to this process."""

from __future__ import annotations

import logging
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from bot.archive import pool
from bot.archive.files import MAX_FILE_BYTES, Source


def test_a_pool_that_breaks_midway_leaves_the_rest_to_this_process(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Files parsed before the worker pool broke are kept; the others are parsed here, none twice."""
    jobs = [
        (Source.of(path), None, MAX_FILE_BYTES) for path in sorted(mixed.iterdir()) if path.suffix in (".txt", ".md")
    ]
    serial = [repr(outcome) for outcome, _ in pool.parse_files(jobs, processes=1)]

    def breaks_after_two(jobs, processes, packed):
        for job in jobs[:2]:
            yield pool._attempt(job), []
        raise BrokenProcessPool("a worker died")

    monkeypatch.setattr(pool, "_in_pool", breaks_after_two)
    with caplog.at_level(logging.WARNING, logger="bot"):
        resumed = [repr(outcome) for outcome, _ in pool.parse_files(jobs, processes=2)]
    assert resumed == serial and len(serial) > 2
    assert any("the worker pool failed (a worker died)" in r.getMessage() for r in caplog.records)
