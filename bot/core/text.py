"""Text cleanup and sentence splitting with character offsets into an article body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

PARAGRAPH_SEPARATOR = "\n\n"

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = set(
    """
    mr mrs ms dr prof gen col lt sgt capt sen rep gov st jr sr vs etc inc corp co ltd jan feb mar apr
    jun jul aug sep sept oct nov dec e.g i.e a.m p.m adm maj pres amb rev hon mt ft approx dept est cf
    al del atty supt det insp brig cpl pvt cmdr
""".split()
)
# Abbreviations only before a number: "No. 10", "Vol. 3" (but "Putin said no. Then …" ends a sentence).
_NUMBER_ABBREVIATIONS = {"no", "vol", "fig", "art", "p", "pp"}
# "U.S." is an abbreviation that often ends a sentence; it does when a word like these follows.
_SENTENCE_OPENERS = re.compile(
    r"(?:The|A|An|But|And|In|It|He|She|They|We|I|This|That|There|Its|His|Her|Their|Some|Many|Most|"
    r"If|When|While|As|So|Yet|Still|Now|After|Before|Since|Other|Such|These|Those|For|On|At|By)\b"
)
_SENTENCE_MARKS = ".!?…"
_BOUNDARY = re.compile(rf"[{_SENTENCE_MARKS}]+[”’\"')\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+([“\"‘'(\[]?[A-Z0-9À-ÖØ-Þ])")
# “Do you still think that?” Mr Smith asked. — a question or exclamation in quotes, then its speaker.
_SPEAKER_FOLLOWS = re.compile(
    r"\s+(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|shouted|replied|wrote)\b"
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")
_END_MARKS = "■□◆♦"
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_ENDS_CLAUSE = re.compile(r"[.!?:;…”\"’)]$")
_WORD_OR_DOT = re.compile(r"[\w.]+")
_WORD = re.compile(r"\w+")
_DIRECT_SEARCHES = 20_000  # short paragraphs × paragraphs searched directly before an index pays
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a]{2,}|\t")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_CHARACTER = re.compile(r"\w")
_COMMON_NON_WORD = "’‘“”—–…\u00a0"
assert not any(_WORD_CHARACTER.match(char) for char in _COMMON_NON_WORD)
# ASCII bytes that are not word characters become spaces; UTF-8 bytes of other characters are left alone
_ASCII_NON_WORD = bytes(b if b > 127 or chr(b).isalnum() or chr(b) == "_" else 32 for b in range(256))


class Sentence(NamedTuple):
    """A sentence with its offsets into the article body and the paragraph it belongs to. A named tuple, not
    a dataclass: an article has dozens, and tuples are made, pickled and unpickled several times faster."""

    text: str
    start: int
    end: int
    paragraph: int


# Where a saved page lost a link's words: "thousands of  are", "The , which" (as the parse warns of them).
_GAP_BETWEEN_WORDS = re.compile(r"(?<=\w) {2,}(?=\w)")
_GAP_BEFORE_COMMA = re.compile(r"(?<=\w) +(?=,)")


def mark_gaps(text: str) -> str:
    """Show a hole left by lost link words as […], so a snippet does not read as a typo (the file is unchanged)."""
    return _GAP_BEFORE_COMMA.sub(" […]", _GAP_BETWEEN_WORDS.sub(" […] ", text))


def clean_inline(text: str) -> str:
    """Drop images, links' URLs, emphasis markers, end marks and runs of spaces; keep quotes and dashes;
    show the holes that lost link words leave as […]."""
    # Each pattern runs only when its marker is present: cleanup runs on every line of every article.
    if "  " in text or " ," in text:  # before the markup goes: removing an image or a link leaves no gap
        text = mark_gaps(text)
    if "](" in text:
        text = _LINK.sub(r"\1", _IMAGE.sub("", text))
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    text = text.rstrip().rstrip(_END_MARKS)
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def normalized(text: str, lowered: str | None = None) -> str:
    r"""Lower-case letters and digits only, for comparing two renderings of the same words:
    `" ".join(re.findall(r"\w+", text.lower()))`, made in passes of C rather than one of the regex engine
    (every article's body is normalized to find duplicates). `lowered`: text.lower(), when already made."""
    lowered = text.lower() if lowered is None else lowered
    for char in _COMMON_NON_WORD:  # news punctuation: most often no other character is outside ASCII
        if char in lowered:
            lowered = lowered.replace(char, " ")
    if not lowered.isascii():
        for char in set(_NON_ASCII.findall(lowered)):
            if not _WORD_CHARACTER.match(char):  # not part of a word
                lowered = lowered.replace(char, " ")
    spaced = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD)
    return " ".join(spaced.decode("utf-8", "surrogatepass").split())


