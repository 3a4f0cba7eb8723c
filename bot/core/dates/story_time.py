"""The story's own time: a narrative's year-less dates ("On 7 August", "in June", "the following spring")
counted from the last date it named in full, not from the day it was published."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.dates.anchoring import candidates
from bot.core.dates.rules import Mention
from bot.core.dates.story_rules import numeric_day_first
from bot.core.periods import Period

if TYPE_CHECKING:
    from bot.core.article import PubDate
    from bot.core.text import Sentence

# A date this many years or more from the publication is of another time than the news's.
HISTORY_YEARS = 2
# A history names at least this many dates of another time, and more of them than dates of its own time and
# words that count from the day of writing ("today", "last week", "on Friday") together: news with a past
# ("since 2014", "in 1980 he flew") names its own time more often than it names the past.
HISTORY_MENTIONS = 3
RECENT_SENTENCES = 2  # outside a history, a past day or month lends its year only this many sentences on
_FULL = ("day", "month", "season", "year")
_FINE = ("day", "week", "month", "season")


def is_history(found: Sequence[tuple[object, list[Mention]]], published: PubDate | None) -> bool:
    """Whether a text tells of another time than its own (see HISTORY_MENTIONS)."""
    if published is None:
        return True
    far = own = 0
    for _, mentions in found:
        for mention in mentions:
            if mention.relation == "absolute" and mention.granularity in _FULL and mention.year:
                if abs(published.value.year - mention.year) >= HISTORY_YEARS:
                    far += 1
                else:
                    own += 1
            elif mention.relation in ("ago", "this", "last", "next") or mention.weekday is not None:
                own += 1
    return far >= HISTORY_MENTIONS and far > own


def tells_its_own_time(
    mention: Mention, story: Period, sentences_since: int, history: bool, published: PubDate | None, tense: str
) -> bool:
    """Whether a year-less date counts from the story's last full date rather than from the publication:
    "the following spring", "that June" always; "On 7 August", "in June" after a day or a month of another
    time than the news's (a history's, or one named in the last sentences), or after a year of it named in
    the same sentence of a history ("In 1914, in June …"). Never in a clause about what is to come; and
    weekdays, quarters and feasts count from the publication, as news counts them ("since 2014 … in
    November" is still the news's November)."""
    if tense == "expected" or mention.relation not in ("bare", "anaphoric"):
        return False
    if mention.relation == "anaphoric":
        return bool(mention.month or mention.season)  # not "that month", which counts from the last date
    if mention.quarter or mention.half or mention.holiday or mention.weekday is not None:
        return False
    if published is not None and abs(published.value.year - story.first.year) < HISTORY_YEARS:
        return False
    if story.granularity in _FINE:
        return history or sentences_since <= RECENT_SENTENCES
    return history and sentences_since == 0


def _gap(period: Period, story: Period) -> int:
    if period.first > story.last:
        return (period.first - story.last).days
    return max(0, (story.first - period.last).days)


def from_story(mention: Mention, story: Period) -> Period | None:
    """A year-less date placed in the story's time: the occurrence nearest its last date (within its year
    when that date is a year); 'the following spring' the first after it, 'the previous winter' the last
    before it, 'that summer' the one of its year."""
    options = candidates(mention, story.first.year)
    if not options:
        return None
    if mention.relation == "anaphoric" and mention.offset > 0:
        return next((p for p in options if p.first > story.last), None)
    if mention.relation == "anaphoric" and mention.offset < 0:
        return next((p for p in reversed(options) if p.last < story.first), None)
    if story.granularity in ("year", "decade"):
        return next((p for p in options if p.first.year == story.first.year), None)
    return min(options, key=lambda p: (_gap(p, story), p.first < story.first))


_POST = re.compile(r"\[(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}\] [^:]{1,40}: ")
# A note appended to correct the article: what it retracts is no event, and its date is not the story's.
_CORRECTION = re.compile(
    r"^(?:\W*(?:correction|clarification|corrections and clarifications)\b[^:]{0,60}:"
    r"|(?:this|an earlier version of this) (?:article|story|report|piece)\b.{0,80}?"
    r"\b(?:amended|corrected|said|stated|misstated)\b)",
    re.I,
)
CORRECTION_PARAGRAPHS = 3  # a correction note is one of the last paragraphs


def post_days(paragraphs: Sequence[str]) -> dict[int, tuple[dt.date, int]]:
    """A thread's posts, by paragraph: the day each was posted and the body offset where its text begins
    (after the stamp "[2024-03-12 09:14] Name: " the thread reader writes)."""
    found, offset = {}, 0
    for number, paragraph in enumerate(paragraphs):
        if paragraph.startswith("[") and (match := _POST.match(paragraph)):
            found[number] = (dt.date.fromisoformat(match.group(1)), offset + match.end())
        offset += len(paragraph) + 2  # PARAGRAPH_SEPARATOR
    return found


def correction_from(paragraphs: Sequence[str]) -> int | None:
    """The paragraph where an appended correction note begins, among the last few; None when there is none."""
    start = max(1, len(paragraphs) - CORRECTION_PARAGRAPHS)
    return next((n for n in range(start, len(paragraphs)) if _CORRECTION.match(paragraphs[n])), None)


class OwnDays:
    """What in an article counts from a day of its own rather than from the publication: a thread's posts,
    each from the day it was posted; numeric dates read in the order the article writes them; and an
    appended correction note, whose retracted details are no events."""

    def __init__(self, paragraphs: Sequence[str], body: str, published: PubDate | None) -> None:
        self._published = published
        self._posts = post_days(paragraphs) if paragraphs and paragraphs[0].startswith("[") else {}
        self._correction = correction_from(paragraphs)
        self._body = body
        self._day_first: bool | None = None  # decided when a date needs it

    def corrected(self, sentence: Sentence) -> bool:
        return self._correction is not None and sentence.paragraph >= self._correction

    def published(self, sentence: Sentence) -> PubDate | None:
        post = self._posts.get(sentence.paragraph)
        if post is None or self._published is None:
            return self._published
        return type(self._published)(post[0])

    def stamped(self, sentence: Sentence, mention: Mention) -> bool:
        post = self._posts.get(sentence.paragraph)
        return post is not None and sentence.start + mention.start < post[1]

    def ordered(self, mention: Mention) -> Mention:
        """'3/4/2023' as 3 April in an article that writes its dates day first, else as 4 March."""
        if not mention.either_order:
            return mention
        if self._day_first is None:
            self._day_first = numeric_day_first(self._body)
        return mention if self._day_first else replace(mention, day=mention.month, month=mention.day)
