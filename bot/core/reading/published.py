"""Publication dates and bylines in the header and footer lines of a news file, in the layouts sources use."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.core.article import PubDate
from bot.core.periods import month_number
from bot.core.reading.layouts.wire import credit, dateline_year

FIRST_YEAR, LAST_YEAR = 1800, 2100  # a stated date outside these years is a misreading, not a publication
HEADER_LINES = 30  # the header is at most this many non-blank lines …
BODY_WORDS = 20  # … and ends at the first line this long that ends a sentence
FOOTER_LINES = 6  # "Posted …", "First published …" lines sit in the last few lines
NEAR_DAYS = 3  # a dateline's year may come from a full date this close to its day
LABELLED_WORDS = 25  # a labelled date line longer than this is a body sentence that happens to say "published"

_MONTH = (
    r"(?P<mn>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
# Each pattern: a date printed in a line; numeric ones are decided by the file's cues (see day_first).
_DATES = [
    re.compile(
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|\s?[+-]\d{2}:?\d{2})?)?(?!\d)"
    ),
    re.compile(rf"(?<![a-z]){_MONTH}\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})(?!\d)", re.I),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_ORDINAL}\s+{_MONTH},?\s+(?P<y>\d{{4}})(?!\d)", re.I),
    re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/])"),
]
_MONTH_DAY = re.compile(rf"(?<![a-z]){_MONTH}\s+(?P<d>\d{{1,2}}){_ORDINAL}(?![\d,:]|,?\s+\d{{4}})", re.I)
_PUBLISHED = r"(?:first |originally )?(?:published|posted|issued|released|submitted|date published|pubdate|date|dated)"
_UPDATED = r"(?:last )?(?:updated|modified|last modified|edited|revised)"
_OTHER = r"(?:saved|retrieved|accessed|fetched|downloaded|captured|clipped|added)"
# the clock a label may print before its date, as US sites do: "Published 3:04 p.m. ET March 2, 2024"
_CLOCK = r"(?:[\s:,]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T))?)?"
_LABEL = re.compile(
    rf"(?:^|[^a-z])(?P<kind>{_UPDATED}|{_PUBLISHED}|{_OTHER})(?:\s+by\s+.{{1,80}}?\s+on)?(?:\s+(?:on|at))?"
    rf"{_CLOCK}(?:[\s:,]+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)?[\s:,|·•∙*_-]*$",
    re.I,
)
_FILLER = re.compile(
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:GMT|UTC|BST|CES?T|[ECMP][SD]?T)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
    r"|[+-]\d{2}:?\d{2}\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|\b\d+\s*min(?:ute)?s?\s+read\b|\bissue\s+(?:no\.?\s*)?\d+\b"
    r"|\b(?:at|on|updated|published|posted|last|modified)\b|[|·•∙,;:*_()\[\]/—–-]",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:By|BY|by|Words by|Von|Par|Por|Door)\s+([A-Z][\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]+|and|&|de|van|von|al-\w+))+.*)$"
)
_NAME = re.compile(
    r"^([A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|de|van|von|der|da|al)){1,3})(?:\s+in\s+[A-Z][\w .,’'-]*)?$"
)
_NAMES = re.compile(r"^[A-Z][\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]+|and|&|de|van|von|der|da|al-\w+)){1,8}$")
_NOT_NAMES = {"follow", "share", "listen", "subscribe", "advertisement", "menu", "search"}
_DATELINE_START = re.compile(r"^[A-Z][A-Z.’' -]{2,}[A-Z.],")  # "PORT ALVARO," "SPRINGDALE, Ark."
_DATELINE_END = re.compile(r"--|—|–| - |/[A-Za-z-]+/|\((?:AP|AFP|Reuters|UPI|BUSINESS WIRE|[A-Z][A-Za-z ]{1,20})\)")
_READ_TIME = re.compile(r"[\s|·•∙]*\d+\s*min(?:ute)?s?\s+read\s*$", re.I)
_AMERICAN = re.compile(r"\b\d{1,2}:\d{2}\s*[ap]\.?m\b|\b[ECMP][SD]T\b|\$\d", re.I)
_BRITISH = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:GMT|BST|CES?T)\b|\bGMT[+-]\d|[£€]\d")
_GLUED_WEEKDAY = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*$")
_MARKUP = re.compile(r"^(?:[>#*_\s-]+)|[*_]+$")


@dataclass
class Found:
    """What a file's header and footer lines say about its publication, and which lines said it."""

    published: PubDate | None = None
    updated: PubDate | None = None
    author: str | None = None
    dateline: bool = False  # the date is the one of the wire dateline opening the body, not of a date line
    credit: str | None = None  # the agency the opening wire dateline credits: "Reuters" for "(Reuters) -"
    used: set[int] = field(default_factory=set)  # lines that only carried these fields: not body text
    replaced: dict[int, str] = field(default_factory=dict)  # a line left once a date glued to it is cut off


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    value: dt.date | None  # None: a numeric date the file's cues cannot decide


