"""A search index in a folder that changes one article at a time and opens in a fraction of a second.

    folder/engine/      tantivy's segments: the postings (bot/archive/search/engine.py)
    folder/base-<g>/    the query side (vocabulary, headlines, rows) as last saved whole (files.py)
    folder/log-<g>      the changes since, one record per commit

A commit writes its log record, then commits the engine; opening reads the newest snapshot and replays the
records the engine committed. Every CHECKPOINT records the query side is compacted and saved whole again.
One process writes (tantivy's lock); others may open the folder to read and `refresh` to follow it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.archive.search.engine import BULK_HEAP, SearchEngine
from bot.archive.search.files import ChangeLog, read_snapshot, write_snapshot
from bot.core.search.changes import Change, engine_text
from bot.core.search.index import SearchIndex, indexed_text
from bot.core.search.rows import RowEntry, Rows, publication_span
from bot.core.search.suggest import HeadlineSuggester
from bot.core.search.vocabulary import Vocabulary

if TYPE_CHECKING:
    from bot.core.article import Article

CHECKPOINT = 1000  # log records before the query side is saved whole again (about a second at 100,000)
_BASE = re.compile(r"base-(\d+)")


class DiskSearch:
    """The writer (or a reader) of one index folder, and its newest view (`view`: a SearchIndex).

    Views are point-in-time: one taken before a commit answers as before it, whatever follows."""

    def __init__(self, folder: Path, engine: SearchEngine, articles: Mapping[str, Article]) -> None:
        self.folder, self.engine = folder, engine
        self.generation = 0
        self.log = ChangeLog(folder / "log-0")
        self.offset = 0  # how far the log has been read
        self.view = _empty(engine, articles)
        self._added: list[tuple[Article, list[str]]] = []
        self._removed: list[str] = []

    # ---- opening -------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path, articles: Mapping[str, Article], writable: bool = True) -> DiskSearch:
        """The index in `folder` (an empty one when there is none yet). `articles`: the articles its views
        show passages of, by id (any mapping: it may load them on demand)."""
        folder.mkdir(parents=True, exist_ok=True)
        saved = bool(cls._generations_in(folder))
        if not saved and writable:  # what a build left before its first snapshot is no index yet
            shutil.rmtree(folder / "engine", ignore_errors=True)
        search = cls(folder, SearchEngine(folder / "engine", writable), articles)
        if saved:
            search._load(articles)
        elif writable:
            search._checkpoint()
        return search

    @classmethod
    def build(
        cls, folder: Path, entries: Iterable[tuple[Article, list[str] | str]], articles: Mapping[str, Article]
    ) -> DiskSearch:
        """Index (article, speakers) pairs in bulk into `folder`, replacing whatever index it held: far
        faster than adding them one at a time (a cold start). Instead of the speakers, a pair may hold the
        article's engine text already, engine_text(indexed_text(article, speakers)), worked out in a parsing
        worker: that is most of the build's time in this process."""
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        engine = SearchEngine(folder / "engine")
        engine.writer(BULK_HEAP, threads=2)
        rows: list[RowEntry] = []
        names: list[str] = []  # publications in order of appearance, as Rows numbers them
        empty = Rows.of([])
        for row, (article, speakers) in enumerate(entries):
            entry = RowEntry(article.id, article.headline, article.publication, *publication_span(article))
            code = empty.codes([entry.publication], names)[0]
            text = speakers if isinstance(speakers, str) else engine_text(indexed_text(article, speakers))
            engine.add(row, text, entry.first_day, entry.last_day, code)
            rows.append(entry)
        engine.commit()
        engine.finish_merges()
        search = cls(folder, engine, articles)
        terms = engine.terms()
        vocabulary = Vocabulary([t for t, _ in terms], [df for _, df in terms], len(rows))
        table = Rows.of([]).added(rows)
        suggester = HeadlineSuggester(table.headlines, table.keys, table.newest, vocabulary)
        state = {"rows": table.state(), "vocabulary": vocabulary.state(), "headlines": suggester.parts[0].state()}
        search.view = SearchIndex.from_state(state, engine.view(), articles)
        search._checkpoint()
        return search

    @staticmethod
    def _generations_in(folder: Path) -> list[int]:
        return sorted(int(m.group(1)) for p in folder.iterdir() if (m := _BASE.fullmatch(p.name)))

    def _generations(self) -> list[int]:
        return self._generations_in(self.folder)

    def _load(self, articles: Mapping[str, Article]) -> None:
        for attempt in range(3):  # the writer may replace the snapshot while it is read
            generation = self._generations()[-1]
            try:
                state, _ = read_snapshot(self.folder / f"base-{generation}")
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise
        self.generation, self.log, self.offset = generation, ChangeLog(self.folder / f"log-{generation}"), 0
        self.view = SearchIndex.from_state(state, self.engine.view(), articles)
        self._replay(articles)
        if self.engine.writable:
            if self.log.path.exists():
                self.log.truncate_to(self.offset)  # a record whose commit never happened
            if self.log.records >= CHECKPOINT:
                self._checkpoint()

    def _replay(self, articles: Mapping[str, Article] | None = None) -> None:
        """Apply the log records the engine has committed since `offset`, as one change."""
        scorer = self.engine.view()  # first: the opstamp read next is of this commit or a later one
        records, self.offset = self.log.read(self.offset, self.engine.opstamp)
        changes = [Change.from_record(record) for record in records]
        if not changes:
            return
        merged = Change(changes[0].first_row)
        for change in changes:
            merged.added += change.added
            merged.removed += change.removed
            merged.removed_terms += change.removed_terms
        self.view = self.view.applied(merged, scorer, articles if articles is not None else self.view.articles)

    def refresh(self, articles: Mapping[str, Article] | None = None) -> SearchIndex:
        """The newest view, with what another process committed since (for a reader)."""
        generations = self._generations()
        if generations and generations[-1] != self.generation:
            self._load(articles if articles is not None else self.view.articles)
        else:
            self._replay(articles)
        return self.view

    def reading(self, view: SearchIndex) -> None:
        """Go on from `view`, this index's view reading its articles elsewhere (shelved): the parses the index
        was built from are let go."""
        self.view = view

    # ---- changes -------------------------------------------------------------------------------------------
    def add(self, entries: Sequence[tuple[Article, list[str]]]) -> None:
        """Articles (with the speakers of their quotes) to add at the next commit."""
        self._added.extend(entries)

    def remove(self, article_ids: Iterable[str]) -> None:
        """Articles to remove at the next commit (ids the index does not hold are left alone)."""
        self._removed.extend(article_ids)

    def commit(self, articles: Mapping[str, Article] | None = None) -> SearchIndex:
        """Apply the additions and removals so far: the new view, searchable at once. `articles`: its
        articles by id (by default the last view's, with these added and removed)."""
        if not self._added and not self._removed:
            return self.view
        if not self.engine.writing:  # the lock is taken here: first catch up with whoever held it before
            try:
                self.engine.writer()
            except BaseException:
                self._added, self._removed = [], []
                raise
            self.refresh(articles)
        change = self.view.prepare(self._added, self._removed)
        if not change.added and not change.removed:
            self._added, self._removed = [], []
            return self.view
        codes = self.view.rows.codes([entry.publication for entry in change.added])
        offset = self.log.append(change.record(), self.engine.opstamp)
        try:
            for row in change.removed:
                self.engine.delete(row)
            for row, text, entry, code in zip(change.rows, change.texts, change.added, codes, strict=True):
                self.engine.add(row, text, entry.first_day, entry.last_day, code)
            self.engine.commit()
        except BaseException:
            self.engine.rollback()
            self.log.truncate_to(offset)
            self.log.records -= 1
            raise
        finally:
            self._added, self._removed = [], []
        self.offset = self.log.path.stat().st_size
        self.view = self.view.applied(change, self.engine.view(), articles)
        if self.log.records >= CHECKPOINT:
            self._checkpoint()
        return self.view

    def _checkpoint(self) -> None:
        """Save the query side whole as the next generation, with an empty log; drop the previous one."""
        view = self.view.compacted()
        generation = self.generation + 1
        meta = {"opstamp": self.engine.opstamp, "rows": len(view.rows)}
        write_snapshot(self.folder / f"base-{generation}", view.state(), meta)
        old = self.generation
        self.view, self.generation = view, generation
        self.log, self.offset = ChangeLog(self.folder / f"log-{generation}"), 0
        shutil.rmtree(self.folder / f"base-{old}", ignore_errors=True)
        (self.folder / f"log-{old}").unlink(missing_ok=True)

    def close(self) -> None:
        """Let go of the writer (its lock) and anything not committed."""
        self.engine.close()

    def size_on_disk(self) -> int:
        return sum(path.stat().st_size for path in self.folder.rglob("*") if path.is_file())


def _empty(engine: SearchEngine, articles: Mapping[str, Article]) -> SearchIndex:
    rows = Rows.of([])
    vocabulary = Vocabulary([], [], 0)
    state = {"rows": rows.state(), "vocabulary": vocabulary.state()}
    state["headlines"] = HeadlineSuggester([], [], [], vocabulary).parts[0].state()
    return SearchIndex.from_state(state, engine.view(), articles)
