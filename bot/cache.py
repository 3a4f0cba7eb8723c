"""Parsed and extracted articles cached in the bot's SQLite file, so a restart skips parsing."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import pickle
import sqlite3
import zlib
from pathlib import Path

from bot.core.corpus import Extracted
from bot.store import migrations

log = logging.getLogger(__name__)

CORE = Path(__file__).resolve().parent / "core"


def extractor_version() -> str:
    """A hash of the core modules' source: any change to parsing or extraction code empties the cache.

    Hashing every module (not a hand-bumped number) means nobody has to remember to bump it, and a
    pickled Article from older code is never loaded into newer classes.
    """
    digest = hashlib.blake2b(digest_size=8)
    for module in sorted(CORE.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()


def _migrate(connection: sqlite3.Connection) -> None:
    """Apply pending migrations with the same files and version counter as bot.store.Store.migrate."""
    (current,) = connection.execute("PRAGMA user_version").fetchone()
    pending = [m for m in migrations() if m[0] > current]
    if not pending:
        return
    with connection:
        connection.execute("BEGIN IMMEDIATE")
        for _, _, sql in pending:
            for statement in sql.split(";"):
                if statement.strip():
                    connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {int(pending[-1][0])}")


class CorpusCache:
    """Rows of (file name, content hash, extractor version, pickled article with its quotes and events)."""

    def __init__(self, connection: sqlite3.Connection, version: str) -> None:
        self.db = connection
        self.version = version
        self.known = {
            name: (content_hash, ver)
            for name, content_hash, ver in connection.execute(
                "SELECT file_name, content_hash, extractor_version FROM corpus_cache"
            )
        }
        self.hashes: dict[str, str] = {}
        self.pending: list[tuple[str, str, str, bytes, str]] = []
        self.hits = self.misses = 0

    @classmethod
    def open(cls, path: Path | str, version: str | None = None) -> CorpusCache:
        """Open (and migrate) the bot's database; run before the event loop starts or in a thread."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout = 5000")
        _migrate(connection)
        return cls(connection, version or extractor_version())

    def get(self, path: Path) -> Extracted | None:
        try:
            content_hash = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return None  # the loader reports the unreadable file
        self.hashes[path.name] = content_hash
        if self.known.get(path.name) != (content_hash, self.version):
            self.misses += 1
            return None
        row = self.db.execute("SELECT payload FROM corpus_cache WHERE file_name = ?", (path.name,)).fetchone()
        try:
            entry = pickle.loads(zlib.decompress(row[0]))
        except Exception:  # a damaged row is only a miss: the file is parsed again
            log.warning("corpus cache row for %s is unreadable; parsing the file again", path.name)
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, path: Path, entry: Extracted) -> None:
        content_hash = self.hashes.get(path.name)
        if content_hash is None:
            content_hash = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        payload = zlib.compress(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self.pending.append(
            (
                path.name,
                content_hash,
                self.version,
                payload,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
        )

    def finish(self, paths: list[Path]) -> None:
        """Write the new rows and forget files that left the folder, in one transaction."""
        present = {p.name for p in paths}
        gone = [(name,) for name in self.known if name not in present]
        if self.pending or gone:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany(
                    "INSERT OR REPLACE INTO corpus_cache VALUES (?, ?, ?, ?, ?)", self.pending
                )
                self.db.executemany("DELETE FROM corpus_cache WHERE file_name = ?", gone)
        for name, content_hash, version, _, _ in self.pending:
            self.known[name] = (content_hash, version)
        for (name,) in gone:
            self.known.pop(name, None)
        log.info("corpus cache: %d reused, %d parsed, %d forgotten", self.hits, len(self.pending), len(gone))
        self.pending = []

    def close(self) -> None:
        self.db.close()
