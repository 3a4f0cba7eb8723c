"""Transcripts of radio and podcast shows: the show, the episode's title and its air date from the header
lines above the first speaker's turn ("HOST (Mara Quill): …"); the turns themselves stay as printed."""

from __future__ import annotations

import re

_LABELLED = re.compile(
    r"^(?P<label>show|programme|program|podcast|series|station|network|episode|ep\.?|title|topic|segment|"
    r"air date|aired(?: on)?|broadcast(?: on)?|first broadcast|recorded(?: on)?|released(?: on)?|published|"
    r"date|transmission|tx)\b\s*(?P<number>\d+)?\s*[:：—–-]?\s*(?P<value>.+)$",
    re.I,
)
_AIRED = {"air date", "aired", "aired on", "broadcast", "broadcast on", "first broadcast", "recorded", "recorded on"}
_AIRED |= {"released", "released on", "published", "date", "transmission", "tx"}
_SHOW = {"show", "programme", "program", "podcast", "series", "station", "network"}
_EPISODE = {"episode", "ep", "ep.", "title", "topic", "segment"}
_TRANSCRIPT = re.compile(r"^\W*(?:full |programme |episode |show )?transcript\W*$|\btranscript\b", re.I)
# A speaker's turn: "HOST:", "MARA QUILL:", "Mara Quill:", "HOST (Mara Quill):", "[00:03:12] Mara Quill:".
SPEAKER = re.compile(
    r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?(?P<name>[A-Z][A-Z.'’ -]{1,40}|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})"
    r"(?: \((?P<role>[^)]{1,50})\))?:\s+\S"
)
HEADER_LINES = 10  # the show's header sits in the first lines, above the first turn
MIN_TURNS = 3


def _turn(line: str) -> bool:
    """A speaker's turn, not a header's label ("Broadcast: Thursday …", "Podcast: The Long Table")."""
    return bool(SPEAKER.match(line)) and not _label(line)


def is_transcript(lines: list[str]) -> bool:
    """A transcript: speakers' turns, and a header that says it is one or labels its show or air date."""
    filled = [line.strip() for line in lines if line.strip()]
    first_turn = next((i for i, line in enumerate(filled) if _turn(line)), None)
    if first_turn is None or first_turn > HEADER_LINES:
        return False
    header = filled[:first_turn]
    labelled = any(_TRANSCRIPT.search(line) or _label(line) in _AIRED | _SHOW for line in header)
    return labelled and sum(map(_turn, filled)) >= MIN_TURNS


def _label(line: str) -> str:
    match = _LABELLED.match(line.strip())
    return match.group("label").lower() if match else ""


def _unquoted(text: str) -> str:
    return text.strip().strip("\"“”'‘’").strip()


def read_transcript(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The header's fields (headline, date as printed, publication) and the lines from the first turn on."""
    filled = [line.strip() for line in lines if line.strip()]
    first_turn = next(i for i, line in enumerate(filled) if _turn(line))
    fields: dict[str, str] = {}
    plain: list[str] = []  # header lines that carry no label: a show name, a title
    for line in filled[:first_turn]:
        match = _LABELLED.match(line)
        label = match.group("label").lower().rstrip(".") if match else ""
        value = match.group("value").strip() if match else ""
        if label in _AIRED and re.search(r"\d", value):
            fields.setdefault("date", value)
        elif label in _SHOW:
            fields.setdefault("publication", _unquoted(re.split(r"\s+[—–|]\s+", value)[0]))
        elif label in ("episode", "ep", "title", "topic", "segment"):
            fields.setdefault("headline", _unquoted(value))
        elif _TRANSCRIPT.fullmatch(line) or re.fullmatch(r"\W*transcript\W*", line, re.I):
            continue
        else:
            plain.append(_TRANSCRIPT.sub("", line).strip(" :—–-|") if _TRANSCRIPT.search(line) else line)
    plain = [line for line in plain if line]
    for line in plain:
        parts = [_unquoted(p) for p in re.split(r"\s+[—–|]\s+|:\s+", line) if p.strip()]
        if "publication" not in fields and len(parts) > 1:
            fields["publication"], rest = parts[0], parts[1:]
            fields.setdefault("headline", " — ".join(rest))
        elif "publication" not in fields:
            fields["publication"] = parts[0]
        elif "headline" not in fields:
            fields["headline"] = _unquoted(line)
    return fields, filled[first_turn:]
