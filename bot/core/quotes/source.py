"""A quotation's source as the rules resolve it (as named, the full name, a role, the pattern), and the sources an
article states outright: a transcript's speaker labels, a correction note."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core.quotes import cues, names
from bot.core.quotes.handover import CONTINUES, GOES_ON, ONE_QUOTATION, Q
from bot.core.quotes.titles import is_title, untitled


@dataclass(frozen=True)
class Speaker:
    """A quotation's source: as named near it, the full name the article gives, a role; or nobody named."""

    speaker: str | None  # None: nobody; a description when the article names nobody ("a spokesman")
    full: str | None = None
    role: str | None = None
    pattern: str = ""


DESCRIBED = "described speaker"
_INDEFINITE = frozenset("a an one another two three four several some".split())


def described(phrase: str, pattern: str = DESCRIBED) -> Speaker:
    """Somebody the article describes without naming them, as it describes them: "a senior official involved in
    the talks", "one resident" (never a name printed nearby, never nobody)."""
    words = " ".join(phrase.split()).rstrip(" ,—–-")
    return Speaker(words[0].lower() + words[1:], pattern=pattern)


def is_described(name: str) -> bool:
    """Whether a speaker is a description, not a name: "a deputy mayor", "two officials"."""
    return name.split(" ", 1)[0] in _INDEFINITE


def with_role(resolved: Speaker, role: str | None, pattern: str) -> Speaker:
    """The resolved speaker with the role the pattern found around it and the pattern's name."""
    if resolved.speaker is None:
        return resolved
    kept_role = role.strip() if role and not role.startswith("who ") else None
    return Speaker(resolved.speaker, resolved.full, kept_role or resolved.role, pattern)


# Sources the article states outright: the speaker label of a transcript's or a record's turn, a correction note.

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Hon|Rev|Prof)\.?"
_CAPITALS = r"(?:Mc|Mac|O['’])?[A-Z][A-Z'’-]+"
# A turn's label at a paragraph's start (or just inside its opening mark): "TOM HALE:", "ORTIZ:",
# "RACHEL ORTIZ, HOST:", "HOST (Mara Quinn):", "Mr GRANT (Eastvale) (14:02):", "The Minister for Transport (Ms
# Ruth Adler):", "The SPEAKER:".
_LABEL = re.compile(
    rf"[\"“]?(?:(?P<caps>(?:{_HONORIFIC}\s+)?{_CAPITALS}(?:\s+{_CAPITALS}){{0,3}})(?:,\s+(?P<caps_role>[A-Z][A-Z ]+))?"
    rf"|(?P<head>The\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){{0,5}}?)|(?P<mixed>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){{0,2}}))"
    rf"(?:\s*\((?P<paren>[^()]{{1,60}})\))?(?:\s*\([^()]{{1,30}}\))?\s*:\s+"
)
_NOT_LABELS = frozenset(
    "NOTE UPDATE UPDATED CORRECTION CLARIFICATION EDITOR WATCH READ RELATED PHOTO VIDEO BREAKING EXCLUSIVE SOURCE "
    "SOURCES TRANSCRIPT END WARNING DISCLAIMER ADVERTISEMENT QUESTION ANSWER CAPTION CREDIT TOPICS TAGS SUMMARY "
    "BACKGROUND WHY WHAT HOW WHEN WHERE WHO LISTEN SEE ALSO MORE".split()
)
_PERSON_IN_PARENTHESES = re.compile(rf"(?:{_HONORIFIC}\s+)?(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,3}})")
_TITLE_ONLY = frozenset("host guest moderator anchor presenter interviewer chair speaker president".split())


@dataclass(frozen=True)
class Turn:
    """A turn of a transcript or a record: who speaks, the role its label gives, where the label ends."""

    speaker: Speaker
    label_end: int  # in the paragraph that opens the turn; 0 in the paragraphs that go on with it
    quoted: bool = False  # the label stands inside the paragraph's opening mark ("“PIKE: I will …")


