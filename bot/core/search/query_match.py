"""A query plan matched against a text, as search matches articles: for timelines, dated passages and quotes."""

from __future__ import annotations

from bot.core.search.index import QueryPlan
from bot.core.search.vocabulary import TOKEN, Vocabulary, canonical, tokens


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
