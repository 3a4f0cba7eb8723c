"""An estimated publication date for an article that states none, read from the dates its text mentions."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from bot.core.article import PubDate
from bot.core.dates.events import clause_span, clause_tense, resolve
from bot.core.dates.mentions import sentence_mentions
from bot.core.dates.rules import Mention

if TYPE_CHECKING:
    from bot.core.article import Article

# "the 75th anniversary of NATO's founding" dates the article only if we know when the thing began.
_FOUNDED = {
    "nato": 1949,
    "the north atlantic treaty organization": 1949,
    "the united nations": 1945,
    "the un": 1945,
    "d-day": 1944,
    "the european union": 1993,
    "the eu": 1993,
}
_ANNIVERSARY = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th) anniversary of (?:the founding of )?"
    r"(NATO|the North Atlantic Treaty Organization|the United Nations|the UN|D-Day|"
    r"the European Union|the EU)\b"
)
# An American presidential election still ahead of the writer falls in the next year divisible by four.
_COMING_ELECTION = re.compile(
    r"\b(?:this (?:fall|autumn|year|November)['’]s|the (?:upcoming|coming|forthcoming|"
    r"next) (?:US |U\.S\. |American )?|November['’]s) presidential election",
    re.I,
)
_NARROW_ENOUGH = 2  # months of doubt left at most for a month-level estimate


def _hint_years(text: str, latest_past: int | None) -> list[int]:
    years = [
        founded + int(number) for number, name in _ANNIVERSARY.findall(text) if (founded := _FOUNDED.get(name.lower()))
    ]
    if latest_past and _COMING_ELECTION.search(text):
        years.append(latest_past + (-latest_past) % 4)
    return years


def _mentions_with_tense(article: Article) -> list[tuple[Mention, str]]:
    found = []
    for sentence, mentions in sentence_mentions(article.body, article.sentences, article.lowered_body):
        for mention in mentions:
            low, high = clause_span(sentence.text, mention.start)
            found.append((mention, clause_tense(sentence.text[low:high])))
    return found


def _month_within(year: int, mentions: list[tuple[Mention, str]]) -> int | None:
    """The month of `year` after every past month named and before every coming one, if that is narrow."""
    anchor = PubDate(dt.date(year, 1, 1), "year", "estimated")  # only the year is known so far
    after, before = 0, 13
    for mention, tense in mentions:
        if mention.granularity not in ("day", "month", "season"):
            continue
        if mention.relation not in ("absolute", "bare", "this") or mention.weekday is not None:
            continue  # "last month" or "on Friday" says nothing until the month is known
        period = resolve(mention, anchor, None, tense)[0]
        if period is None or period.first.year != year:
            continue
        if tense == "past":
            ended = period.first if mention.modifier == "start" else period.last
            after = max(after, ended.month if ended.year == year else 12)
        else:
            before = min(before, period.first.month)
    if after and before < 13 and 0 <= (before - 1) - (after + 1) <= _NARROW_ENOUGH - 1:
        return after + 1
    return None


def estimate_published(article: Article) -> PubDate | None:
    """c. the year (or month) after the latest past event the article mentions; None when it mentions none."""
    mentions = _mentions_with_tense(article)
    past_years = [
        resolve(m, None, None, tense)[0].last.year
        for m, tense in mentions
        if m.relation == "absolute" and tense == "past" and m.granularity != "decade"
    ]
    latest_past = max(past_years, default=None)
    year = max([y for y in [latest_past, *_hint_years(article.body, latest_past)] if y], default=None)
    if year is None:
        return None
    month = _month_within(year, mentions)
    if month:
        return PubDate(dt.date(year, month, 1), "month", "estimated")
    return PubDate(dt.date(year, 1, 1), "year", "estimated")
