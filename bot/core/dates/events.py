"""Time expressions in article text as events, resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from bot.core.dates.anchoring import Direction, Tense, absolute, from_anchor, from_previous, period_at
from bot.core.dates.mentions import sentence_mentions
from bot.core.dates.rules import Mention
from bot.core.dates.story_time import OwnDays, from_story, is_history, tells_its_own_time
from bot.core.periods import Period, narrowed, year_period

if TYPE_CHECKING:
    from bot.core.article import Article, PubDate

Granularity = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade"]
Modifier = Literal["start", "mid", "end"] | None

GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 3, "year": 4, "decade": 5}
# Words that put a clause in the future (or in a plan), whatever the tense of its other verbs; not a plan
# that "had been" made, nor "faster than expected to", nor "due to the weather".
_FUTURE = re.compile(
    r"\b(?<!had been )(?<!than )(?:will|won['’]t|shall|going to|expected to|set to|plans? to|planned to|aims? to|"
    r"intends? to|poised to|is to|are to|due to(?! (?:the|a|an|its|his|her|their|our|this|that|higher|lower)\b)|"
    r"(?:is|are) due (?:by|on|before)|(?:is|are) forecast (?:for|to)|"
    r"scheduled|upcoming|coming|should|must|need to|might|(?-i:may))\b|['’]ll\b",
    re.I,
)
# What a proposal "would" do is ahead ("The proposal would move the bell from the autumn"); tried only on
# clauses with "would", so the common test above stays as cheap as it was.
_PLAN_WOULD = re.compile(r"\b(?:proposal|plan|bill|measure|change|rule|law|deal|policy)s? would\b", re.I)
# How many sentences after a quarter is named "a year earlier" still means that quarter a year before.
_QUARTER_REACH = 3
_WORD = re.compile(r"\S+")
# Where a clause ends (clause_span passes over a clock's colon: "8:30 a.m.").
_CLAUSE_BREAK = re.compile(r"\s*(?:;|—|–|:|\(|\)|\s-\s|,\s+(?=(?:but|while|whereas|although|though|and)\s))\s*")


@dataclass(frozen=True)
class Event:
    """A dated mention: the expression, the period it names, and what happened then."""

    article_id: str
    text: str
    start: int  # offsets of the expression in Article.body
    end: int
    sentence: str
    description: str
    first: dt.date | None  # the period the expression names, inclusive; None when unresolved
    last: dt.date | None
    granularity: Granularity
    modifier: Modifier = None
    approximate: bool = False
    tense: Tense = "past"
    kind: Literal["mention", "published"] = "mention"
    value: str | None = None  # TIMEX3-style: 2022-09-05, 2022-W37, 2022-09, 2022-SU, 2022-Q1, 2022, 200X

    @property
    def resolved(self) -> bool:
        return self.first is not None


# A date beside a reporting verb dates the report: "Bush said Tuesday the US may extend the quarantine".
_REPORTED = re.compile(
    r"\b(?:said|told|announced|reported|added|noted|declared|stated|warned|claimed|confirmed|denied|"
    r"disclosed|insisted|acknowledged|explained|wrote)\b"
)
_NEAR = 30  # characters either side of the expression
_SINCE = re.compile(
    r"\b(?:ever\s+)?since\s+(?:early\s+|late\s+|mid-?\s*|the\s+)?$", re.I
)  # "since January": a start past


def clause_tense(clause: str, start: int | None = None, end: int | None = None) -> Tense:
    """'expected' when the clause speaks of the future; with the expression's span in it, 'past' all the
    same when a reporting verb sits right beside it."""
    if start is not None and end is not None and _REPORTED.search(clause, max(0, start - _NEAR), end + _NEAR):
        return "past"
    if start is not None and _SINCE.search(clause, max(0, start - _NEAR), start):
        return "past"
    if _FUTURE.search(clause) or ("would" in clause and _PLAN_WOULD.search(clause)):
        return "expected"
    return "past"


def clause_span(sentence: str, start: int) -> tuple[int, int]:
    """The clause of a sentence that holds the character at `start`, between dashes, semicolons, brackets."""
    low, high = 0, len(sentence)
    for brk in _CLAUSE_BREAK.finditer(sentence):
        if (
            brk.group() == ":"
            and sentence[brk.start() - 1 : brk.start()].isdigit()
            and sentence[brk.end() : brk.end() + 1].isdigit()
        ):
            continue  # a clock's colon: "8:30"
        if brk.end() <= start:
            low = brk.end()
        elif brk.start() > start:
            high = brk.start()
            break
    return low, high


def describe(sentence: str, start: int, end: int, most: int = 20, clause: tuple[int, int] | None = None) -> str:
    """What happened: the clause around the expression (its span, when known), trimmed to about 12–20 words."""
    low, high = clause or clause_span(sentence, start)
    if len(sentence[low:high].split()) < 8:
        low, high = 0, len(sentence)
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence[low:high])]
    if len(words) > most:
        at = next((i for i, (_, b) in enumerate(words) if low + b > start), len(words) - 1)
        first = max(0, min(at - 8, len(words) - most))
        words = words[first : first + most]
    text = sentence[low + words[0][0] : low + words[-1][1]].strip(" ,;")
    if low + words[0][0] > 0:
        text = "…" + text
    if low + words[-1][1] < len(sentence.rstrip(' .!?■”"')):
        text = text.rstrip(".,;") + "…"
    return text


def resolve(
    mention: Mention,
    published: PubDate | None,
    previous_year: int | None,
    tense: Direction,
    previous: Period | None = None,
    story: Period | None = None,
) -> tuple[Period | None, bool]:
    """The period a mention names and whether it is approximate; (None, False) when nothing anchors it.
    `previous_year` and `previous`: the last year and the last period the text named before it; `story`:
    the story's last full date, when the mention counts from it (see story_time.tells_its_own_time)."""
    if story is not None:
        period, approximate = from_story(mention, story), False
    else:
        period, approximate = _resolve(mention, published, previous_year, tense, previous)
    if period is None or mention.granularity == "century":
        return period, approximate  # a century's part is cut when it is built
    return narrowed(period, mention.modifier), approximate


