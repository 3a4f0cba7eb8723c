"""Web-page fields on a labelled set: the bot vs trafilatura and htmldate alone, per field, plus body F1.

.venv/bin/python -m benchmarks.page_fields FOLDER [--limit N] [--misses date] [--all-types]

FOLDER is one of the labelled sets these tools are measured on, recognised by what it holds:
  - WCXB (ground-truth/*.json beside html/*.html.gz): title, author, publish_date and main_content per page;
    its article pages by default (--all-types: every page type);
  - htmldate's tests (eval_default.json beside cache/): the publication day;
  - trafilatura's tests (evaldata.json beside eval/ and cache/): title, author, date, and with/without
    snippets of the main text;
  - the bot's own fixtures (gold.json beside the pages, as tests/fixtures/web): title and date.
Per field, the share of the pages whose gold has that field that each reader gets right: headline (same
words, case and punctuation aside), author (the same names), date (the same day). Body: word F1 of the
main text against main_content (WCXB), or the share of with/without snippets in their place (trafilatura's
set): the bot's body, and (a row of its own) its body with its standfirst where the page prints it
(trafilatura's main text holds such a lead; the bot keeps it apart). "Refused"
counts pages the bot will not take as an article; "discarded" the pages trafilatura returns no text for.
A page whose gold has a field and a reader that gives nothing for it counts as a miss.
The readers alone are trafilatura.bare_extraction (its metadata as it stands, htmldate inside it) and
htmldate.find_date as htmldate's own evaluation runs it (original_date, extensive_search).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import markdown_table

FIELDS = ("headline", "author", "date")


@dataclass
class Gold:
    name: str
    path: Path
    fields: dict[str, str] = field(default_factory=dict)  # headline, author, date (YYYY-MM-DD)
    body: str | None = None  # the whole main text
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)


@dataclass
class Read:
    """What one reader made of one page."""

    fields: dict[str, str | None]
    body: str | None  # None: refused or discarded
    origin: str = ""  # where the bot's date came from
    lead: str | None = None  # the bot's standfirst, where the page prints it apart from the body


def _wcxb(folder: Path, all_types: bool) -> Iterator[Gold]:
    for file in sorted((folder / "ground-truth").glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        internal = data.get("_internal") or {}
        kind = (internal.get("page_type") or {}).get("primary") if isinstance(internal, dict) else None
        if not all_types and kind != "article":
            continue
        truth = data["ground_truth"]
        found = {"headline": truth.get("title"), "author": truth.get("author"), "date": truth.get("publish_date")}
        fields = {name: str(value) for name, value in found.items() if value}
        yield Gold(
            file.stem, folder / "html" / f"{file.stem}.html.gz", fields, truth.get("main_content"),
            truth.get("with") or [], truth.get("without") or [],
        )  # fmt: skip


def _htmldate(folder: Path) -> Iterator[Gold]:
    for entry in json.loads((folder / "eval_default.json").read_text(encoding="utf-8")).values():
        path = folder / "cache" / entry["file"]
        if path.exists() and entry.get("date"):
            yield Gold(entry["file"], path, {"date": entry["date"]})


def _trafilatura(folder: Path) -> Iterator[Gold]:
    for entry in json.loads((folder / "evaldata.json").read_text(encoding="utf-8")).values():
        places = (folder / "eval" / entry["file"], folder / "cache" / entry["file"])
        path = next((place for place in places if place.exists()), None)
        if path is None:
            continue
        author = entry.get("author")
        author = "; ".join(author) if isinstance(author, list) else author
        fields = {"headline": entry.get("title"), "author": author, "date": entry.get("date")}
        yield Gold(
            entry["file"], path, {k: v for k, v in fields.items() if v}, None,
            list(entry.get("with") or []), list(entry.get("without") or []),
        )  # fmt: skip


def _fixtures(folder: Path) -> Iterator[Gold]:
    for name, entry in json.loads((folder / "gold.json").read_text(encoding="utf-8"))["pages"].items():
        fields = {"headline": entry.get("title"), "date": entry.get("date"), "author": entry.get("author")}
        yield Gold(name, folder / name, {k: v for k, v in fields.items() if v}, None, [entry["body"]], [])


def labelled(folder: Path, all_types: bool = False) -> tuple[str, list[Gold]]:
    """The set's kind and its pages."""
    if (folder / "ground-truth").is_dir():
        return "WCXB", list(_wcxb(folder, all_types))
    if (folder / "eval_default.json").exists():
        return "htmldate tests", list(_htmldate(folder))
    if (folder / "evaldata.json").exists():
        return "trafilatura tests", list(_trafilatura(folder))
    if (folder / "gold.json").exists():
        return "fixtures", list(_fixtures(folder))
    sys.exit(f"{folder}: no ground-truth/, eval_default.json, evaldata.json or gold.json")


def _page(path: Path) -> str:
    raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
    return raw.decode("utf-8", "replace")


def _read_bot(page: str) -> Read:
    from bot.core.article import CorpusError
    from bot.core.reading.web_page import parse_webpage

    try:
        article = parse_webpage("page", page)
    except CorpusError:
        return Read({}, None)
    date = article.published.value.isoformat() if article.published else None
    fields = {"headline": article.headline, "author": article.author, "date": date}
    lead = article.standfirst
    printed = lead and lead not in article.body and _printed(lead, page)
    return Read(fields, article.body, article.origins.get("published", ""), lead if printed else None)


def _printed(text: str, page: str) -> bool:
    """Whether the page's visible body prints a text (a standfirst from the markup's description may not)."""
    from lxml import html as lxml_html

    try:
        body = lxml_html.document_fromstring(page.encode("utf-8", "replace")).find("body")
    except (ValueError, lxml_html.etree.ParserError):
        return False
    shown = " ".join(body.text_content().split()) if body is not None else ""
    return " ".join(text.split())[:80] in shown