def speaker_turns(paragraphs: list[str], body: str, people: list[str]) -> list[Turn | None]:
    """The turn each paragraph belongs to, when the article is a transcript or a record (two labelled turns
    at least); a paragraph without a label goes on with the turn before it. [] when there are no turns."""
    labels = [_label(paragraph) for paragraph in paragraphs]
    mixed = [label.group("mixed") for label in labels if label and label.group("mixed")]
    # "Ortiz:", "Tom Hale:" printed as a sentence would be: a label only where it opens several turns
    labels = [
        label if label and (not label.group("mixed") or mixed.count(label.group("mixed")) >= 2) else None
        for label in labels
    ]
    if sum(label is not None for label in labels) < 2:
        return []
    known: dict[str, Speaker] = {}  # a surname's full name, from a fuller label ("RACHEL ORTIZ, HOST" → ORTIZ)
    turns: list[Turn | None] = []
    current: Turn | None = None
    for paragraph, label in zip(paragraphs, labels, strict=True):
        if label:
            speaker = _labelled(label, body, people, known)
            current = Turn(speaker, label.end(), paragraph.startswith(("“", '"'))) if speaker else None
            turns.append(current)
        else:
            turns.append(Turn(current.speaker, 0) if current else None)
    return turns


def _label(paragraph: str) -> re.Match[str] | None:
    match = _LABEL.match(paragraph)
    if match is None:
        return None
    words = re.findall(r"[A-Z]+", (match.group("caps") or match.group("mixed") or "").upper())
    if (match.group("caps") or match.group("mixed")) and (words[0] in _NOT_LABELS or len("".join(words)) < 2):
        return None
    if match.group("head") and not (match.group("paren") or re.search(r"\b[A-Z]{2,}\b", match.group("head"))):
        return None  # "The Minister for Transport (Ms Ruth Adler):", "The SPEAKER:", not "The plan:"
    return match


def _labelled(label: re.Match[str], body: str, people: list[str], known: dict[str, Speaker]) -> Speaker | None:
    """The speaker a label names: the person in parentheses after a role ("HOST (Mara Quinn)"), else the
    capitalized name ("Mr GRANT (Eastvale)" → the article's Grant), else the role ("The Speaker")."""
    head = label.group("caps") or label.group("head") or label.group("mixed")
    person = _PERSON_IN_PARENTHESES.fullmatch(label.group("paren") or "")
    head_is_role = label.group("head") or head.lower() in _TITLE_ONLY
    if person and head_is_role:
        name = person.group("name")
        speaker = Speaker(name.split()[-1], name, head if head.lower() not in _TITLE_ONLY else None, TURN)
    elif (label.group("caps") or label.group("mixed")) and not head_is_role:
        words = [_as_printed(word, body) for word in head.split() if not re.fullmatch(_HONORIFIC, word)]
        name = " ".join(words)
        speaker = known.get(name.split()[-1]) or Speaker(name, _full_name(name, people), label.group("caps_role"))
    else:
        return Speaker(" ".join(_as_printed(word, body) for word in head.split()), pattern=TURN)
    if speaker.full:
        known.setdefault(speaker.full.split()[-1], speaker)
    return Speaker(speaker.speaker, speaker.full, speaker.role, TURN)


def _as_printed(word: str, body: str) -> str:
    """A word printed in capitals as the article prints it elsewhere ("GRANT" → "Grant"), else capitalized."""
    if not word.isupper():
        return word
    for match in re.finditer(rf"\b{re.escape(word)}\b", body, re.IGNORECASE):
        if not match.group(0).isupper():
            return match.group(0)
    return word.capitalize()


def _full_name(name: str, people: list[str]) -> str | None:
    """The article's full name for a label's name: "PIKE" → "Dan Pike" (not "Councillor Pike")."""
    surname = names.surname_key(name)
    found = {untitled(p) or p for p in people if names.surname_key(p) == surname}
    found = {p for p in found if " " in p and not is_title(p.split()[0])}
    return found.pop() if len(found) == 1 else (name if " " in name else None)


TURN = "speaker turn"


