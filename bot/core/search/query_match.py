"""A query plan matched against a text, as search matches articles: for timelines, dated passages and quotes;
and whether a query holds anything to match at all."""

from __future__ import annotations

import re

from bot.core.lexicon import QUERY_FILLER, STOPWORDS
from bot.core.search.index import QueryPlan, SearchIndex, headline_key
from bot.core.search.vocabulary import TOKEN, Vocabulary, canonical, tokens

# A chunk of a query that is a file path or an address, not words: '../../etc/passwd', '/etc', 'C:\x', 'a://b'.
_PATH = re.compile(r"^(?:\.{1,2}[/\\]|[/\\~]|[a-z]:[/\\])|[/\\]\.{1,2}(?:[/\\]|$)|\\|://", re.I)


def searchable(query: str) -> str:
    """The query without the chunks that are paths or addresses: their parts ('passwd') are no words to find."""
    return " ".join(chunk for chunk in query.split() if not _PATH.search(chunk))


def nothing_to_match(index: SearchIndex, query: str) -> str | None:
    """Why a query holds nothing to look for ('the', '?!', '../../etc/passwd'), as the end of a sentence about
    it; None when it holds words."""
    kept = searchable(query)
    words = [canonical(w) for w in TOKEN.findall(kept.lower())]
    if any(w not in STOPWORDS and w not in QUERY_FILLER for w in words):
        return None
    if index.suggester.rows_with_key(headline_key(query)):
        return None  # a headline typed in full, however plain its words
    if kept != " ".join(query.split()) and not words:
        return "looks like a file path or an address, not words to look for"
    if not words:
        return "has no words in it"
    return "has only words that every article uses"


def groups_matched(vocabulary: Vocabulary, plan: QueryPlan, text: str) -> int:
    """How many of the plan's query words a text holds, in any of their forms, spellings or corrections."""
    present = {vocabulary.ids.get(term, -1) for term in tokens(text)}
    return sum(any(term_id in present for term_id, _ in group) for group in plan.groups)


def text_matches(vocabulary: Vocabulary, plan: QueryPlan, text: str) -> bool:
    """Whether a text holds every query word of the plan, exactly as a search matches them."""
    return bool(plan.groups) and groups_matched(vocabulary, plan, text) == len(plan.groups)


def matched_offsets(vocabulary: Vocabulary, plan: QueryPlan, text: str) -> list[int]:
    """Where in a text the words that match the plan begin."""
    wanted = plan.term_ids
    return [m.start() for m in TOKEN.finditer(text) if vocabulary.ids.get(canonical(m.group().lower()), -1) in wanted]
