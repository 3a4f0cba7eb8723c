"""What a SQLite fault means in words, and moving a corrupt file (and its side files) aside."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

# What went wrong with the database, by SQLite's primary result code, in words for the log.
_PROBLEMS = {
    sqlite3.SQLITE_BUSY: "locked by another process",
    sqlite3.SQLITE_LOCKED: "locked by another process",
    sqlite3.SQLITE_READONLY: "read-only",
    sqlite3.SQLITE_CORRUPT: "corrupt",
    sqlite3.SQLITE_NOTADB: "corrupt",
}
IN_MEMORY = "keeping state in memory for this run only"
_COMPANIONS = ("-journal", "-wal", "-shm")  # SQLite's side files, which belong to the main file


def problem_of(error: BaseException) -> str:
    """A database error in words: 'locked by another process', 'read-only', 'corrupt' or 'unusable'."""
    code = getattr(error, "sqlite_errorcode", None)
    return _PROBLEMS.get(code & 0xFF, "unusable") if isinstance(code, int) else "unusable"


def move_aside(path: Path) -> Path:
    """Rename a bad database (and its side files) to `<name>.corrupt-<timestamp>`, never over another file."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_COMPANIONS)):
        number += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    for suffix in _COMPANIONS:
        if Path(f"{path}{suffix}").exists():
            Path(f"{path}{suffix}").rename(f"{target}{suffix}")
    path.rename(target)
    return target