# A correction note at a paragraph's start, and what it says of a quotation's speaker.
_NOTE = re.compile(
    r"(?:Correction|CORRECTION|Clarification|CLARIFICATION|Editor['’]s [Nn]ote|EDITOR['’]S NOTE|Update|UPDATE)"
    r"\b[^:\n]{0,40}:\s"
)
_NAME = rf"(?P<name>{cues.NAME})"
_WRONG = (
    re.compile(
        rf"\b(?:misattributed|(?:incorrectly|wrongly|mistakenly|erroneously)\s+attributed)\b[^.;]*?\bto\s+{_NAME}"
    ),
    re.compile(rf"\bnot\s+(?:by\s+|to\s+)?{_NAME}"),
)
_RIGHT = (
    re.compile(rf"\b(?:said|made|spoken|written|uttered|given)\s+by\s+(?P<title>(?:[a-z]+\s+){{0,3}}){_NAME}"),
    re.compile(rf"\b[Ii]t\s+was\s+{_NAME}\s+who\b"),
    re.compile(rf"\b(?:should\s+have\s+been|has\s+been|is\s+now)\s+(?:attributed|credited)\s+to\s+{_NAME}"),
)
_ABOUT = re.compile(
    r"\babout\s+(?P<topic>[^.;]{3,120}?)\s+(?:to|was|were|as|which|has|have|is)\b|“(?P<quoted>[^”]{3,})”"
)
_ROLE_AFTER = re.compile(r",\s+(?P<role>(?:the|a|an)\s+[a-z][^,.;]{1,60})")
_PLURAL = re.compile(r"\b(?:quotations|quotes|remarks|comments)\b")
_CONTENT_WORD = re.compile(r"[a-z]{4,}")
CORRECTED = "correction note"


@dataclass(frozen=True)
class Correction:
    """What a correction note says: a quotation attributed to `wrong` was `right`'s (about `topic`, if told)."""

    wrong: str
    right: str
    role: str | None
    topic: frozenset[str]
    plural: bool


def corrections(paragraphs: list[str]) -> list[Correction]:
    """Every correction note's reattribution: "An earlier version misattributed a quotation about the depot to
    Ann Roe. It was said by Tom Hale, the depot manager.", "… was incorrectly attributed to X; it was Y who said
    it.", "The remark about … was made by Y, not by X"."""
    found: list[Correction] = []
    for paragraph in paragraphs:
        if paragraph[:1] not in "CcEeUu" or not _NOTE.match(paragraph):
            continue
        if "ttribut" not in paragraph and " not " not in paragraph:
            continue
        wrong = next((m for pattern in _WRONG if (m := pattern.search(paragraph))), None)
        right = next((m for pattern in _RIGHT if (m := pattern.search(paragraph))), None)
        if wrong is None or right is None or wrong.group("name") == right.group("name"):
            continue
        about = _ABOUT.search(paragraph)
        topic = (about.group("topic") or about.group("quoted")) if about else ""
        role = _ROLE_AFTER.match(paragraph, right.end())
        title = (right.groupdict().get("title") or "").strip()  # "made by deputy culture director Sam Kirby"
        found.append(
            Correction(
                wrong.group("name"),
                right.group("name"),
                role.group("role") if role else title or None,
                frozenset(_CONTENT_WORD.findall(topic.lower())),
                bool(_PLURAL.search(paragraph)),
            )
        )
    return found


def corrected(quotes: list[Q], paragraphs: list[str], people: list[str]) -> list[Q]:
    """The quotations with the speakers the article's correction notes give: a quotation (about the note's
    topic, when it tells one) attributed to the wrong person becomes the right person's, with the parts that
    went on with it. Quotations the text already gives the right person stay as they are."""
    for note in corrections(paragraphs):
        wrong = names.strip_title(note.wrong)
        right = names.strip_title(note.right)
        full = names.full_name(right, people) or (right if " " in right else None)
        held = [i for i, quote in enumerate(quotes) if quote.who and names.same_person(quote.who, wrong)]
        if note.topic:  # the quotations sharing most words with the topic; any sharing some, for "the remarks"
            overlap = {i: len(note.topic & set(_CONTENT_WORD.findall(quotes[i].text.lower()))) for i in held}
            best = max(overlap.values(), default=0)
            held = [i for i in held if overlap[i] and (note.plural or overlap[i] == best)]
        if not note.plural and len(held) != 1:
            continue  # "a quotation": only when the note tells which
        for i in held:
            said_by = quotes[i].who
            for j in range(i, len(quotes)):
                if j > i and (quotes[j].who != said_by or quotes[j].attribution not in _GOING_ON):
                    break
                quotes[j] = replace(
                    quotes[j], speaker=right, speaker_full=full, role=note.role, kind="quote", attribution=CORRECTED
                )
    return quotes


_GOING_ON = frozenset({CONTINUES, GOES_ON, ONE_QUOTATION})  # a quotation going on with the one before it