def day_first(text: str) -> bool | None:
    """Whether the file writes numeric dates day first: a number above 12 decides, then the clock and money."""
    for match in _DATES[3].finditer(text):
        first, second = int(match["a"]), int(match["b"])
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    american, british = bool(_AMERICAN.search(text)), bool(_BRITISH.search(text))
    return None if american == british else british


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if FIRST_YEAR <= value.year <= LAST_YEAR else None


def dates_in(line: str, day_first: bool | None) -> list[_Date]:
    """The full dates a line prints, in order, none overlapping."""
    found: list[_Date] = []
    for pattern in _DATES:
        for match in pattern.finditer(line):
            if any(d.start < match.end() and match.start() < d.end for d in found):
                continue
            parts = match.groupdict()
            if parts.get("mn"):
                month, day = month_number(parts["mn"]) or 0, int(parts["d"])
            elif parts.get("a"):
                first, second = int(parts["a"]), int(parts["b"])
                if first > 12 or second > 12:
                    day, month = max(first, second), min(first, second)
                elif parts["sep"] == ".":
                    day, month = first, second  # 12.03.2024: dots are written day first everywhere
                elif day_first is None:
                    found.append(_Date(match.start(), match.end(), None))
                    continue
                else:
                    day, month = (first, second) if day_first else (second, first)
            else:
                month, day = int(parts["m"]), int(parts["d"])
            found.append(_Date(match.start(), match.end(), _make(int(parts["y"]), month, day)))
    return sorted(found, key=lambda d: d.start)


def _label(before: str) -> str | None:
    """'published', 'updated', 'other' (saved, retrieved …) or None, from the words just before a date."""
    match = _LABEL.search(before)
    if not match:
        return None
    kind = match["kind"].lower()
    if re.fullmatch(_OTHER, kind):
        return "other"
    return "updated" if re.fullmatch(_UPDATED, kind) else "published"


def _leads(line: str, dates: list[_Date], kinds: list[str | None]) -> bool:
    """Whether the line opens with its label ('Published …', 'By Ada Lin | Updated …'), as date lines do; a line
    of hard-wrapped prose that says 'published on' midway does not."""
    first = next(k for k, kind in enumerate(kinds) if kind)
    before = line[dates[first - 1].end if first else 0 : dates[first].start]
    match = _LABEL.search(before)
    offset = (dates[first - 1].end if first else 0) + (match.start("kind") if match else 0)
    prefix = line[:offset].strip(" |·•∙,;:-–—")
    return first > 0 or not prefix or _author(prefix) is not None


def _alone(lines: list[str], i: int) -> bool:
    """Whether a line stands alone, blank lines (or the file's edge) around it: a paragraph of its own."""
    return (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())


def _parted(line: str, dates: list[_Date]) -> str:
    """A line without its dates, its separators kept: where a byline's name ends and a place begins."""
    for date in reversed(dates):
        line = line[: date.start] + line[date.end :]
    return line.strip(" |·•∙,;:-–—")


def _rest(line: str, dates: list[_Date]) -> str:
    for date in reversed(dates):
        line = line[: date.start] + " " + line[date.end :]
    return " ".join(_FILLER.sub(" ", line).split())


def _author(text: str) -> str | None:
    text = _READ_TIME.sub("", text)  # "By Pieter de Wolf · 4 min read"
    byline = _BYLINE.match(text)
    if byline and len(byline.group(1).split()) <= 12:
        names = re.split(r"\s*[|·•,;]\s*", byline.group(1))[0].strip()
        return names if _NAMES.match(names) else None  # "By Tuesday night the council …" names nobody
    name = _NAME.match(text)
    if name and not {w.lower() for w in name.group(1).split()} & _NOT_NAMES:
        return name.group(1)
    return None


def _dateline(line: str, text: str, day_first: bool | None) -> dt.date | None:
    """The date of a wire dateline, 'CITY, Month D (Agency) —', its year taken from the copyright line or
    from another date the file prints with the same month."""
    if not _DATELINE_START.match(line):
        return None
    ends = list(_DATELINE_END.finditer(line[:160]))
    if not ends:
        return None
    head = line[: ends[-1].end()]
    full = [d for d in dates_in(head, day_first) if d.value and d.start < 60]
    if full:
        return full[0].value
    short = _MONTH_DAY.search(head)
    if not short or short.start() > 60:
        return None
    month, day = month_number(short["mn"]) or 0, int(short["d"])
    year = dateline_year(month, day, line, text)  # the copyright's, or the one whose weekday the story names
    years = [year] if year else []
    if not years:  # a full date a few days off, as a quoted post or a notice prints it; not an anniversary
        values = (d.value for d in dates_in(text, day_first))
        years = sorted(v.year for v in values if v and v.month == month and abs(v.day - day) <= NEAR_DAYS)[-1:]
    return _make(years[0], month, day) if years else None