def join_broken_lines(lines: list[str]) -> list[str]:
    """Rejoin a paragraph a scraper broke mid-sentence: a line without end punctuation, then lower case."""
    joined: list[str] = []
    for line in lines:
        # only the joined line's end is looked at: searching all of it again for each line was quadratic
        if joined and line[:1].islower() and not _ENDS_CLAUSE.search(joined[-1][-2:]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def drop_pull_quotes(paragraphs: list[str], max_words: int = 40) -> tuple[list[str], int]:
    """Remove short paragraphs that repeat words printed elsewhere in the body (magazine pull-quotes)."""
    short = [i for i, p in enumerate(paragraphs) if p.count(" ") < max_words]
    if not short:
        return paragraphs, 0
    lowered = [p.lower() for p in paragraphs]
    # On a long page each short paragraph is looked for only in the paragraphs holding its rarest whole word
    # (every other one was quadratic: minutes for a page of thousands of paragraphs); an article's few dozen
    # paragraphs are searched directly, which costs less than indexing their words.
    holding: dict[str, set[int]] | None = None
    if len(short) * len(paragraphs) > _DIRECT_SEARCHES:
        holding = {}
        for number, text in enumerate(lowered):
            for word in set(_WORD.findall(text)):
                holding.setdefault(word, set()).add(number)
    everywhere = range(len(lowered))
    dropped: set[int] = set()
    for index in short:
        core = lowered[index].rstrip(' .!?…”’"')
        if len(core) < 30:
            continue
        inner = _WORD.findall(core)[1:-1] if holding is not None else []  # the ends may be parts of words
        candidates = min((holding[w] for w in inner), key=len) if holding is not None and inner else everywhere
        if any(other != index and len(lowered[other]) > len(core) and core in lowered[other] for other in candidates):
            dropped.add(index)
    return [p for i, p in enumerate(paragraphs) if i not in dropped], len(dropped)


def _ends_sentence(paragraph: str, stop: int) -> bool:
    """Whether the punctuation ending at `stop` closes a sentence (not 'Mr.', 'U.S.' or 'Vladimir V.')."""
    head = paragraph[max(0, stop - 60) : stop]  # a window: searching the whole head would be quadratic
    stripped = head.rstrip("”’\"')]")
    if stripped.endswith(("?", "!")) and len(stripped) < len(head) and _SPEAKER_FOLLOWS.match(paragraph, stop):
        return False  # “…?” Mr Smith asked.
    if not stripped.endswith("."):
        return True
    tail = stripped[stripped.rfind(" ") + 1 :]  # most often the last word whole: no need to search for it
    if _WORD_OR_DOT.fullmatch(tail):
        token = tail[:-1]
    else:
        word = _LAST_WORD.search(stripped)
        token = word.group(1) if word else ""
    if not token:
        return True
    if token.lower() in _ABBREVIATIONS:
        return False
    following = paragraph[stop:]
    if token.lower() in _NUMBER_ABBREVIATIONS:
        return not following.lstrip()[:1].isdigit()
    if len(token) == 1 and token.isupper():
        return False  # an initial: "Vladimir V. Putin"
    if _INITIALISM.fullmatch(token):
        # "U.S." ends a sentence only when the next word could not continue a noun phrase
        return bool(_SENTENCE_OPENERS.match(following.lstrip(' “"')))
    return True


def boundaries(paragraph: str) -> Iterator[re.Match[str]]:
    """_BOUNDARY.finditer(paragraph), found faster: a match can only begin at a mark of its first set, so
    the marks are found with str.find (C speed) and the pattern is tried there, in order."""
    marks = []
    for mark in _SENTENCE_MARKS:
        at = paragraph.find(mark)
        while at >= 0:
            marks.append(at)
            at = paragraph.find(mark, at + 1)
    end = 0
    for at in sorted(marks):
        if at >= end and (match := _BOUNDARY.match(paragraph, at)):
            end = match.end()
            yield match


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in boundaries(paragraph):
        stop = match.end()
        if not _NEXT_START.match(paragraph, stop):
            continue
        if not _ends_sentence(paragraph, stop):
            continue
        if paragraph[start:stop].strip():
            spans.append((start, stop))
        start = stop
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def split_sentences(paragraphs: list[str]) -> list[Sentence]:
    """Split each paragraph on its own, so one bad quotation mark cannot swallow the article."""
    sentences: list[Sentence] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        for start, end in split_paragraph(paragraph):
            sentences.append(Sentence(paragraph[start:end], offset + start, offset + end, index))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return sentences


def truncate(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut text to at most `limit` characters at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis))]
    if " " in cut[len(cut) // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—-") + ellipsis


def size_label(size: int) -> str:
    """A number of bytes as a reader says it: '5 MB', '1.5 MB', '800 KB', '120 bytes' (1 MB = 1024 KB)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
