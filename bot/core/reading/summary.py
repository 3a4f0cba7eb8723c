"""Faithful summaries: what the author wrote to sum up, else the lead sentences."""

from __future__ import annotations

import re

from bot.core.article import Article, suspect
from bot.core.reading.layouts.wire import without_dateline
from bot.core.text import normalized

# Lead-3 beats graph rankers on news (ROUGE-1 ≈ 40 vs ≈ 35–36 on CNN/DailyMail), so no TextRank here.
LEAD_SENTENCES = 2
_MAX_LEAD_CHARS = 600


def _is_heading(text: str) -> bool:
    """A crosshead or caption inside the body ("An old man’s delusions"): short, without end punctuation."""
    return len(text.split()) <= 8 and not re.search(r"[.!?…”\"’)]$", text)


def lead_sentences(article: Article, count: int = LEAD_SENTENCES) -> str:
    """The first sentences of the body, skipping headings and anything that repeats a header line."""
    header = {
        normalized(line)
        for line in (article.headline, article.standfirst, *article.replaced.values())
        if isinstance(line, str) and line
    }
    chosen: list[str] = []
    for sentence in article.sentences:
        if len(chosen) == count or sum(len(s) for s in chosen) > _MAX_LEAD_CHARS:
            break
        if _is_heading(sentence.text) or normalized(sentence.text) in header:
            continue
        chosen.append(sentence.text)
    return without_dateline(" ".join(chosen))  # "KYIV, March 3 (Reuters) - " is no part of what happened


def summary_source(article: Article) -> str:
    """Where the summary comes from: 'standfirst', 'lead paragraph' or 'lead sentences'."""
    if article.standfirst and not suspect(article, "standfirst"):
        return "standfirst"
    if article.lead:
        return "lead paragraph"
    return "lead sentences"


def summary(article: Article, sentences: int = LEAD_SENTENCES) -> str:
    """What the author wrote to sum up the article, else its lead sentences; never a flagged header line."""
    source = summary_source(article)
    if source == "standfirst":
        return article.standfirst or ""
    if source == "lead paragraph":
        return article.lead or ""
    return lead_sentences(article, sentences)
