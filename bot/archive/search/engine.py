"""The postings on disk: a tantivy index fed the vocabulary's own terms, changed one article at a time.

Why tantivy and not numpy arrays memory-mapped with a delta segment of our own: it already is that design
(immutable segments, memory-mapped, deletes as tombstones, incremental commits, merges in its own threads
without the GIL), and its top-k search skips the postings that cannot reach the best k (block-max WAND)
where our numpy scorer adds up every posting of every query term; benchmarks/search_bench.py shows both.

Each article is one document: `text` is its engine text (bot.core.search.changes.engine_text: canonical
terms split by spaces, the headline four times and so on, so one term query per term scores the bot's BM25F
approximation), indexed with frequencies but no positions; `row` (its row in the index's Rows, for deletes and
to map hits back through the fast field); its publication days and outlet code, so filters run inside the
query, before the best k are taken.
"""

from __future__ import annotations

import json
from pathlib import Path

import tantivy
from tantivy import Document, FieldType, Occur, Query

from bot.core.search.changes import STOPWORD
from bot.core.search.rows import Where
from bot.core.search.scorer import Groups

BULK_HEAP = 400_000_000  # the indexing budget of a bulk build, shared by its threads
WRITER_HEAP = 20_000_000  # of the writer that adds one article at a time (tantivy's floor is 15 MB a thread)


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=False, tokenizer_name="whitespace", index_option="freq")
    for name in ("row", "first_day", "last_day", "publication"):
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


class SearchEngine:
    """One tantivy index in a folder: a writer (taken on the first change; one per folder, across
    processes) and a reader whose searchers are point-in-time views."""

    def __init__(self, folder: Path, writable: bool = True) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        exists = tantivy.Index.exists(str(folder))
        self.index = tantivy.Index.open(str(folder)) if exists else tantivy.Index(_schema(), path=str(folder))
        self.index.config_reader(reload_policy="manual")  # a new view only when asked for: see `view`
        self.schema = self.index.schema
        self.writable = writable
        self._writer: tantivy.IndexWriter | None = None

    def writer(self, heap: int = WRITER_HEAP, threads: int = 1) -> tantivy.IndexWriter:
        if not self.writable:
            raise PermissionError(f"the search index in {self.folder} is open for reading only")
        if self._writer is None:
            self._writer = self.index.writer(heap_size=heap, num_threads=threads)
        return self._writer

    @property
    def writing(self) -> bool:
        """Whether this process holds the folder's writer (and its lock)."""
        return self._writer is not None

    def add(self, row: int, text: str, first_day: int, last_day: int, publication: int) -> None:
        document = Document()
        document.add_text("text", text)
        document.add_integer("row", row)
        document.add_integer("first_day", first_day)
        document.add_integer("last_day", last_day)
        document.add_integer("publication", publication)
        self.writer().add_document(document)

    def delete(self, row: int) -> None:
        self.writer().delete_documents_by_term("row", row)

    def commit(self) -> int:
        """Make the changes so far durable; their opstamp (which only grows, commit after commit)."""
        return self.writer().commit()

    def rollback(self) -> None:
        if self._writer is not None:
            self._writer.rollback()

    def finish_merges(self) -> None:
        """Wait for the merges under way (after a bulk build); the next change takes a fresh writer."""
        if self._writer is not None:
            self._writer.wait_merging_threads()  # consumes the writer
            self._writer = None

    @property
    def opstamp(self) -> int:
        """The opstamp of the last commit in the folder, whichever process made it."""
        if self._writer is not None:
            return self._writer.commit_opstamp
        return int(json.loads((self.folder / "meta.json").read_text())["opstamp"])

    def view(self) -> EngineView:
        """A searcher of the last commit: it goes on answering from that commit whatever happens next."""
        self.index.reload()
        return EngineView(self.index.searcher(), self.schema)

    def terms(self) -> list[tuple[str, int]]:
        """Every term with its document frequency, sorted (deleted documents count until a merge drops them)."""
        self.index.reload()
        found = self.index.searcher().terms_with_prefix("text", "", limit=None)
        return sorted((term, df) for term, df in found if term != STOPWORD)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.rollback()  # nothing uncommitted survives; dropping the writer frees its lock
            self._writer = None

    def size_on_disk(self) -> int:
        return sum(path.stat().st_size for path in self.folder.iterdir() if path.is_file())


class EngineView:
    """A tantivy searcher scoring the bot's query plans (a bot.core.search.scorer.Scorer)."""

    def __init__(self, searcher: tantivy.Searcher, schema: tantivy.Schema) -> None:
        self.searcher, self.schema = searcher, schema

    def _term(self, term: str) -> Query:
        return Query.term_query(self.schema, "text", term, index_option="freq")

    def _filters(self, where: Where) -> list[Query] | None:
        """The filters as queries scoring 0 (None: nothing can pass)."""
        schema, found = self.schema, []
        if where.start_day is not None:
            found.append(Query.range_query(schema, "last_day", FieldType.Integer, where.start_day, None))
        if where.end_day is not None:  # dated (first day ≥ 0) and begun by the end day
            found.append(Query.range_query(schema, "first_day", FieldType.Integer, 0, where.end_day))
        if where.publications is not None:
            if not where.publications:
                return None
            found.append(Query.term_set_query(schema, "publication", list(where.publications)))
        return [Query.boost_query(query, 0.0) for query in found]

    def top(self, groups: Groups, boosted: list[int], where: Where, limit: int) -> list[tuple[int, float]]:
        clauses = [
            (Occur.Should, self._term(term) if weight == 1.0 else Query.boost_query(self._term(term), weight))
            for group in groups
            for term, weight in group
        ]
        clauses += [
            (Occur.Should, Query.const_score_query(Query.term_query(self.schema, "row", row), 1.0)) for row in boosted
        ]
        filters = self._filters(where)
        if not clauses or filters is None:
            return []
        query = Query.boolean_query(clauses)
        if filters:
            query = Query.boolean_query([(Occur.Must, query)] + [(Occur.Must, f) for f in filters])
        hits = self.searcher.search(query, limit, count=False).hits
        rows = self.searcher.fast_field_values("row", [address for _, address in hits])
        return [(row, score) for row, (score, _) in zip(rows, hits, strict=True)]

    def rows_with_all(self, groups: Groups) -> set[int]:
        every = [
            (Occur.Must, Query.boolean_query([(Occur.Should, self._term(term)) for term, _ in group]))
            for group in groups
        ]
        query = Query.const_score_query(Query.boolean_query(every), 1.0)
        hits = self.searcher.search(query, max(1, self.searcher.num_docs), count=False).hits
        return set(self.searcher.fast_field_values("row", [address for _, address in hits]))
