"""Calendar expressions on MEANTIME (NewsReader's CAT XML): the bot's time rules vs dateparser, as TimeML is scored.

.venv/bin/python -m benchmarks.meantime PATH              # the meantime_newsreader_english_oct15 folder (or one file)
.venv/bin/python -m benchmarks.meantime PATH --examples 5 # and five of the bot's misses per category

MEANTIME keeps each article as tokens (<token t_id sentence>) and its TIMEX3 markables as lists of token
anchors, the document creation time among them (functionInDocument="CREATION_TIME", on the date line that
follows the headline); only an article's first sentences are annotated. This module rebuilds the text — the
headline as its first line, each annotated sentence of the body after it, the date line left out (it is the
anchor, not a mention) — with each gold TIMEX3 as a span of that text, and scores it exactly as
benchmarks.timeml scores TimeBank (relaxed spans; a value is right when the period named is the gold value
at the gold's granularity). The same article stands in both of the corpus's folders (intra-doc and
cross-doc annotation): each document is read once, by its doc_id.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from benchmarks import markdown_table
from benchmarks.timeml import (
    HEADER,
    Document,
    Tally,
    Timex,
    bot_guesses,
    dateparser_guesses,
    miss_table,
    print_examples,
)

# Tokens written against the word before them, and after which the next word follows without a space.
_CLOSING = {",", ".", ":", ";", "?", "!", ")", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_OPENING = {"(", "$"}


def _creation_date(value: str) -> dt.date:
    """The creation time's day: ISO as the guidelines say, or MM-DD-YYYY as one file writes it."""
    american = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    if american:
        return dt.date(int(american[3]), int(american[1]), int(american[2]))
    return dt.date.fromisoformat(value[:10])


def read_meantime(path: Path) -> tuple[str, Document] | None:
    """(doc_id, the document) of one CAT XML file; None when it has no creation time."""
    root = ET.parse(path).getroot()
    tokens = {t.get("t_id", ""): t for t in root.iter("token")}
    created_ids: set[str] = set()
    created: dt.date | None = None
    marked: list[tuple[list[str], str, str]] = []  # (token ids, type, value)
    for timex in root.iter("TIMEX3"):
        anchors = [a.get("t_id", "") for a in timex.iter("token_anchor")]
        if timex.get("functionInDocument") == "CREATION_TIME":
            created_ids |= set(anchors)
            created = _creation_date(timex.get("value", ""))
        elif anchors:
            marked.append((anchors, timex.get("type", ""), timex.get("value", "")))
    if created is None:
        return None
    skipped = {tokens[t].get("sentence") for t in created_ids if t in tokens}  # the date line
    # Only the first sentences are annotated (the headline, the date line and five more): the text ends
    # with the last sentence that holds any markable, so that nothing unannotated counts as a false find.
    anchored = [tokens[a.get("t_id", "")] for a in root.iter("token_anchor") if a.get("t_id", "") in tokens]
    last = max((int(t.get("sentence", 0)) for t in anchored), default=0)
    pieces: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length, sentence, previous = 0, None, ""
    for token in root.iter("token"):
        if token.get("sentence") in skipped or int(token.get("sentence", 0)) > last:
            continue
        word = token.text or ""
        if sentence is None:
            gap = ""
        elif token.get("sentence") != sentence:
            gap = "\n\n" if sentence == "0" else " "  # the headline is a paragraph of its own
        else:
            gap = "" if word in _CLOSING or previous in _OPENING else " "
        sentence, previous = token.get("sentence"), word
        pieces.append(gap + word)
        length += len(gap)
        spans[token.get("t_id", "")] = (length, length + len(word))
        length += len(word)
    text = "".join(pieces)
    timexes = []
    for anchors, kind, value in marked:
        found = [spans[t] for t in anchors if t in spans]
        if found:
            start, end = min(s for s, _ in found), max(e for _, e in found)
            timexes.append(Timex(start, end, text[start:end], kind, value))
    name = root.get("doc_name") or path.stem
    return root.get("doc_id") or name, Document(name, text, created, sorted(timexes, key=lambda t: t.start))


def documents(path: Path) -> list[Document]:
    """Every MEANTIME document under `path`, once each, in doc_id order."""
    found = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    read: dict[str, Document] = {}
    for file in found:
        if file.name.startswith("."):
            continue
        result = read_meantime(file)
        if result:
            read.setdefault(*result)
    return [read[key] for key in sorted(read)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the MEANTIME English folder, or one of its .xml files")
    parser.add_argument("--examples", type=int, default=0, help="print this many of the bot's misses per kind")
    parser.add_argument("--no-dateparser", action="store_true", help="score the bot alone (quicker)")
    args = parser.parse_args(argv)
    docs = documents(args.path)
    if not docs:
        sys.exit(f"no MEANTIME documents in {args.path}")
    bot, theirs = Tally(), Tally()
    for document in docs:
        bot.add(document, bot_guesses(document))
        if not args.no_dateparser:
            theirs.add(document, dateparser_guesses(document))
    print(f"{len(docs)} documents, {bot.gold} gold calendar expressions (DATE/TIME, value starting with a digit)\n")
    rows = [bot.row("bot (timex + dates)")] + ([] if args.no_dateparser else [theirs.row("dateparser.search_dates")])
    print(markdown_table(HEADER, rows))
    print()
    print(miss_table(bot))
    print_examples(bot, args.examples)


if __name__ == "__main__":
    main()