def _resolve(
    mention: Mention, published: PubDate | None, previous_year: int | None, tense: Direction, previous: Period | None
) -> tuple[Period | None, bool]:
    if mention.relation == "absolute":
        try:
            return absolute(mention), False
        except ValueError:
            return None, False  # election day in an odd year
    if mention.relation == "anaphoric":
        if mention.month or mention.season:
            return None, False  # "the following spring" with no date before it to follow
        if mention.granularity == "year":
            return (year_period(previous_year + mention.offset), False) if previous_year else (None, False)
        period = from_previous(mention, previous) if previous else None
        if period is None and mention.granularity == "quarter" and published is not None:
            # "the quarter" with none named before: the one just reported, the latest ended
            period = from_anchor(replace(mention, relation="last"), published.period(), tense)
            return period, published.provenance == "estimated"
        return period, False
    if mention.relation == "current" and previous is not None and previous.granularity == "day":
        if previous.first == previous.last:
            return previous, False  # "Stocks fell on Monday … to end the day at 7,114"
    if published is None:
        return None, False
    if mention.relation == "current":
        mention = replace(mention, relation="ago")  # the day of writing
    anchor = published.period()
    try:
        period = from_anchor(mention, anchor, tense)
    except (IndexError, StopIteration):
        return None, False  # "February 29" with no leap year around the anchor
    estimated = published.provenance == "estimated"
    finer = GRANULARITY_RANK[period.granularity] < GRANULARITY_RANK[anchor.granularity]
    if finer and not (mention.month or mention.season or mention.holiday):
        # A relative day or week is no finer than the estimate it counts from ("this week" in "c. Jul 2024").
        period = period_at(anchor.granularity, period.first)
    if finer and not (anchor.first <= period.first and period.last <= anchor.last):
        # counted from a month or a year (a guess, or all the catalog knows), it stays inside it: "Wednesday"
        # in c. 2022 is c. 2022, not a day of 2021
        period = anchor
    return period, estimated


