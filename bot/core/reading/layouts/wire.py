"""Wire copy: the year of a dateline that prints none, the agency that filed it, and the dateline kept out of
summaries ("KYIV, March 3 (Reuters) - Ukraine on Friday urged …")."""

from __future__ import annotations

import datetime as dt
import re

# The agencies whose credit a dateline or a sign-off carries, as they print it → the name the bot shows.
AGENCIES = {
    "reuters": "Reuters",
    "ap": "Associated Press",
    "afp": "AFP",
    "upi": "UPI",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "pa": "PA Media",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "aap": "AAP",
    "cp": "The Canadian Press",
    "business wire": "Business Wire",
    "prnewswire": "PR Newswire",
}
_AGENCY = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# "(Reuters)", "(AP) —", "/PRNewswire/" in a dateline; "— AFP", "(AP)" or "Reuters" alone closing the story.
_IN_DATELINE = re.compile(rf"\((?P<a>{_AGENCY})\)|/(?P<b>{_AGENCY})/", re.I)
_SIGN_OFF = re.compile(rf"^(?:[—–-]+\s*|\()?(?P<a>{_AGENCY})\)?\.?$", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:on\s+)?(" + "|".join(w.capitalize() for w in _WEEKDAYS) + r")\b")
# Years the story names: "in November 2022", "since 2019"; not money, counts or parts of numbers.
_YEAR = re.compile(r"(?<![\d,.$£€#/-])(?:19[5-9]\d|20\d\d)(?![\d%]|,\d|\.\d)")
_DATELINE = re.compile(
    r"^[A-Z][A-Z.’' -]{2,}[A-Z.],[^!?]{0,60}?(?:--|—|–| - |/[A-Za-z-]+/ ?-?|\([A-Za-z ]{1,25}\)\s*[-—–]*)\s*"
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(\d{4})\b", re.I)


def credit(line: str) -> str | None:
    """The agency a dateline credits: 'Reuters' for 'KYIV, March 3 (Reuters) -'."""
    match = _IN_DATELINE.search(line[:160])
    return AGENCIES[(match["a"] or match["b"]).lower()] if match else None


def sign_off(lines: list[str]) -> str | None:
    """The agency a story's last lines name on their own ('— AFP', '(AP)')."""
    for line in lines[-3:]:
        match = _SIGN_OFF.match(line.strip())
        if match:
            return AGENCIES[match["a"].lower()]
    return None


# Lines that credit the outlet in words: "SOURCE: AL JAZEERA AND NEWS AGENCIES", "This report by The Northern
# Press was first published …", "The press release issued by the Department for X on 31 August 2023."
_CREDIT_LINES = (
    re.compile(r"^source:\s*(?P<name>[^,;]{2,60}?)(?:\s+and\s+(?:news\s+)?agencies)?\.?$", re.I),
    re.compile(r"^this (?:report|story|article) by (?P<name>.{2,60}?) was (?:first |originally )?published\b", re.I),
    re.compile(r"\b(?:press|news|media) release issued by (?:the )?(?P<name>[A-Z].{2,60}?) on \d", re.I),
)
_SMALL = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by"}


def credit_line(lines: list[str]) -> str | None:
    """The outlet a credit line names, among a story's first and last lines."""
    for line in lines[:4] + lines[-4:]:
        for pattern in _CREDIT_LINES:
            match = pattern.search(line.strip())
            if match:
                name = match.group("name").strip()
                if name.isupper():
                    words = name.lower().split()
                    name = " ".join(w if i and w in _SMALL else w.capitalize() for i, w in enumerate(words))
                return name
    return None


def without_dateline(text: str) -> str:
    """A lead sentence without the wire dateline that opens it: 'Ukraine on Friday urged …'."""
    match = _DATELINE.match(text)
    if not match or len(text) - match.end() < 20:
        return text
    rest = text[match.end() :]
    return rest[:1].upper() + rest[1:]


def _named_weekday(line: str) -> int | None:
    """The weekday the dateline's paragraph says the news happened on ('Ukraine on Friday urged')."""
    match = _WEEKDAY.search(line)
    return _WEEKDAYS.index(match.group(1).lower()) if match else None


def dateline_year(month: int, day: int, line: str, text: str) -> int | None:
    """The year of a dateline that prints only its month and day: the copyright line's year; else, of the
    latest year the story names and the one after it (a story looks back on last year's events at most),
    the one in which the day falls on the weekday its first paragraph names, or, with no weekday, the
    latest year named when the day does not come before a month of it the story names."""
    copyright_year = _COPYRIGHT.search(text)
    if copyright_year:
        return int(copyright_year.group(1))
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return None
    latest = max(years)
    weekday = _named_weekday(line)
    if weekday is not None:
        for year in (latest, latest + 1):
            try:
                if dt.date(year, month, day).weekday() == weekday:
                    return year
            except ValueError:
                continue
    return None