def find_publication(lines: list[str], text: str, order_hint: bool | None = None) -> Found:
    """The publication and updated dates, and a byline's author, printed in a file's header lines (before
    the body's first long sentence) or footer lines: labelled lines ('Published …', 'Updated …', 'Posted:',
    'First published …', 'issued by … on …'), lines that are a date (with a weekday, a time, a zone, a read
    time, a byline), a date glued to the headline, and wire datelines. Published wins over updated, a
    labelled date over a bare one, and either over a dateline."""
    found = Found()
    order = day_first(text)
    order = order_hint if order is None else order  # the page's language, where the text's own dates cannot say
    filled = [i for i, line in enumerate(lines) if line.strip()]
    header: list[int] = []
    body_start: int | None = None
    for i in filled[:HEADER_LINES]:
        words = lines[i].split()
        if len(words) >= BODY_WORDS and re.search(r"[.!?”\"]$", lines[i].strip()):
            body_start = i
            break
        header.append(i)
    footer = [i for i in filled[-FOOTER_LINES:] if i not in header and i != body_start]
    labelled: dict[str, list[tuple[int, dt.date]]] = {"published": [], "updated": []}
    bare: list[tuple[int, dt.date]] = []
    for i in header + footer:
        line = _MARKUP.sub("", lines[i].strip()).strip()
        dates = dates_in(line, order)
        if not dates:
            if i in header and found.author is None and _BYLINE.match(line) and (author := _author(line)):
                found.author = author
                found.used.add(i)
            continue
        previous, kinds = 0, []
        for date in dates:
            kinds.append(_label(line[previous : date.start]))
            previous = date.end
        rest = _rest(line, dates)
        if any(kinds) and len(line.split()) <= LABELLED_WORDS and (_leads(line, dates, kinds) or _alone(lines, i)):
            for kind, date in zip(kinds, dates, strict=True):
                if kind in labelled and date.value:
                    labelled[kind].append((i, date.value))
                elif kind is None and date.value and i in header:
                    bare.append((i, date.value))
            found.used.add(i)
            if found.author is None and i in header and _BYLINE.match(rest):
                found.author = _author(rest)  # "By Lorraine Bishop | Published June 3, 2024"
        elif i in header and not any(kinds) and (not rest or (author := _author(rest))):
            bare += [(i, d.value) for d in dates if d.value]  # a date alone, or with a byline
            found.used.add(i)
            if found.author is None and rest:
                found.author = _author(_parted(line, dates)) or author  # "By Ada Lin | Brussels | 21.03.2024"
        elif i == filled[0] and len(dates) == 1 and dates[0].value and not _rest(line[dates[0].end :], []):
            headline = _GLUED_WEEKDAY.sub("", line[: dates[0].start]).strip()
            if len(headline.split()) >= 3:  # a headline with its date glued on, as aggregators print it
                bare.append((i, dates[0].value))
                found.replaced[i] = headline
    published = labelled["published"] or bare
    if published:
        found.published = PubDate(published[0][1])
    elif body_start is not None and (value := _dateline(lines[body_start].strip(), text, order)):
        found.published, found.dateline = PubDate(value), True
    if body_start is not None and _DATELINE_START.match(lines[body_start].strip()):
        found.credit = credit(lines[body_start])
    if labelled["updated"]:
        found.updated = PubDate(labelled["updated"][0][1])
        if found.published is None:
            found.published = found.updated  # an updated date is the best the file gives
    if found.published and found.author is None:
        _author_above(lines, filled, header, found)
    return found


def _author_above(lines: list[str], filled: list[int], header: list[int], found: Found) -> None:
    """A bare name on the line above the date line (or above a 'Follow' under it), after the headline:
    Substack, Medium and the Guardian print the author so."""
    first_used = min((i for i in found.used if i in header), default=None)
    if first_used is None:
        return
    position = filled.index(first_used)
    for i in reversed(filled[max(1, position - 2) : position]):
        line = lines[i].strip()
        if line.lower() in _NOT_NAMES or not _READ_TIME.sub("", line).strip():
            continue  # a button, or the read time Medium prints between the name and the date
        if author := _author(line):
            found.author = author
            found.used.add(i)
        return
