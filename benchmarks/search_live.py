"""Articles added live to the bot's disk index while a thread searches: how soon each is searchable, how long
searches wait meanwhile, and memory before and after (run by benchmarks/search_bench.py, or alone:

.venv/bin/python -m benchmarks.search_live 100000      # the corpus and index search_bench left in benchmarks/out

The index search_bench built is copied, opened in a fresh process ("open s": the query side's part of a
warm start), and one article is added and committed ("one add searchable ms": until a search finds it).
Then --adds articles arrive one every --interval s (each added and committed alone) while another thread
searches without pause; its latencies are compared with the same thread searching with no adds. "RSS" is the
growth over the process with the corpus loaded (articles, imports). "checkpoint s": saving the query side
whole again, which a commit does every CHECKPOINT changes (the thread searching on meanwhile).
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import statistics
import subprocess
import sys
import threading
import time
from itertools import cycle
from pathlib import Path

import psutil

from benchmarks.synth import ROOT, generate

HEADER = [
    "articles",
    "open s",
    "RSS after open MB",
    "one add searchable ms",
    "adds",
    "add+commit p50 ms",
    "add+commit max ms",
    "search p50/p99/max ms, no adds",
    "search p50/p99/max ms, during adds",
    "RSS after adds MB",
    "checkpoint s (search max ms meanwhile)",
    "RSS after checkpoint MB",
]


def _rss(process: psutil.Process) -> float:
    return process.memory_info().rss / 2**20


def _searching(view_of, inputs: list[str], stop: threading.Event, timings: list[tuple[float, float]]) -> None:
    """Search the newest view without pause until `stop`: (when it began, ms) of each search."""
    for text in cycle(inputs):
        if stop.is_set():
            return
        view = view_of()
        started = time.perf_counter()
        view.rank(text, 10)
        timings.append((started, (time.perf_counter() - started) * 1000))


def _between(timings: list[tuple[float, float]], start: float, end: float) -> list[float]:
    return [ms for began, ms in timings if start <= began < end]


def _spread(timings: list[float]) -> str:
    timings = sorted(timings)
    return f"{statistics.median(timings):.2f} / {timings[int(len(timings) * 0.99)]:.2f} / {timings[-1]:.1f}"


def live(corpus: Path, built: Path, adds: int, interval: float) -> dict:
    """The figures of one run, in this (fresh) process."""
    from bot.archive.search.disk import DiskSearch
    from bot.core.search.english import is_real_word

    with corpus.open("rb") as handle:
        synthetic, workload = pickle.load(handle)
    articles = {a.id: a for a in (s.to_article() for s in synthetic)}
    fresh = [s.to_article() for s in generate(adds + 1, seed=99)]
    for number, article in enumerate(fresh):
        article.id = f"live_{number:04d}"
    is_real_word("news")
    folder = built.with_name(built.name + "_live")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(built, folder)
    process = psutil.Process()
    base = _rss(process)
    started = time.perf_counter()
    search = DiskSearch.open(folder, articles)
    figures: dict = {"open": time.perf_counter() - started}
    inputs = workload["keywords"] + workload["fragments"] + [q for q, _ in workload["typos"]]
    for text in workload["warmup"]:
        search.view.rank(text, 10)
    figures["rss_open"] = _rss(process) - base
    started = time.perf_counter()
    search.add([(fresh[0], [])])
    articles[fresh[0].id] = fresh[0]  # the articles the views show passages of, kept by the caller (the bot)
    view = search.commit(articles)
    figures["searchable"] = (time.perf_counter() - started) * 1000
    assert view.ids[view.rank(fresh[0].headline, 1)[0][0]] == fresh[0].id
    stop, timings = threading.Event(), []
    thread = threading.Thread(target=_searching, args=(lambda: search.view, inputs, stop, timings))
    thread.start()
    quiet = time.perf_counter()
    time.sleep(5)
    adding, commits = time.perf_counter(), []
    for article in fresh[1:]:
        started = time.perf_counter()
        search.add([(article, [])])
        articles[article.id] = article
        search.commit(articles)
        commits.append((time.perf_counter() - started) * 1000)
        time.sleep(max(0.0, interval - commits[-1] / 1000))
    figures["rss_after"] = _rss(process) - base
    checkpoint = time.perf_counter()
    search._checkpoint()
    done = time.perf_counter()
    figures["rss_checkpoint"] = _rss(process) - base
    stop.set()
    thread.join()
    found = sum(search.view.ids[search.view.rank(a.headline, 1)[0][0]] == a.id for a in fresh[1:])
    figures["adds"] = f"{adds} ({found} found)"
    figures |= {"commit_p50": statistics.median(commits), "commit_max": max(commits)}
    figures |= {
        "quiet": _spread(_between(timings, quiet, adding)),
        "during": _spread(_between(timings, adding, checkpoint)),
    }
    figures |= {"checkpoint": done - checkpoint, "checkpoint_max": max(_between(timings, checkpoint, done), default=0)}
    search.close()
    shutil.rmtree(folder, ignore_errors=True)
    return figures


def run_live(size: int, corpus: Path, built: Path, adds: int = 200, interval: float = 0.05) -> list[str]:
    """The live table's row for one size, measured in a fresh process (the index built first if need be)."""
    if not built.exists():
        build = ["benchmarks.search_bench", "--measure", "ours-disk", str(corpus), str(built), "build"]
        subprocess.run([sys.executable, "-m", *build], cwd=ROOT, check=True, capture_output=True)
    command = ["benchmarks.search_live", str(size), f"--adds={adds}", f"--interval={interval}", "--json"]
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        print(done.stderr[-2000:], file=sys.stderr)
        return [f"{size:,}", "failed"] + ["—"] * (len(HEADER) - 2)
    f = json.loads(done.stdout.strip().splitlines()[-1])
    cells = [f"{size:,}", f"{f['open']:.2f}", f"{f['rss_open']:.0f}", f"{f['searchable']:.0f}", f["adds"]]
    cells += [f"{f['commit_p50']:.0f}", f"{f['commit_max']:.0f}", f["quiet"], f["during"]]
    row = cells + [f"{f['rss_after']:.0f}", f"{f['checkpoint']:.2f} ({f['checkpoint_max']:.0f})"]
    row.append(f"{f['rss_checkpoint']:.0f}")
    print("  live: " + " | ".join(row), flush=True)
    return row


def main() -> None:
    from benchmarks import markdown_table
    from benchmarks.search_bench import OUT, cached_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--interval", type=float, default=0.05, help="seconds between two adds")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a child: the figures as JSON
    args = parser.parse_args()
    corpus, built = cached_corpus(args.size, args.queries), OUT / f"ours-disk_{args.size}"
    if args.json:
        print(json.dumps(live(corpus, built, args.adds, args.interval)))
    else:
        print(markdown_table(HEADER, [run_live(args.size, corpus, built, args.adds, args.interval)]))


if __name__ == "__main__":
    main()
