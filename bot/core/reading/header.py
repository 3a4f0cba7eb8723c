"""The lines around a news file's headline that are not the article: site debris, mastheads, labelled fields."""

from __future__ import annotations

import re

# Lines a saved page, an e-mail or a wire export prints around the article: navigation, sharing, paywall
# marks, release labels. Matched whole (case and trailing dots aside), so body text never is.
_DEBRIS = re.compile(
    r"(?:skip to (?:main )?(?:content|navigation|site index|search)|menu|search|sign in|log ?in|sign up|"
    r"subscribe|share|share this (?:article|story|page)|share full article|copy link|e-?mail|print|follow|"
    r"listen|listen to this (?:article|story)|advertisement|advertising|sponsored|for immediate release|"
    r"(?:news|press|media) release|view (?:this email|it) in your browser|read original|∙? ?paid|"
    r"member-only(?: story)?|credit|comments?|\d+(?: comments?)?|home|close|\d+ min(?:ute)?s?(?: read)?)",
    re.I,
)
_REPORTING_FROM = re.compile(r"^Reporting from\s", re.I)
_BREADCRUMB = re.compile(r"\S\s+[>›»]\s+\S.*\s[>›»]\s")
_URL_LINE = re.compile(r"^(?:\[)?https?://\S+$")
# "HED: …", "Title: …", "BYLINE: …": fields a newsroom export or a reader view labels. Field names map to
# the Article's; None: a field the bot has no use for (the line is still no body text).
_FIELD = re.compile(r"^([A-Za-z][A-Za-z ]{1,14}):\s*(.+)$")
LABELLED_FIELDS: dict[str, str | None] = {
    "hed": "headline",
    "headline": "headline",
    "title": "headline",
    "dek": "standfirst",
    "subhead": "standfirst",
    "subtitle": "standfirst",
    "byline": "author",
    "author": "author",
    "by": "author",
    "feed": "publication",
    "source": "publication",
    "publication": "publication",
    "slug": None,
    "length": None,
    "words": None,
    "editor": None,
    "status": None,
    "link": None,
    "url": None,
    "rss feed": None,
    "language": None,
    "tags": None,
    "category": None,
}
_LABEL_PREFIX = re.compile(r"^(?:press release|news release|media release)\s*[:|–—-]\s*", re.I)
_BRACKETED_DATE = re.compile(r"\s*\[[A-Za-z]+\.? \d{4}\]$|\s*\[\d{4}-\d{2}(?:-\d{2})?\]$")


def is_debris(line: str) -> bool:
    """Whether a header line is site furniture: navigation, share buttons, labels, counts, breadcrumbs."""
    text = line.strip().rstrip(".…").strip()
    return bool(
        _DEBRIS.fullmatch(text) or _REPORTING_FROM.match(text) or _BREADCRUMB.search(text) or _URL_LINE.match(text)
    )


def labelled_field(line: str) -> tuple[str | None, str] | None:
    """('headline', 'Heat Forces …') for 'HED: Heat Forces …'; (None, …) for a known field the bot drops;
    None when the line is no labelled field."""
    match = _FIELD.match(line.strip().lstrip("#-* ").strip())
    if not match or match.group(1).strip().lower() not in LABELLED_FIELDS:
        return None
    name = LABELLED_FIELDS[match.group(1).strip().lower()]
    value = match.group(2).strip()
    if name in ("author", "publication"):
        value = re.split(r"\s*[,|·•]\s*", value)[0].rstrip(".")
    return name, value


MASTHEAD_ECHO_WORDS = 10  # a masthead is printed again in a short line (a footer), not in a body paragraph


def is_masthead(line: str, text: str) -> bool:
    """A short line above the headline that the file prints again in another short line (a footer's
    copyright, a 'Subscribe to …', a breadcrumb): the publication's name, not the headline."""
    words = line.split()
    if not 1 < len(words) <= 4:
        return False
    name = re.sub(r"^the\s+", "", line.strip(), flags=re.I).lower()
    elsewhere = [
        other
        for other in text.lower().split("\n")
        if name in other and other.strip() != line.strip().lower() and len(other.split()) <= MASTHEAD_ECHO_WORDS
    ]
    return bool(elsewhere)


def clean_headline(line: str) -> str:
    """A headline without the release label before it or the bracketed date after it."""
    return _BRACKETED_DATE.sub("", _LABEL_PREFIX.sub("", line)).strip()
