"""Search benchmark: the bot's index (in memory, on disk with tantivy, on memory-mapped numpy arrays) side by
side with tantivy alone, bm25s and SQLite FTS5, and articles added live to the disk index; printed as tables.

.venv/bin/python -m benchmarks.search_bench                                    # 10k and 100k, live adds at 100k
.venv/bin/python -m benchmarks.search_bench --sizes 10000 --live 0             # a quick run
.venv/bin/python -m benchmarks.search_bench --engines ours,ours-disk,tantivy   # some engines only

Each engine runs in a fresh process on the same pickled corpus and queries (cached in benchmarks/out/search),
so its memory is measured alone. "build s" and "peak RSS growth" cover building the index from articles
already in memory (no file parsing: benchmarks/parse_speed.py measures that). An engine kept on disk is then
opened in another fresh process: "open s", and "RSS MB" is what the opened index holds after the queries
(for the others, what the built index holds). Query latencies are the medians of --passes passes, in wall
time and in the searching thread's CPU time (the machine is shared: a query pre-empted by another process
waits, which CPU time leaves out). Autocomplete inputs are typed once each (no cache hits).
"recall@10": how often the article a headline query was typed from is among the first 10, typed cleanly
(with the reader's spelling variants) and with one or two slips; "autocomplete hit@25": how often the article
whose headline was being typed is among the 25 choices. The live table is benchmarks/search_live.py's.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import pickle
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

from benchmarks import markdown_table
from benchmarks.search_engines import BOT_ENGINES, ENGINES, folder_size
from benchmarks.synth import ROOT, generate, queries

OUT = ROOT / "benchmarks" / "out" / "search"
PROCESS = psutil.Process()
_HIGH_WATER = Path("/proc/self/clear_refs")
SLOW_PASS_S = 10  # an engine whose pass takes longer (FTS5 at 100k) is timed over one pass only
HEADER = [
    "articles",
    "engine",
    "build s",
    "peak RSS growth MB",
    "open s",
    "RSS MB",
    "index MB on disk",
    "query p50 ms",
    "query p99 ms",
    "query p99 CPU ms",
    "autocomplete p50 ms",
    "autocomplete p99 ms",
    "autocomplete p99 CPU ms",
    "recall@10 clean",
    "recall@10 typos",
    "autocomplete hit@25",
]


def rss() -> int:
    gc.collect()
    return PROCESS.memory_info().rss


class PeakMemory:
    """Resident memory growth while a block runs: peak (the kernel's high-water mark, VmHWM, reset on entry;
    else the largest of samples every 5 ms) and what stays afterwards."""

    def __enter__(self) -> PeakMemory:
        self.base = self.peak = rss()
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
            status = Path("/proc/self/status").read_text()
            self.peak = next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmHWM"))
        else:
            self.running = False
            self.thread.join()
        self.peak_mb = (max(self.peak, now) - self.base) / 2**20
        self.kept_mb = (now - self.base) / 2**20


def latencies(function: Callable[[str], object], inputs: list[str], passes: int) -> tuple[float, float, float]:
    """Median and 99th-percentile wall ms per input, and 99th-percentile CPU ms; the median of the passes."""
    results = []
    began = time.perf_counter()
    while len(results) < passes and (not results or time.perf_counter() - began < SLOW_PASS_S):
        wall, cpu = [], []
        for text in inputs:
            started, used = time.perf_counter(), time.thread_time()
            function(text)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - used) * 1000)
        wall.sort()
        cpu.sort()
        at = min(len(wall) - 1, int(len(wall) * 0.99))
        results.append((statistics.median(wall), wall[at], cpu[at]))
    return tuple(statistics.median(r[i] for r in results) for i in range(3))


def measure(name: str, corpus: Path, folder: Path, phase: str, passes: int) -> dict:
    """One engine on one pickled corpus, in this (fresh) process: its build, or its opening and queries."""
    with corpus.open("rb") as handle:
        articles, workload = pickle.load(handle)
    if name in BOT_ENGINES:
        articles = [a.to_article() for a in articles]
    engine = ENGINES[name]
    figures: dict = {}
    if phase == "build":
        with PeakMemory() as memory:
            started = time.perf_counter()
            search, complete, _ = engine.build(articles, folder)
            figures["build"] = time.perf_counter() - started
        figures |= {"peak": memory.peak_mb, "kept": memory.kept_mb}
        if engine.open is not None:
            figures["disk"] = folder_size(folder) / 2**20
            return figures
    else:
        import numpy  # noqa: F401  (libraries the engines load are not the index's memory)
        import tantivy  # noqa: F401

        from bot.core.search.english import is_real_word

        is_real_word("news")  # the English word list loads with the bot, not with the index
        base = rss()
        started = time.perf_counter()
        search, complete, _ = engine.open(folder, articles)
        figures["open"] = time.perf_counter() - started
    if search:
        for text in workload["warmup"]:  # warm caches, as a running bot would be, on inputs not timed below
            search(text)
        inputs = workload["keywords"] + workload["fragments"] + [q for q, _ in workload["typos"]]
        figures["query"] = latencies(search, inputs, passes)
        for kind in ("clean", "typos"):
            figures[kind] = sum(target in search(q) for q, target in workload[kind]) / len(workload[kind])
    if complete:
        for text in workload["warmup"]:
            complete(text)
        prefixes = list(dict.fromkeys(workload["prefixes"]))  # each input typed once: no repeat is cached
        if name == "rapidfuzz-naive":
            prefixes = prefixes[:20]
        figures["complete"] = latencies(complete, [text for text, _ in prefixes], 1)  # a 2nd pass hits caches
        figures["hit"] = sum(target in complete(text) for text, target in prefixes) / len(prefixes)
    if phase == "open":
        figures["kept"] = (rss() - base) / 2**20
    return figures


def row(size: int, name: str, figures: dict) -> list[str]:
    def number(key: str, form: str = "{:.1f}") -> str:
        return form.format(figures[key]) if key in figures else "—"

    query, complete = figures.get("query"), figures.get("complete")
    cells = [f"{size:,}", name, number("build"), number("peak", "{:.0f}"), number("open", "{:.2f}")]
    cells += [number("kept", "{:.0f}"), number("disk", "{:.0f}")]
    cells += [f"{query[0]:.2f}", f"{query[1]:.2f}", f"{query[2]:.2f}"] if query else ["—"] * 3
    cells += [f"{complete[0]:.2f}", f"{complete[1]:.2f}", f"{complete[2]:.2f}"] if complete else ["—"] * 3
    return cells + [number("clean", "{:.2f}"), number("typos", "{:.2f}"), number("hit", "{:.2f}")]


def child(args: list[str]) -> dict | None:
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def cached_corpus(size: int, query_count: int) -> Path:
    """The synthetic corpus and its queries, pickled once per size and version of benchmarks/synth.py."""
    digest = hashlib.blake2b((ROOT / "benchmarks" / "synth.py").read_bytes(), digest_size=6).hexdigest()
    path = OUT / f"synth_{size}_{query_count}_{digest}.pickle"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        articles = generate(size)
        scratch = path.with_suffix(".tmp")
        scratch.write_bytes(pickle.dumps((articles, queries(articles, query_count)), pickle.HIGHEST_PROTOCOL))
        scratch.rename(path)
    return path


def run_size(size: int, names: list[str], query_count: int, passes: int) -> list[list[str]]:
    """Every engine on the same corpus and queries, each in processes of its own."""
    corpus = cached_corpus(size, query_count)
    rows = []
    for name in names:
        folder = OUT / f"{name}_{size}"
        shutil.rmtree(folder, ignore_errors=True)
        command = ["benchmarks.search_bench", f"--passes={passes}", "--measure", name, str(corpus), str(folder)]
        figures = child([*command, "build"])
        if figures is not None and ENGINES[name].open is not None:
            opened = child([*command, "open"])
            figures = None if opened is None else figures | opened
        rows.append(row(size, name, figures) if figures else [f"{size:,}", name, "failed"] + ["—"] * 13)
        print("  " + " | ".join(rows[-1]), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--engines", default="ours,ours-disk,numpy-mmap,tantivy,bm25s")
    parser.add_argument("--queries", type=int, default=100, help="typo'd headline queries (and as many keywords)")
    parser.add_argument("--passes", type=int, default=3, help="timing passes over the search queries (median shown)")
    parser.add_argument("--live", default="100000", help="sizes at which to add articles live (0: none)")
    parser.add_argument("--measure", nargs=4, metavar=("ENGINE", "CORPUS", "FOLDER", "PHASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # a child process: one engine, one corpus, one phase, its figures as JSON
        name, corpus, folder, phase = args.measure
        print(json.dumps(measure(name, Path(corpus), Path(folder), phase, args.passes)))
        return
    rows, live = [], []
    names = args.engines.split(",")
    for size in (int(s) for s in args.sizes.split(",")):
        rows += run_size(
            size, [n for n in names if not (n == "rapidfuzz-naive" and size > 100_000)], args.queries, args.passes
        )
        if str(size) in args.live.split(","):
            from benchmarks.search_live import run_live

            live.append(run_live(size, cached_corpus(size, args.queries), OUT / f"ours-disk_{size}"))
    print()
    print(markdown_table(HEADER, rows))
    if live:
        from benchmarks.search_live import HEADER as LIVE_HEADER

        print()
        print(markdown_table(LIVE_HEADER, live))


if __name__ == "__main__":
    main()
