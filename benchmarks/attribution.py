"""Quotations and their speakers on brat standoff attribution gold (PolNeAR's Source / Cue / Content).

.venv/bin/python -m benchmarks.attribution PATH              # PATH/text + PATH/attributions, or .txt beside .ann
.venv/bin/python -m benchmarks.attribution PATH --examples 5 # and five passages of each outcome

Unit: a quoted passage of at least three words (between “…”, "…", ''…'' or ``…'') lying mostly inside
the Content of a gold attribution. It is found when the bot extracts a quotation overlapping it; the
bot's speaker is the one of the quotation overlapping it most. Sources are sorted by their gold span: a
pronoun (he, she, they, who …), a named person or body (a capitalized word that is not a title, a
determiner or a word the article also prints in lower case: "Mr. Obama", "The Charlotte Observer", and
not only a possessor of a common noun at the phrase's head), else a description ("a spokesman",
"experts", "the New York businessman", "Ms. Roe's niece"). A name is the last run of name words of the
span's head phrase ("Ohio Democratic Party Chairman Tom Hale" → Tom Hale), apostrophes folded. For
named sources the speaker is right when it shares the gold's surname (the last name word of either),
and not only that when both give more than one word ("Bill Clinton" is not "Hillary Clinton"); any other
speaker is wrong. Passages the bot does not read at all (not
in the body it makes of the file) are left out and counted. Where an article was annotated twice, the
first annotation file (by name) is scored.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import markdown_table
from benchmarks.body_offsets import body_to_source, source_span

BotReading = tuple[str, list[tuple[int, int, str, str | None]]]


def bot_quotations(text: str) -> BotReading:
    """The one place this benchmark touches the bot: the body it reads from a file's `text`, and each
    quotation it finds there as (start, end in that body, kind "quote" or "term", speaker or None)."""
    from bot.core.quotes.quotations import extract_quotes
    from bot.core.reading.news_file import parse_article

    article = parse_article("brat", text)
    return article.body, [(q.start, q.end, q.kind, q.who) for q in extract_quotes(article)]


@dataclass(frozen=True)
class Attribution:
    """A gold attribution: its Content fragments and its Source's text ('' when it has none)."""

    content: tuple[tuple[int, int], ...]
    source: str


@dataclass(frozen=True)
class Passage:
    """A quoted passage (marks included) and the attribution whose Content holds it."""

    start: int
    end: int
    text: str
    attribution: Attribution


def read_brat(text: str, annotations: str) -> list[Attribution]:
    """The attributions of one brat .ann file over its .txt."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[str] = []
    for line in annotations.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = tuple((int(a), int(b)) for a, b in (fragment.split() for fragment in offsets.split(";")))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1])
    found = []
    for event in events:
        arguments = _arguments(event)
        contents = [spans[ref] for role, ref in arguments if role == "Content" and ref in spans]
        sources = [spans[ref] for role, ref in arguments if role == "Source" and ref in spans]
        if contents:
            source = " ".join(text[a:b] for fragments in sources for a, b in fragments)
            found.append(Attribution(tuple(sorted(f for fragments in contents for f in fragments)), source))
    return found


def _arguments(line: str) -> list[tuple[str, str]]:
    """An event's (role, T-id) pairs, "Content2" read as "Content": "Attribution:T4 Content:T3 Source:T1"."""
    return [(re.sub(r"\d+$", "", role), ref) for role, _, ref in (a.partition(":") for a in line.split())]


# Curly first; straight and doubled-apostrophe marks paired in order within a line; an unclosed curly
# quotation runs to the end of its paragraph (the next paragraph goes on with it).
_MARKS = (
    re.compile(r"“[^“”\n]*(?:”|$)", re.M),
    re.compile(r"\"[^\"\n]+\""),
    re.compile(r"(?:''|``)(?:[^'\n]|'(?!'))+''"),
)


def quoted_passages(text: str, attributions: list[Attribution], least_words: int = 3) -> list[Passage]:
    """The quoted passages of `least_words` or more that lie mostly inside an attribution's Content."""
    spans: list[tuple[int, int]] = []
    for pattern in _MARKS:
        for match in pattern.finditer(text):
            if not any(a < match.end() and match.start() < b for a, b in spans):
                spans.append((match.start(), match.end()))
    passages = []
    for start, end in sorted(spans):
        inner = text[start:end].strip("“”\"'` ")
        if len(inner.split()) < least_words:
            continue
        inside = [(sum(max(0, min(end, b) - max(start, a)) for a, b in att.content), att) for att in attributions]
        covered, attribution = max(inside, key=lambda pair: pair[0], default=(0, None))
        if attribution is not None and covered * 2 >= end - start:
            passages.append(Passage(start, end, text[start:end], attribution))
    return passages


