"""Start-up benchmark: cold and warm corpus loads of synthetic article files, and where the time goes.

.venv/bin/python -m benchmarks.parse_speed                          # 1k and 10k articles, 3 runs each
.venv/bin/python -m benchmarks.parse_speed --sizes 1000 --repeat 1  # a quick run

Each cold start (no cache: parse, extract quotes and events, review, index) and each warm restart (from the
SQLite cache a previous load filled) runs in a fresh process, as the bot starts; the table shows medians.
A cold load with the cache on (a new database each time) is ready (answers) before the cache is written:
both medians are shown.
The stage table times the same work step by step, serially, in this process (CPU ms per article).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import markdown_table
from benchmarks.synth import generate, write_files

ROOT = Path(__file__).resolve().parent.parent


def _load_once(folder: Path, database: str | None) -> dict[str, float]:
    """One timed load_corpus in this process (the child side of `_timed_load`)."""
    from bot.archive.cache import CorpusCache
    from bot.archive.load import load_corpus

    started, cpu_before = time.perf_counter(), _cpu_seconds()
    cache = CorpusCache.open(database) if database else None
    corpus = load_corpus(folder, cache)
    seconds = time.perf_counter() - started  # the corpus answers from here on
    if cache:
        cache.close()  # waits for the cache to be written, which goes on in a thread after the load
    written = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    return {"seconds": seconds, "written": written, "cpu": cpu, "articles": len(corpus.articles)}


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes: what a loaded machine cannot hide."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _timed_load(folder: Path, database: Path | None) -> dict[str, float]:
    """Wall and CPU seconds of one load in a fresh interpreter (imports excluded: the bot has them already)."""
    args = [sys.executable, "-m", "benchmarks.parse_speed", "--child", str(folder)]
    if database:
        args.append(str(database))
    output = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(output.splitlines()[-1])


def cold_and_warm(size: int, repeat: int) -> list[str]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        write_files(generate(size, seed=99), folder)
        cold, filled = [], []
        for run in range(repeat):  # alternately, so that both kinds of cold load meet the same machine
            cold.append(_timed_load(folder, None))
            database = Path(scratch) / f"bot{run}.sqlite3"
            filled.append(_timed_load(folder, database))  # a cold load that also writes a new cache
        warm = [_timed_load(folder, database) for _ in range(repeat)]
    cold_s, warm_s = (statistics.median(run["seconds"] for run in runs) for runs in (cold, warm))
    cold_cpu, warm_cpu = (statistics.median(run["cpu"] for run in runs) for runs in (cold, warm))
    ready, written = (statistics.median(run[key] for run in filled) for key in ("seconds", "written"))
    return [
        f"{size:,}",
        f"{cold_s:.2f}",
        f"{cold_cpu:.1f}",
        f"{ready:.2f} / {written:.2f}",
        f"{warm_s:.2f}",
        f"{warm_cpu:.2f}",
        f"{cold_s / warm_s:.1f}×",
        " ".join(f"{run['seconds']:.1f}" for run in cold),
        " ".join(f"{run['seconds']:.2f}" for run in warm),
    ]


def stages(size: int) -> list[list[str]]:
    """CPU ms per article of each start-up step, run serially in this process."""
    from bot.archive.cache import CorpusCache
    from bot.archive.files import Parsed, read_article
    from bot.core.corpus import Corpus
    from bot.core.dates.events import extract_events
    from bot.core.extraction import Extracted
    from bot.core.quotes.quotations import extract_quotes
    from bot.core.reading.review import review_corpus, review_facts

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        write_files(generate(size, seed=99), folder)
        paths = sorted(folder.iterdir())
        no_catalog = [None] * len(paths)
        timings: dict[str, float] = {}

        def step(name: str, work):
            started = time.process_time()
            result = work()
            timings[name] = time.process_time() - started
            return result

        articles = step("read + parse + split sentences", lambda: [read_article(p) for p in paths])
        quotes = step("quotations", lambda: [extract_quotes(a) for a in articles])
        events = step("dates (events)", lambda: [extract_events(a) for a in articles])
        facts = step("review facts (per article)", lambda: [review_facts(a) for a in articles])
        step("review_corpus (from facts)", lambda: review_corpus(articles, facts))
        entries = [Extracted(*entry) for entry in zip(articles, quotes, events, strict=True)]
        corpus = step("index (Corpus.from_extracted)", lambda: Corpus.from_extracted(entries))
        database = Path(scratch) / "bot.sqlite3"

        def fill() -> None:
            cache = CorpusCache.open(database)
            cache.saved_corpus(folder, paths, no_catalog, [])
            for path, entry, fact in zip(paths, entries, facts, strict=True):
                cache.put(path, Parsed(entry, fact))
            cache.finish(paths, corpus)
            cache.close()

        step("cache fill (hash, serialize, write rows + whole corpus)", fill)
        cache = CorpusCache.open(database)
        step("cache read, file by file (hash, one SELECT, unpickle)", lambda: cache.get_many(paths, no_catalog))
        step(
            "cache read, whole corpus (hash, one row, unpickle)",
            lambda: cache.saved_corpus(folder, paths, no_catalog, []),
        )
        cache.close()
    return [[name, f"{seconds:.2f}", f"{seconds / size * 1000:.2f}"] for name, seconds in timings.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3, help="cold and warm loads per size (median shown)")
    parser.add_argument("--stages", type=int, default=1000, help="articles for the stage table; 0 skips")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)  # folder [database]: one timed load
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_load_once(Path(args.child[0]), args.child[1] if len(args.child) > 1 else None)))
        return
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs")
    rows = [cold_and_warm(int(size), args.repeat) for size in args.sizes.split(",") if size]
    header = [
        "article files",
        "cold s (median)",
        "cold CPU s",
        "cold, cache on: ready / written s (medians)",
        "warm s (median)",
        "warm CPU s",
        "speed-up",
        "cold runs s",
        "warm runs s",
    ]
    print(markdown_table(header, rows))
    if args.stages:
        print()
        print(markdown_table([f"stage ({args.stages:,} articles, serial)", "CPU s", "ms/article"], stages(args.stages)))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
