"""The story's own time: a narrative's year-less dates ("On 7 August", "in June", "the following spring")
counted from the last date it named in full, not from the day it was published."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.dates.anchoring import candidates
from bot.core.dates.rules import Mention
from bot.core.periods import Period

if TYPE_CHECKING:
    from bot.core.article import PubDate

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