def _final_tense(period: Period | None, published: PubDate | None, clause_says: Tense) -> Tense:
    if period and published:
        anchor = published.period()
        if period.first > anchor.last:
            return "expected"
        if period.last < anchor.first:
            return "past"
    return clause_says


def published_event(article: Article) -> Event:
    published = article.published
    period = published.period()
    return Event(
        article_id=article.id,
        text=published.label(),
        start=0,
        end=0,
        sentence="",
        description=f"Published: {article.headline}",
        first=period.first,
        last=period.last,
        granularity=period.granularity,
        approximate=published.provenance == "estimated",
        kind="published",
        value=period.value,
    )


def _a_year_back(mention: Mention) -> bool:
    """'A year ago', 'a year earlier', 'the year-ago period'."""
    return mention.granularity == "year" and mention.offset == -1 and mention.relation in ("ago", "anaphoric")


def _year_before(mention: Mention) -> bool:
    """A year back or 'last year': after a quarter, that quarter a year before."""
    return _a_year_back(mention) or (mention.granularity == "year" and mention.relation == "last")


def _dates_the_story(mention: Mention, period: Period) -> bool:
    """A date named in full ("28 July 1914", "in 1997", "a year later"): the time a narrative goes on from."""
    if period.granularity == "decade":
        return False
    return mention.relation == "absolute" or (mention.relation == "anaphoric" and mention.granularity == "year")


def extract_events(article: Article) -> list[Event]:
    """Every dated mention of an article, plus its publication, in reading order."""
    events: list[Event] = [published_event(article)] if article.published else []
    previous_year: int | None = None
    previous: Period | None = None  # the last period named finer than a year, for "the next day"
    quarter: tuple[int, Period] | None = None  # the last quarter named, with its sentence's number
    story: tuple[int, Period] | None = None  # the story's last full date, with its sentence's number
    found = list(sentence_mentions(article.body, article.sentences, article.lowered_body))
    history = is_history(found, article.published)
    own_days = OwnDays(article.paragraphs, article.body, article.published)
    for number, (sentence, mentions) in enumerate(found):
        if own_days.corrected(sentence):
            break  # an appended correction: what it retracts is no event
        published = own_days.published(sentence)  # a thread's post counts from its own day
        for mention in mentions:
            if own_days.stamped(sentence, mention):
                continue  # the post's own timestamp
            mention = own_days.ordered(mention)
            low, high = clause_span(sentence.text, mention.start)
            clause = sentence.text[low:high]
            tense = clause_tense(clause, mention.start - low, mention.end - low)
            since = number - story[0] if story else 0
            own = (
                story[1] if story and tells_its_own_time(mention, story[1], since, history, published, tense) else None
            )
            period, approximate = resolve(mention, published, previous_year, tense, previous, own)
            if period is not None and (own is not None or _dates_the_story(mention, period)):
                story = (number, period)
            year_before = (
                period is not None and quarter and number - quarter[0] <= _QUARTER_REACH and _year_before(mention)
            )
            if year_before:
                # "profit rose in the third quarter from $3 million a year earlier": that quarter, a year before
                last = quarter[1]
                period = period_at("quarter", last.first.replace(year=last.first.year - 1))
            if mention.relation == "anaphoric" and period is None:
                continue  # "that year" with no year before it points nowhere we can tell
            if period is not None and period.granularity != "decade" and not _a_year_back(mention):
                # the year "a year earlier" counts from stays put: in results, each compares with the same year
                previous_year = period.first.year
            if period is not None and period.granularity in ("day", "week", "month", "quarter") and not year_before:
                previous = period
            if period is not None and period.granularity == "quarter" and not year_before:
                quarter = (number, period)
            events.append(
                Event(
                    article_id=article.id,
                    text=mention.text,
                    start=sentence.start + mention.start,
                    end=sentence.start + mention.end,
                    sentence=sentence.text,
                    description=describe(sentence.text, mention.start, mention.end, clause=(low, high)),
                    first=period.first if period else None,
                    last=period.last if period else None,
                    granularity=period.granularity if period else mention.granularity,
                    modifier=mention.modifier,
                    approximate=approximate,
                    tense=_final_tense(period, published, tense),
                    value=period.value if period else None,
                )
            )
    return events