def _read_alone(page: str) -> tuple[Read, str | None]:
    import trafilatura
    from htmldate import find_date

    document = trafilatura.bare_extraction(page, with_metadata=True)
    found = document.as_dict() if document is not None else {}
    text = found.get("text") or None
    fields = {"headline": found.get("title"), "author": found.get("author"), "date": (found.get("date") or "")[:10]}
    try:
        htmldate = find_date(page, original_date=True, extensive_search=True)
    except Exception:  # noqa: BLE001 - a page htmldate cannot parse gives no date
        htmldate = None
    return Read(fields, text), htmldate


def read_all(gold: Gold) -> tuple[Read, Read, str | None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page = _page(gold.path)
        return (_read_bot(page), *_read_alone(page))


def _key(text: str | None) -> str:
    return re.sub(r"\W+", " ", text or "").strip().lower()


def _names(text: str | None) -> set[str]:
    parts = re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", _key_names(text))
    return {_key(p) for p in parts if _key(p)}


def _key_names(text: str | None) -> str:
    return re.sub(r"^\s*by\s+", "", text or "", flags=re.I)


def right(name: str, gold: str, found: str | None) -> bool:
    if not found:
        return False
    if name == "date":
        return found[:10] == gold[:10]
    if name == "author":
        return _names(found) == _names(gold)
    return _key(found) == _key(gold)


def word_f1(found: str | None, gold: str) -> float:
    """WCXB's own measure: F1 of the words' multisets."""
    ours, theirs = Counter(re.findall(r"\w+", (found or "").lower())), Counter(re.findall(r"\w+", gold.lower()))
    if not theirs:
        return float(not ours)
    overlap = sum((ours & theirs).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ours.values()), overlap / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def snippets(found: str | None, gold: Gold) -> tuple[int, int]:
    """(snippets in their place, snippets) for trafilatura's with/without gold."""
    flat = " ".join((found or "").split())
    good = sum(s in flat for s in gold.with_) + sum(s not in flat for s in gold.without) if found else 0
    return good, len(gold.with_) + len(gold.without)


def _miss(gold: Gold, name: str, bot: Read, alone: Read, htmldate: str | None) -> str:
    others = f"traf {alone.fields.get(name)} · htmldate {htmldate}" if name == "date" else alone.fields.get(name)
    return (
        f"  {gold.name[:40]:<40} gold {gold.fields[name]!r:.60} bot {bot.fields.get(name)!r:.60} "
        f"[{bot.origin}] alone {others!r:.60}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--all-types", action="store_true", help="WCXB: every page type, not only articles")
    parser.add_argument("--misses", choices=FIELDS + ("refused",), help="list the bot's misses of one field")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    kind, pages = labelled(args.folder, args.all_types)
    pages = pages[: args.limit] if args.limit else pages
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(read_all, pages, chunksize=4))
    count = {name: sum(name in g.fields for g in pages) for name in FIELDS}
    score = {who: Counter() for who in ("bot", "bot + printed lead", "trafilatura", "htmldate")}
    f1: dict[str, list[float]] = {"bot": [], "bot + printed lead": [], "trafilatura": []}
    misses = []
    for gold, (bot, alone, htmldate) in zip(pages, results, strict=True):
        for name in FIELDS:
            if name in gold.fields:
                score["bot"][name] += right(name, gold.fields[name], bot.fields.get(name))
                score["trafilatura"][name] += right(name, gold.fields[name], alone.fields.get(name))
                if not right(name, gold.fields[name], bot.fields.get(name)) and name == args.misses:
                    misses.append(_miss(gold, name, bot, alone, htmldate))
        if "date" in gold.fields:
            score["htmldate"]["date"] += right("date", gold.fields["date"], htmldate)
        score["bot"]["refused"] += bot.body is None
        score["trafilatura"]["refused"] += alone.body is None
        if bot.body is None and alone.body is not None and args.misses == "refused":
            misses.append(f"  {gold.name[:40]:<40} trafilatura kept {len(alone.body.split())} words")
        with_lead = Read(bot.fields, f"{bot.lead}\n\n{bot.body}" if bot.lead and bot.body else bot.body)
        for who, read in (("bot", bot), ("bot + printed lead", with_lead), ("trafilatura", alone)):
            if gold.body is not None:
                f1[who].append(word_f1(read.body, gold.body))
            elif gold.with_ or gold.without:
                good, total = snippets(read.body, gold)
                score[who]["snippets"] += good
                score[who]["snippet total"] += total
    print(f"{kind}: {len(pages)} pages ({args.folder})\n")
    header = ["reader"] + [f"{name} ({count[name]})" for name in FIELDS] + ["body", "refused / discarded"]
    rows = []
    for who in ("bot", "bot + printed lead", "trafilatura", "htmldate"):
        cells = [who]
        for name in FIELDS:
            shown = count[name] and who in ("bot", "trafilatura", "htmldate" if name == "date" else "")
            cells.append(f"{score[who][name] / count[name]:.3f}" if shown else "-")
        if who in f1 and f1[who]:
            cells.append(f"F1 {sum(f1[who]) / len(f1[who]):.3f}")
        elif who != "htmldate" and score[who]["snippet total"]:
            cells.append(f"snippets {score[who]['snippets'] / score[who]['snippet total']:.3f}")
        else:
            cells.append("-")
        cells.append(str(score[who]["refused"]) if who in ("bot", "trafilatura") else "-")
        rows.append(cells)
    print(markdown_table(header, rows))
    if misses:
        print(f"\nthe bot's misses ({args.misses}): {len(misses)}")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
