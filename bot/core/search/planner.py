"""A query as the index understands it: each word's corpus terms, its spellings, inflections and corrections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.lexicon import QUERY_FILLER, STOPWORDS
from bot.core.search.english import inflections, is_real_word
from bot.core.search.rows import headline_key
from bot.core.search.vocabulary import TOKEN, Vocabulary, canonical

INFLECTION_WEIGHT = 0.8  # another form of a typed word (drone → drones) counts a little less than the form typed
_MODEL_NAME = re.compile(r"([a-z]{1,4})(\d{1,4})")


@dataclass
class QueryPlan:
    """A query as the index understands it: groups of alternative terms, and the spellings it corrected."""

    text: str
    groups: list[list[tuple[int, float]]] = field(default_factory=list)  # per query word: (term id, weight)
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → corpus word
    unknown: list[str] = field(default_factory=list)  # words with no match in the corpus at all
    key: str = ""  # the headline key of the whole query

    @property
    def term_ids(self) -> set[int]:
        return {term_id for group in self.groups for term_id, _ in group}

    def corrected_text(self) -> str:
        return " ".join(self.corrections.get(w, w) for w in TOKEN.findall(self.text.lower()))


def _letters_and_digits(word: str) -> list[str] | None:
    """'f16' → ['f', '16'], 'su27' → ['su', '27']: a model name typed without its hyphen."""
    match = _MODEL_NAME.fullmatch(word)
    return [match.group(1), match.group(2)] if match else None


def plan_query(vocabulary: Vocabulary, query: str) -> QueryPlan:
    """Map each query word to corpus terms: itself and its inflections, its spelling key, or (only for a word
    that is no word of English) its nearest corpus words, reported as a correction."""
    plan = QueryPlan(query, key=headline_key(query))
    words = [canonical(w) for w in TOKEN.findall(query.lower())]
    content = (
        [w for w in words if w not in STOPWORDS and w not in QUERY_FILLER]
        or [w for w in words if w not in STOPWORDS]
        or words
    )
    term_id = vocabulary.id
    for position, word in enumerate(content):
        forms = [(found, INFLECTION_WEIGHT) for form in inflections(word) if (found := term_id(form)) is not None]
        typed = term_id(word)
        if typed is not None:
            group = [(typed, 1.0), *forms]
        elif forms:  # 'threats' finds 'threat': the same word, not a correction
            group = [(found, 1.0) for found, _ in forms]
        elif (parts := _letters_and_digits(word)) and all(p in vocabulary for p in parts):
            group = [(vocabulary.ids[p], 1.0) for p in parts]  # 'f16' is how 'F-16' is typed
        elif is_real_word(word):  # 'tell', 'bold': real words are never 'corrected' into others
            plan.unknown.append(word)
            continue
        else:
            parts = vocabulary.split_compound(word)
            nearest = [] if parts else vocabulary.nearest(word)
            if parts:
                plan.corrections[word] = " ".join(parts)
                group = [(vocabulary.ids[p], 1.0) for p in parts]
            elif nearest:
                plan.corrections[word] = nearest[0][0]
                group = [(vocabulary.ids[t], weight) for t, weight in nearest]
            else:
                plan.unknown.append(word)
                continue
        if position + 1 < len(content):  # 'counter offensive' also finds 'counteroffensive'
            joined = term_id(word + content[position + 1])
            if joined is not None:
                group.append((joined, 1.0))
        plan.groups.append(group)
    return plan
