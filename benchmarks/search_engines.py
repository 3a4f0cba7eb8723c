"""The engines benchmarks/search_bench.py compares: the bot's index (in memory, on tantivy, on memory-mapped
numpy arrays), tantivy alone, bm25s, SQLite FTS5 and a naive rapidfuzz autocomplete.

An engine builds from articles (`build(articles, folder)`); one kept on disk is then opened afresh in another
process (`open(folder, articles)`). Both give (search(query) → ids, complete(prefix) → ids or None, engine).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_WORDS = re.compile(r"[^\W_]+")


@dataclass
class Engine:
    build: Callable
    open: Callable | None = None  # set for an engine kept on disk


def _bot(index):
    ids = index.ids
    return (
        lambda q: [ids[row] for row, _ in index.rank(q, 10)],
        lambda p: [ids[row] for row in index.suggester.suggest(p, 25)],
        index,
    )


def ours(articles, folder):
    from bot.archive.load import release_freed_memory
    from bot.core.search.english import is_real_word
    from bot.core.search.index import SearchIndex, indexed_text
    from bot.core.search.postings import TokenCounter

    counter = TokenCounter(release_memory=release_freed_memory)  # as the bot's loader counts, freeing as it goes
    for article in articles:
        counter.add(indexed_text(article, []))
    index = SearchIndex(articles, counted=counter)
    release_freed_memory()
    is_real_word("news")  # as load_corpus does: the English word list loads with the index, not in a query
    return _bot(index)


def ours_disk(articles, folder):
    from bot.archive.search.disk import DiskSearch

    search = DiskSearch.build(folder, ((article, []) for article in articles), {})
    search.close()
    return None, None, search


def ours_disk_open(folder, articles):
    from bot.archive.search.disk import DiskSearch

    return _bot(DiskSearch.open(folder, {a.id: a for a in articles}).view)


def numpy_mmap(articles, folder):
    """The alternative to tantivy: the bot's numpy postings saved as arrays, memory-mapped when opened (the
    read side of an engine of our own; adding articles would still need a delta segment and merges)."""
    from bot.archive.search.files import write_snapshot

    index = ours(articles, folder)[2]
    scorer = index.scorer
    arrays = {"pointers": scorer.pointers, "rows": scorer.row_numbers, "weights": scorer.weights}
    arrays |= {"dense": scorer.dense, "dense_row": scorer.dense_row, "terms": list(scorer.term_ids)}
    write_snapshot(folder / "postings", arrays, {})
    write_snapshot(folder / "query", index.state(), {})
    return None, None, index


def numpy_mmap_open(folder, articles):
    from bot.archive.search.files import read_snapshot
    from bot.core.search.index import SearchIndex
    from bot.core.search.postings import Postings
    from bot.core.search.scorer import MemoryScorer

    arrays, _ = read_snapshot(folder / "postings")
    state, _ = read_snapshot(folder / "query")
    index = SearchIndex.from_state(state, None, {a.id: a for a in articles})
    dense_terms = np.flatnonzero(np.asarray(arrays["dense_row"]) >= 0)
    none = np.zeros(0)
    postings = Postings(
        arrays["terms"], none, none, arrays["pointers"], arrays["rows"], arrays["weights"], arrays["dense"], dense_terms
    )
    index.scorer = MemoryScorer(postings, index.rows)
    return _bot(index)


def tantivy_engine(articles, folder):
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=False)
    builder.add_text_field("body", stored=False)
    index = tantivy.Index(builder.build())
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    for a in articles:
        writer.add_document(
            tantivy.Document(id=a.id, title=a.headline, body=a.standfirst + "\n" + "\n".join(a.paragraphs))
        )
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    schema = index.schema

    def search(q: str) -> list[str]:
        words = _WORDS.findall(q.lower())
        if not words:
            return []
        query = index.parse_query(" ".join(words), ["title", "body"])
        return [searcher.doc(address)["id"][0] for _, address in searcher.search(query, 10).hits]

    def complete(p: str) -> list[str]:
        words = _WORDS.findall(p.lower())
        if not words:
            return []
        parts = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "title", w)) for w in words[:-1]]
        parts.append((tantivy.Occur.Should, tantivy.Query.regex_query(schema, "title", re.escape(words[-1]) + ".*")))
        hits = searcher.search(tantivy.Query.boolean_query(parts), 25).hits
        return [searcher.doc(address)["id"][0] for _, address in hits]

    return search, complete, index


def bm25s_engine(articles, folder):
    import bm25s

    texts = [a.headline + "\n" + a.standfirst + "\n" + "\n".join(a.paragraphs) for a in articles]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    ids = [a.id for a in articles]

    def search(q: str) -> list[str]:
        tokens = bm25s.tokenize([q], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return []
        rows, _ = retriever.retrieve(tokens, k=min(10, len(ids)), show_progress=False, n_threads=1)
        return [ids[r] for r in rows[0]]

    return search, None, retriever


def fts5_engine(articles, folder):
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body)")
    db.executemany(
        "INSERT INTO docs VALUES (?, ?, ?)",
        ((a.id, a.headline, a.standfirst + "\n" + "\n".join(a.paragraphs)) for a in articles),
    )
    db.commit()

    def search(q: str) -> list[str]:
        words = _WORDS.findall(q.lower())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        return [r[0] for r in db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (match,))]

    def complete(p: str) -> list[str]:
        words = _WORDS.findall(p.lower())
        if not words:
            return []
        match = "title : (" + " AND ".join([f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}" *']) + ")"
        return [r[0] for r in db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 25", (match,))]

    return search, complete, db


def naive_autocomplete(articles, folder):
    from rapidfuzz import fuzz, process

    titles = {a.id: a.headline for a in articles}
    return None, lambda p: [k for _, _, k in process.extract(p, titles, scorer=fuzz.WRatio, limit=25)], titles


ENGINES: dict[str, Engine] = {
    "ours": Engine(ours),
    "ours-disk": Engine(ours_disk, ours_disk_open),
    "numpy-mmap": Engine(numpy_mmap, numpy_mmap_open),
    "tantivy": Engine(tantivy_engine),
    "bm25s": Engine(bm25s_engine),
    "fts5": Engine(fts5_engine),
    "rapidfuzz-naive": Engine(naive_autocomplete),
}
BOT_ENGINES = {"ours", "ours-disk", "numpy-mmap"}  # they index Article objects: building those is not indexing


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
