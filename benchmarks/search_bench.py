"""Search benchmark: the bot's index side by side with tantivy, bm25s and SQLite FTS5, printed as one table.

.venv/bin/python -m benchmarks.search_bench                      # 1k, 10k and 100k articles (~7 min)
.venv/bin/python -m benchmarks.search_bench --sizes 1000,10000   # a quick run

Each engine runs in a fresh process on the same pickled corpus and queries, so its memory is measured alone.
"index build s" and "RSS" cover building the index from articles already in memory (no file parsing, no
sentence splitting or quote extraction: benchmarks/parse_speed.py measures those); "peak RSS" is the growth of the
kernel's resident-memory high-water mark during the build, "kept RSS" what the built index still holds.
Query latencies are the medians of --passes passes; autocomplete inputs are typed once each (no cache hits).
"autocomplete hit@25": how often the article whose headline was being typed is among the 25 choices.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

from benchmarks import markdown_table
from benchmarks.synth import ROOT, generate, queries

_WORDS = re.compile(r"[^\W_]+")
PROCESS = psutil.Process()
_HIGH_WATER = Path("/proc/self/clear_refs")


def _status_bytes(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    return int(match.group(1)) * 1024 if match else PROCESS.memory_info().rss


class PeakMemory:
    """Resident memory growth while a block runs: peak and what stays afterwards.

    The peak is the kernel's high-water mark (VmHWM, reset on entry); where that is unavailable, the
    largest of samples taken every 5 ms.
    """

    def __enter__(self) -> PeakMemory:
        gc.collect()
        self.base = self.peak = PROCESS.memory_info().rss
        try:
            _HIGH_WATER.write_text("5")  # reset VmHWM to the current RSS
            self.thread = None
        except OSError:
            self.running = True
            self.thread = threading.Thread(target=self._sample, daemon=True)
            self.thread.start()
        return self

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, PROCESS.memory_info().rss)
            time.sleep(0.005)

    def __exit__(self, *exc: object) -> None:
        now = PROCESS.memory_info().rss
        if self.thread is None:
            self.peak = _status_bytes("VmHWM")
        else:
            self.running = False
            self.thread.join()
        self.peak_mb = (max(self.peak, now) - self.base) / 2**20
        self.kept_mb = (now - self.base) / 2**20


# ---- engines: build(articles) → (search(query) → ids, complete(prefix) → ids or None, engine) ---------
def ours(articles):
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
    ids = index.ids
    return (
        lambda q: [ids[row] for row, _ in index.rank(q, 10)],
        lambda p: [ids[row] for row in index.suggester.suggest(p, 25)],
        index,
    )


def tantivy_engine(articles):
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


def bm25s_engine(articles):
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


def fts5_engine(articles):
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


def naive_autocomplete(articles):
    from rapidfuzz import fuzz, process

    titles = {a.id: a.headline for a in articles}
    return None, lambda p: [k for _, _, k in process.extract(p, titles, scorer=fuzz.WRatio, limit=25)], titles


ENGINES: dict[str, Callable] = {
    "ours": ours,
    "tantivy": tantivy_engine,
    "bm25s": bm25s_engine,
    "fts5": fts5_engine,
    "rapidfuzz-naive": naive_autocomplete,
}
SLOW_PASS_S = 10  # an engine whose pass takes longer (FTS5 at 100k) is timed over one pass only
HEADER = [
    "articles",
    "engine",
    "index build s",
    "peak RSS growth MB",
    "kept RSS MB",
    "query p50 ms",
    "query p99 ms",
    "autocomplete p50 ms",
    "autocomplete p99 ms",
    "recall@10 clean",
    "recall@10 typos",
    "autocomplete hit@25",
]


def _latencies(function: Callable[[str], list[str]], inputs: list[str], passes: int) -> tuple[float, float]:
    """Median and 99th-percentile ms per input; with several passes over the inputs, the median of each."""
    results = []
    began = time.perf_counter()
    while len(results) < passes and (not results or time.perf_counter() - began < SLOW_PASS_S):
        timings = []
        for text in inputs:
            started = time.perf_counter()
            function(text)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results.append((statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))]))
    return statistics.median(p50 for p50, _ in results), statistics.median(p99 for _, p99 in results)


def measure(name: str, corpus: Path, passes: int) -> list[str]:
    """One engine on one pickled corpus, in this (fresh) process: a row of the table."""
    with corpus.open("rb") as handle:
        articles, workload = pickle.load(handle)
    size = len(articles)
    if name == "ours":  # the bot indexes Article objects; building them is not indexing
        articles = [a.to_article() for a in articles]
    with PeakMemory() as memory:
        started = time.perf_counter()
        search, complete, engine = ENGINES[name](articles)
        build = time.perf_counter() - started
    row = [f"{size:,}", name, f"{build:.1f}", f"{memory.peak_mb:.0f}", f"{memory.kept_mb:.0f}"]
    dash = ["—", "—"]
    if search:
        for text in workload["warmup"]:  # warm caches, as a running bot would be, on inputs not timed below
            search(text)
        inputs = workload["keywords"] + workload["fragments"] + [q for q, _ in workload["typos"]]
        p50, p99 = _latencies(search, inputs, passes)
        found = sum(target in search(q) for q, target in workload["typos"]) / len(workload["typos"])
        clean = sum(target in search(q) for q, target in workload["clean"]) / len(workload["clean"])
    if complete:
        for text in workload["warmup"]:
            complete(text)
        prefixes = list(dict.fromkeys(workload["prefixes"]))  # each input typed once: no repeat is cached
        if name == "rapidfuzz-naive":
            prefixes = prefixes[:20]
        c50, c99 = _latencies(complete, [text for text, _ in prefixes], 1)  # a second pass could hit caches
        hit = sum(target in complete(text) for text, target in prefixes) / len(prefixes)
    row += [f"{p50:.2f}", f"{p99:.2f}"] if search else dash
    row += [f"{c50:.2f}", f"{c99:.2f}"] if complete else dash
    row += [f"{clean:.2f}", f"{found:.2f}"] if search else dash
    row += [f"{hit:.2f}" if complete else "—"]
    return row


def run_size(size: int, names: list[str], query_count: int, passes: int) -> list[list[str]]:
    """Every engine on the same corpus and queries, each in a process of its own."""
    articles = generate(size)
    workload = queries(articles, query_count)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / f"synth_{size}.pickle"
        with corpus.open("wb") as handle:
            pickle.dump((articles, workload), handle, protocol=pickle.HIGHEST_PROTOCOL)
        del articles
        for name in names:
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.search_bench", f"--passes={passes}", "--measure", name, str(corpus)],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if done.returncode:
                print(done.stderr[-2000:], file=sys.stderr)
                row = [f"{size:,}", name, "failed"] + ["—"] * (len(HEADER) - 3)
            else:
                row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print("  " + " | ".join(row), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--queries", type=int, default=100, help="typo'd headline queries (and as many keywords)")
    parser.add_argument("--passes", type=int, default=3, help="timing passes over the search queries (median shown)")
    parser.add_argument("--measure", nargs=2, metavar=("ENGINE", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # a child process: one engine, one corpus, one row as JSON
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]), args.passes)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        names = [n for n in args.engines.split(",") if not (n == "rapidfuzz-naive" and size > 100_000)]
        rows += run_size(size, names, args.queries, args.passes)
    print()
    print(markdown_table(HEADER, rows))


if __name__ == "__main__":
    main()