PRONOUNS = set("he she they it we i you who which that his her their its him them us me our".split())
# Capitalized words that name nobody: determiners and titles, and groups too large to be one speaker.
_NOT_NAMES = set(
    """the a an this that these those his her their its our my your some many
    mr mrs ms dr sen rep gov gen rev lt col sgt adm prof president senator governor mayor secretary
    representative congressman congresswoman chairman chairwoman speaker judge justice sheriff
    republicans democrats americans independents conservatives liberals""".split()
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w’'-]*")


def _fold(word: str) -> str:
    return re.sub(r"'s$", "", word.replace("’", "'")).lower().rstrip("'")


# Lower-case words inside names ("Bill de Blasio"), which are not a source's head noun.
_PARTICLES = set("de da di del della van von der den du la le bin al ibn".split())


def name_words(source: str, article: str) -> list[str]:
    """The name a gold source span gives, folded: the last run of name words (an English noun phrase ends
    in its head) in the span before its first comma or bracket, and before "of"/"from"/"at" when a name
    comes first ("Sen. Ann Roe (D-Ore.), who chairs …" → ann, roe; "NBC host Tom Hale" → tom, hale;
    "Rep. Lee Wong of New York" → lee, wong), else in the apposition after the comma ("Roe's niece, state
    Del. Mia Price" → mia, price). A possessor is not the source ("Roe's spokesman Tom Hale" → tom, hale),
    and a phrase whose head is a common noun names nobody ("the New York businessman", "Roe's aide")."""
    for segment in re.split(r"\s*(?:,|\(|\)|--|—)\s*", source)[:3]:
        before_place = re.split(r"\s(?:of|from|at)\s", segment, maxsplit=1)[0]
        if _head_is_common(before_place):
            continue
        found = _last_name(before_place, article) or _last_name(segment, article)
        if found:
            return found
    return []


def _head_is_common(phrase: str) -> bool:
    """Whether a phrase ends in a lower-case noun, its head: "The Indiana governor", "Small groups"."""
    words = _WORD.findall(phrase)
    return bool(words) and words[-1][0].islower() and words[-1] not in _PARTICLES


def _last_name(text: str, article: str) -> list[str]:
    runs: list[list[str]] = [[]]
    for match in _WORD.finditer(text):
        word = match.group()
        folded = _fold(word)
        common = match.start() == 0 and re.search(rf"\b{re.escape(folded)}\b", article)
        possessor = re.search(r"['’]s?$", word) and text[match.end() :].strip()
        abbreviated = len(word) > 1 and text[match.end() : match.end() + 1] == "."  # a title: "Del.", "Gov."
        if possessor:
            runs[-1] = []  # "Roe's aide Tom Hale": whose, not who
            runs.append([])
        elif (word[0].isupper() and folded not in _NOT_NAMES and not common and not abbreviated) or (
            word in _PARTICLES and runs[-1]
        ):
            runs[-1].append(folded)
        elif runs[-1]:
            runs.append([])  # a title or a lower-case word ends the name
    return next((run for run in reversed(runs) if run), [])


# A source that begins so is somebody unnamed, whatever names follow ("a spokesman for Hillary Clinton").
_INDEFINITE = set("a an another one some several many two three most other others".split())


def source_kind(source: str, article: str) -> str:
    if not source.strip():
        return "no source"
    first = _fold(source.split()[0])
    if first in PRONOUNS:
        return "pronoun"
    if first in _INDEFINITE or not name_words(source, article):
        return "description"
    return "named"


def same_speaker(gold: list[str], speaker: str) -> bool:
    """Whether the bot's speaker is the gold's named source, by surname (and first name when both give one)."""
    said = [word for word in map(_fold, _WORD.findall(speaker)) if word.rstrip(".") not in _NOT_NAMES]
    if not gold or not said:
        return False
    if said[-1] not in gold and gold[-1] not in said:
        return False
    return len(said) == 1 or len(gold) == 1 or len(set(said) & set(gold)) > 1


OUTCOMES = ("right", "wrong", "no speaker", "as term", "not found")


@dataclass
class Tally:
    """Outcomes by kind of gold source, with the passages behind each for --examples."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    unread: int = 0  # passages the bot does not read (outside the body it makes)
    articles: int = 0
    examples: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, outcome, source, said
    unnamed: Counter[str] = field(default_factory=Counter)  # somebody unnamed ("a spokesman"): how shown

    def add(self, text: str, attributions: list[Attribution], read: BotReading) -> None:
        """Score one file's passages against what the bot made of it (bot_quotations(text))."""
        self.articles += 1
        body, quotes = read
        mapping = body_to_source(body, text)
        seen = {at for at in mapping if at >= 0}
        placed = [(span, kind, who) for start, end, kind, who in quotes if (span := source_span(mapping, start, end))]
        for passage in quoted_passages(text, attributions):
            if not any(at in seen for at in range(passage.start, passage.end)):
                self.unread += 1
                continue
            kind = source_kind(passage.attribution.source, text)
            outcome, said = _outcome(passage, kind, placed, text)
            self.counts.setdefault(kind, Counter())[outcome] += 1
            if kind == "description" and _fold(passage.attribution.source.split()[0]) in _INDEFINITE:
                self.unnamed[_unnamed_outcome(outcome, said)] += 1
            shown = f"{said!r} for {passage.text[:70]!r}"
            self.examples.append((kind, outcome, passage.attribution.source, shown))

    def table(self) -> str:
        """Outcomes by kind of source, as counts and shares of that kind's passages."""
        rows = []
        everything: Counter[str] = Counter()
        for kind in ("named", "pronoun", "description", "no source"):
            counts = self.counts.get(kind, Counter())
            everything.update(counts)
            rows.append(_row(f"source: {kind}", counts, kind == "named"))
        rows.append(_row("all", everything, False))
        header = ["passages by gold source", "passages", "found", *OUTCOMES[:4], "speaker given"]
        return markdown_table(header, rows)


def _outcome(
    passage: Passage, kind: str, placed: list[tuple[tuple[int, int], str, str | None]], text: str
) -> tuple[str, str]:
    """What became of one passage, and the speaker the bot gave it, from the bot's quotations placed on
    the file's text as (span, kind, speaker)."""
    overlaps = [
        (min(b, passage.end) - max(a, passage.start), quote_kind, who)
        for (a, b), quote_kind, who in placed
        if a < passage.end and passage.start < b
    ]
    if not overlaps:
        return "not found", ""
    _, quote_kind, who = max(overlaps, key=lambda overlap: overlap[0])
    if quote_kind == "term":
        return "as term", ""
    if not who:
        return "no speaker", ""
    if kind != "named":
        return "speaker given", who
    return ("right" if same_speaker(name_words(passage.attribution.source, text), who) else "wrong"), who


UNNAMED_OUTCOMES = ("as described", "a name instead", "no speaker or a term")


def _unnamed_outcome(outcome: str, said: str) -> str:
    """How the bot shows somebody the gold leaves unnamed ("a spokesman for the club"): as the article
    describes them (a speaker opening with a lower-case word), by a name instead, or not at all."""
    if outcome != "speaker given":
        return UNNAMED_OUTCOMES[2]
    return UNNAMED_OUTCOMES[0] if said[:1].islower() else UNNAMED_OUTCOMES[1]


def unnamed_table(counts: Counter[str]) -> str:
    """Description sources that open with an indefinite word ("a", "one", "two" …) by how they are shown."""
    total = sum(counts.values())
    cells = [f"{counts[o]} ({counts[o] / total:.2f})" if total else "0" for o in UNNAMED_OUTCOMES]
    return markdown_table(
        ["somebody unnamed (gold: a …, one …)", "passages", *UNNAMED_OUTCOMES], [["", str(total), *cells]]
    )


def _row(name: str, counts: Counter[str], named: bool) -> list[str]:
    total = sum(counts.values())
    found = total - counts["not found"]
    given = counts["right"] + counts["wrong"] + counts["speaker given"]

    def cell(n: int) -> str:
        return f"{n} ({n / total:.2f})" if total else "0"

    judged = [cell(counts["right"]), cell(counts["wrong"])] if named else ["–", "–"]
    return [name, str(total), cell(found), *judged, cell(counts["no speaker"]), cell(counts["as term"]), cell(given)]


def documents(folder: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs: PolNeAR's text/ and attributions/ folders ("NAME_annotator.ann" over
    NAME.txt, the first annotator's when there are two), or .ann files beside their .txt."""
    if (folder / "attributions").is_dir():
        texts, annotations = folder / "text", sorted((folder / "attributions").glob("*.ann"))
    else:
        texts, annotations = folder, sorted(folder.glob("*.ann"))
    pairs: dict[Path, Path] = {}
    for annotation in annotations:
        if annotation.name.startswith("."):
            continue
        text = texts / f"{annotation.stem}.txt"
        if not text.exists():
            text = texts / f"{annotation.stem.rsplit('_', 1)[0]}.txt"
        if text.exists():
            pairs.setdefault(text, annotation)
    return sorted(pairs.items())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a PolNeAR split (text/ and attributions/) or a brat folder")
    parser.add_argument("--examples", type=int, default=0, help="print this many passages of each outcome")
    args = parser.parse_args(argv)
    pairs = documents(args.path)
    if not pairs:
        sys.exit(f"no .ann files with their .txt in {args.path}")
    tally = Tally()
    for text_path, annotation_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        tally.add(text, read_brat(text, annotation_path.read_text(encoding="utf-8")), bot_quotations(text))
    passages = sum(sum(c.values()) for c in tally.counts.values())
    print(
        f"{tally.articles} articles, {passages} quoted passages (≥ 3 words) in gold attributions; "
        f"{tally.unread} more outside the text the bot reads\n"
    )
    print(tally.table())
    print()
    print(unnamed_table(tally.unnamed))
    wrong = [example for example in tally.examples if example[1] == "wrong"]
    print(f"\nwrong speakers ({len(wrong)}):" if wrong else "\nno wrong speakers")
    for _, _, source, said in wrong:
        print(f"  gold {source[:50]!r:<54} bot {said}")
    if args.examples:
        shown: Counter[tuple[str, str]] = Counter()
        for kind, outcome, source, said in sorted(tally.examples, key=lambda e: (e[0], e[1])):
            if shown[kind, outcome] < args.examples:
                shown[kind, outcome] += 1
                print(f"  {kind:<11} {outcome:<13} gold {source[:40]!r:<44} bot {said}")


if __name__ == "__main__":
    main()
