"""Parsed and extracted articles cached in the bot's SQLite file, so a restart skips parsing."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sqlite3
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bot.archive.files import Parsed, Source, digest_of
from bot.archive.pool import pack, pack_summary, unpack
from bot.core.article import Article
from bot.migrations import migrate

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent
# What decides a cached parse: the rules (all of core) and the reading of the files (their decoding).
EXTRACTOR_SOURCES = ("core/**/*.py", "archive/files.py", "archive/pool.py")  # pool: how rows are packed


def extractor_version() -> str:
    """A hash of the source of the code that parses and extracts: any change to it empties the cache.

    Hashing every module (not a hand-bumped number) means nobody has to remember to bump it, and a
    pickled Article from older code is never loaded into newer classes.
    """
    digest = hashlib.blake2b(digest_size=8)
    modules = sorted({module for pattern in EXTRACTOR_SOURCES for module in PACKAGE.glob(pattern)})
    for module in modules:
        digest.update(module.relative_to(PACKAGE).as_posix().encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()


def content_hash(source: Source, entry: dict[str, Any] | None = None) -> str | None:
    """The hash of an article file's bytes (a stored article's as the store recorded it) and of its catalog
    entry (which changes what is extracted); None when the file cannot be read."""
    if source.digest is not None:
        digest = source.digest
    elif source.path is not None:
        try:
            digest = digest_of(source.path.read_bytes())
        except OSError:
            return None  # the loader reports the unreadable file
    else:
        digest = digest_of(source.data or b"")
    if entry:
        digest = hashlib.blake2b(
            digest.encode() + b"\0catalog\0" + repr(sorted(entry.items())).encode(), digest_size=16
        ).hexdigest()
    return digest


ROWS_PER_WRITE = 500  # parsed files handed to the writer thread at a time: memory stays flat however many
RECENT_ARTICLES = 512  # whole articles a shelf keeps after reading them: a page of results reads a few


class CorpusCache:
    """Rows of (file name, content hash, extractor version, pickled parse of the file, its summary): a restart
    parses only the files that changed, and the running bot reads an article's text back from here (a shelf)."""

    def __init__(self, connection: sqlite3.Connection, version: str, path: str = ":memory:") -> None:
        self.db = connection
        self.path = path
        self.version = version
        self._recent: dict[str, Article] = {}
        self._reading = threading.Lock()
        self._read_connection: sqlite3.Connection | None = None
        self.known = {
            name: (content_hash, ver)
            for name, content_hash, ver in connection.execute(
                "SELECT file_name, content_hash, extractor_version FROM corpus_cache"
            )
        }
        self.hashes: dict[str, str | None] = {}
        self.pending: list[tuple[str, str, str, bytes, str, bytes, bytes]] = []
        self.hits = self.misses = 0
        self._writer: ThreadPoolExecutor | None = None  # one thread: writes in the order handed over
        self._last: Future[None] | None = None
        self.written = 0  # rows written by this load
        self.refused = False  # the database refused a write during this load

    @classmethod
    def open(cls, path: Path | str, version: str | None = None) -> CorpusCache:
        """Open (and migrate) the bot's database; run before the event loop starts or in a thread."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout = 5000")
        migrate(connection)
        return cls(connection, version or extractor_version(), str(path))

    def _hash_all(self, sources: list[Source], entries: list[dict[str, Any] | None]) -> None:
        self.hashes = {source.key: content_hash(source, entry) for source, entry in zip(sources, entries, strict=True)}

    def holds(self, source: Source) -> bool:
        """Whether a stored article's parse is cached (so its bytes need not be fetched), by its digest."""
        return self.known.get(source.key) == (content_hash(source), self.version)

    def begin(self, sources: list[Source], entries: list[dict[str, Any] | None]) -> None:
        """A new load of these files: once what the last one handed the writer is written, with the database
        trusted with writes again."""
        self.wait()
        self.refused = False
        self._hash_all(sources, entries)

    def get_many(self, sources: list[Source], entries: list[dict[str, Any] | None]) -> list[Parsed | None]:
        """Each file's cached parse, or None where the file, its catalog entry or the extractor changed."""
        self.wait()
        if not self.hashes:
            self._hash_all(sources, entries)
        wanted = {
            source.key
            for source in sources
            if self.known.get(source.key) == (self.hashes.get(source.key), self.version)
        }
        payloads = {}
        if wanted:  # one query: a round trip per file was a large part of a restart
            for name, payload in self.db.execute(
                "SELECT file_name, payload FROM corpus_cache WHERE extractor_version = ?", (self.version,)
            ):
                if name in wanted:
                    payloads[name] = payload
        found: list[Parsed | None] = []
        for source in sources:
            parsed = None
            if source.key in payloads:
                try:
                    parsed = unpack(payloads[source.key])
                except Exception:  # a damaged row is only a miss: the file is parsed again
                    log.warning("corpus cache row for %s is unreadable; parsing the file again", source.name)
            if parsed is None:
                self.misses += 1
            else:
                self.hits += 1
            found.append(parsed)
        return found

    def put(self, source: Source, parsed: Parsed, packed: bytes | None = None) -> None:
        """Keep a file's parse (`packed` already, when a worker packed it) for the next load. Rows are
        written in batches as they come, by the writer thread, so a large load does not hold them all."""
        file_hash = self.hashes.get(source.key) or content_hash(source)
        if file_hash is None:
            return
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        summary, later = pack_summary(parsed, source.key)
        self.pending.append((source.key, file_hash, self.version, packed or pack(parsed), now, summary, later))
        if len(self.pending) >= ROWS_PER_WRITE:
            self._submit(self._write_rows, self.pending)
            self.pending = []

    def article(self, key: str) -> Article:
        """One article as parsed (the text a shelved article fetches), from a bounded cache of those read lately;
        LookupError when the row is gone (a reload rebuilt the cache meanwhile)."""
        with self._reading:
            article = self._recent.pop(key, None)
            if article is None:
                row = self._reader().execute("SELECT payload FROM corpus_cache WHERE file_name = ?", (key,)).fetchone()
                if row is None:
                    raise LookupError(f"no cached parse of {key}")
                article = unpack(row[0]).extracted.article
            self._recent[key] = article  # the newest last; the oldest goes when the cache is full
            if len(self._recent) > RECENT_ARTICLES:
                del self._recent[next(iter(self._recent))]
            return article

    def packed_later(self) -> dict[str, bytes]:
        """Each cached article's quotations and events, packed, by key: read on a connection of its own, in the
        thread that unpacks them after the archive opens (bot/archive/warm.py)."""
        query = "SELECT file_name, later FROM corpus_cache WHERE extractor_version = ? AND later IS NOT NULL"
        if self.path == ":memory:":
            return dict(self.db.execute(query, (self.version,)))
        connection = sqlite3.connect(self.path)
        try:
            return dict(connection.execute(query, (self.version,)))
        finally:
            connection.close()

    def _reader(self) -> sqlite3.Connection:
        """A connection of the shelf's own: the writer thread has the other one."""
        if self.path == ":memory:":  # an in-memory database is one connection's alone
            return self.db
        if self._read_connection is None:
            self._read_connection = sqlite3.connect(self.path, check_same_thread=False)
        return self._read_connection

    def folder_digests(self, folder: Path, names: list[str]) -> dict[str, tuple[str | None, int | None]]:
        """Each folder file's digest and size by name: the digest kept from the last read while the size and
        modification time stand, else read (and kept for the next time). None for a file that cannot be read."""
        known = {
            name: (size, mtime, digest)
            for name, size, mtime, digest in self.db.execute(
                "SELECT file_name, size, mtime_ns, digest FROM folder_digests"
            )
        }
        digests: dict[str, tuple[str | None, int | None]] = {}
        changed = []
        base = str(folder)
        for name in names:
            try:
                info = os.stat(os.path.join(base, name))
                stamp = (info.st_size, info.st_mtime_ns)
                saved = known.get(name)
                if saved is not None and saved[:2] == stamp:
                    digests[name] = (saved[2], info.st_size)
                    continue
                digest = digest_of((folder / name).read_bytes())
                digests[name] = (digest, info.st_size)
                changed.append((name, *stamp, digest))
            except OSError:
                digests[name] = (None, None)  # read_article reports it, by name
        gone = [(name,) for name in known if name not in digests]
        if changed or gone:

            def write() -> None:
                self.db.executemany("DELETE FROM folder_digests WHERE file_name = ?", gone)
                self.db.executemany("INSERT OR REPLACE INTO folder_digests VALUES (?, ?, ?, ?)", changed)

            self._submit(self._execute, write)
        return digests

    def keep(self, source: Source, parsed: Parsed) -> None:
        """Keep one article's parse at once (an article just added to the running archive), so that the next
        start neither fetches nor parses it."""
        file_hash = content_hash(source)
        if file_hash is not None:
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            row = (source.key, file_hash, self.version, pack(parsed), now, *pack_summary(parsed, source.key))
            self._submit(self._write_rows, [row])

    def flush(self) -> None:
        """Hand the rows put so far to the writer thread (wait() waits for them)."""
        if self.pending:
            self._submit(self._write_rows, self.pending)
            self.pending = []

    def finish(self, sources: list[Source]) -> None:
        """Write the last rows and forget files that left the archive, in the writer thread (the next load and
        close() wait for it). Nothing is lost if the process dies first: that load is only cached less."""
        if self.pending:
            self._submit(self._write_rows, self.pending)
        self._submit(self._forget, {source.key for source in sources})
        self.pending, self.hashes = [], {}

    def wait(self) -> None:
        """Until everything handed to the writer thread is written (or given up)."""
        if self._last is not None:
            self._last.result()
            self._last = None

    def _submit(self, work: Any, *args: Any) -> None:
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="corpus-cache")
        self._last = self._writer.submit(work, *args)

    def _write_rows(self, rows: list[tuple[str, str, str, bytes, str, bytes, bytes]]) -> None:
        # pickled, not compressed: compressing each row delays the load more than the disk it saves is worth
        insert = (
            "INSERT OR REPLACE INTO corpus_cache "
            "(file_name, content_hash, extractor_version, payload, cached_at, summary, later) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        if self._execute(lambda: self.db.executemany(insert, rows)):
            for name, file_hash, version, *_ in rows:
                self.known[name] = (file_hash, version)
            self.written += len(rows)

    def _forget(self, present: set[str]) -> None:
        gone = [(name,) for name in self.known if name not in present]  # here: this thread updates `known`
        if gone and self._execute(lambda: self.db.executemany("DELETE FROM corpus_cache WHERE file_name = ?", gone)):
            for (name,) in gone:
                self.known.pop(name, None)
        log.info("corpus cache: %d reused, %d parsed, %d forgotten", self.hits, self.written, len(gone))
        self.written = 0

    def _execute(self, statements: Any) -> bool:
        """Run statements in one transaction; False (logged once per load) when the database refuses."""
        if self.refused:
            return False
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                statements()
        except sqlite3.Error as error:  # locked or read-only: the corpus still loads, only uncached
            log.warning("corpus cache not saved (%s); the next load parses these files again", error)
            self.refused = True
            return False
        return True

    def close(self) -> None:
        self.wait()
        if self._read_connection is not None:
            self._read_connection.close()
            self._read_connection = None  # a shelved article read later opens the file again
        if self._writer is not None:
            self._writer.shutdown()
        self.db.close()
