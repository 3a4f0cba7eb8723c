"""Start-up work per article counted in instructions (valgrind's cachegrind): the same on a busy machine.

.venv/bin/python -m benchmarks.parse_instructions               # 200 synthetic articles
.venv/bin/python -m benchmarks.parse_instructions --articles 50 # quicker

Seconds on a shared 2-core machine vary by 15% from one run to the next; instructions do not, so this is
the table to compare two versions of the parsing code with. Each row is one run under cachegrind (about
20 s for 200 articles) less the run it builds on; the runs go two at a time.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks import markdown_table
from benchmarks.synth import generate, write_files

ROOT = Path(__file__).resolve().parent.parent
# (row, what the run does, the run it is measured against)
ROWS = [
    ("read + parse + split sentences", "read", "imports"),
    ("quotations", "read,quotes", "read"),
    ("dates (events)", "read,events", "read"),
    ("review facts", "read,facts", "read"),
    ("all of parse_file, as a worker runs it", "parse", "imports"),
    ("pickling it there and unpickling it here", "parse,pickle", "parse"),
]


def _child(folder: Path, steps: set[str]) -> None:
    """The work one counted run does: the imports always, then the steps asked for."""
    from bot.archive.files import Source, parse_source, read_article
    from bot.archive.intake.sandbox import warm_up
    from bot.core.dates.events import extract_events
    from bot.core.quotes.quotations import extract_quotes
    from bot.core.reading.review import review_facts

    warm_up()  # patterns compiled on first use are part of starting, not of each article
    gc.disable()  # as in the workers
    paths = sorted(folder.iterdir())
    articles = [read_article(path) for path in paths] if "read" in steps else []
    for step, work in (("quotes", extract_quotes), ("events", extract_events), ("facts", review_facts)):
        if step in steps:
            for article in articles:
                work(article)
    if "parse" in steps:
        parsed = [parse_source(Source.of(path), None) for path in paths]
        if "pickle" in steps:
            pickle.loads(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))


def _count(folder: Path, steps: str) -> int:
    """Instructions of one run of _child under cachegrind."""
    args = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "benchmarks.parse_instructions",
        "--child",
        str(folder),
        steps,
    ]
    report = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True).stderr
    found = re.search(r"I\s+refs:\s+([\d,]+)", report)
    if not found:
        raise RuntimeError(f"no instruction count in valgrind's report:\n{report[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)  # folder steps: one counted run
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), set(args.child[1].split(",")))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    runs = sorted({run for _, steps, base in ROWS for run in (steps, base)})
    with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(2) as pool:
        folder = Path(scratch) / "corpus"
        write_files(generate(args.articles, seed=99), folder)
        counts = dict(zip(runs, pool.map(lambda steps: _count(folder, steps), runs), strict=True))
    table = [[name, f"{(counts[steps] - counts[base]) / args.articles / 1e6:.2f}"] for name, steps, base in ROWS]
    print(markdown_table([f"stage ({args.articles} synthetic articles)", "M instructions per article"], table))


if __name__ == "__main__":
    main()
