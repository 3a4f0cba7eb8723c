"""Parliamentary records (Hansard and its kin): the chamber, the sitting date and the debate's title from the
lines above the first speech ("The Minister for Education (Ms Alvarez): …")."""

from __future__ import annotations

import re

_CHAMBER = re.compile(
    r"\b(?:house of (?:assembly|commons|lords|representatives|keys)|legislative (?:assembly|council)|senate|"
    r"national assembly|dáil éireann|seanad|parliament of [A-Z][\w ]+|hansard|official report|"
    r"proceedings and debates)\b",
    re.I,
)
# A speech opens with who speaks: "The Minister for Health (Mr Okoro):", "Mr TANNER (Eastfield):",
# "Ms ALVAREZ:", "The SPEAKER:", "Hon. Jane Doe (Minister for Roads):".
SPEECH = re.compile(
    r"^(?:The (?:Minister|Premier|Treasurer|Attorney-General|Leader|Deputy|Chief|Parliamentary|Member|SPEAKER|"
    r"Speaker|PRESIDENT|President|CHAIR|Chair|DEPUTY SPEAKER)[\w ,'’-]{0,80}?|(?:Mr|Ms|Mrs|Miss|Dr|Hon\.?|Sir|Dame)"
    r"\.? [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})(?: \([^)]{1,60}\)){0,2}:\s+\S"
)
_PROCEDURE = re.compile(
    r"(?:took the chair|read prayers|prayers|acknowledg|questions without notice|questions on notice|"
    r"petitions|ministerial statements?|bills?$|adjourn|members' statements|notices of motion|"
    r"matters of public importance|grievance|^sitting|^hansard|^daily|^official|proof|uncorrected|^volume \d)",
    re.I,
)
_HEADING_WORDS = 12
HEADER_LINES = 16


def is_record(lines: list[str]) -> bool:
    """A parliamentary record: a chamber named in the header and speeches that open with their speaker."""
    filled = [line.strip() for line in lines if line.strip()]
    first = next((i for i, line in enumerate(filled) if SPEECH.match(line)), None)
    if first is None or first > HEADER_LINES:
        return False
    return any(_CHAMBER.search(line) for line in filled[:first]) and sum(map(bool, map(SPEECH.match, filled))) >= 2


def _heading(line: str) -> bool:
    return len(line.split()) <= _HEADING_WORDS and not re.search(r"[.!?;:]$", line) and not re.search(r"\d{4}", line)


def read_record(lines: list[str], has_date: re.Pattern[str]) -> tuple[dict[str, str], list[str]]:
    """The record's fields (publication: the chamber; date: the sitting's, as printed; headline: the last
    heading above the first speech that is no procedure) and its lines from that heading on."""
    filled = [line.strip() for line in lines if line.strip()]
    first = next(i for i, line in enumerate(filled) if SPEECH.match(line))
    fields: dict[str, str] = {}
    for line in filled[:first]:
        chamber = _CHAMBER.search(line)
        if (
            chamber
            and "publication" not in fields
            and not has_date.search(line)
            and chamber.group(0).lower() not in ("hansard", "official report")
        ):
            fields["publication"] = line
        elif has_date.search(line) and "date" not in fields:
            fields["date"] = has_date.search(line).group(0)
    headings = [i for i, line in enumerate(filled[:first]) if _heading(line) and not _PROCEDURE.search(line)]
    headings = [i for i in headings if not _CHAMBER.search(filled[i]) and not has_date.search(filled[i])]
    if headings:
        title = filled[headings[-1]]
        fields["headline"] = title
    return fields, filled[first:]
