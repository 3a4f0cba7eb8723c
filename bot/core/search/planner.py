"""A query as the index understands it: each word's corpus terms, its spellings, inflections and corrections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from bot.core.lexicon import QUERY_FILLER, STOPWORDS
from bot.core.script import has_cyrillic, plain_typed, readings
from bot.core.search.english import inflections, is_real_word
from bot.core.search.rows import headline_key
from bot.core.search.vocabulary import TOKEN, Vocabulary, canonical
from bot.core.thresholds import TYPO_EDITS

INFLECTION_WEIGHT = 0.8  # another form of a typed word (drone → drones) counts a little less than the form typed
_MODEL_NAME = re.compile(r"([a-z]{1,4})(\d{1,4})")


@dataclass
class QueryPlan:
    """A query as the index understands it: groups of alternative terms, and the spellings it corrected."""

    text: str
    groups: list[list[tuple[int, float]]] = field(default_factory=list)  # per query word: (term id, weight)
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → corpus word
    readings: dict[str, str] = field(default_factory=dict)  # a word typed in Cyrillic → how it was read
    unknown: list[str] = field(default_factory=list)  # words with no match in the corpus at all
    key: str = ""  # the headline key of the whole query

    @property
    def term_ids(self) -> set[int]:
        return {term_id for group in self.groups for term_id, _ in group}

    def corrected_text(self) -> str:
        read = [self.readings.get(w, w) for w in TOKEN.findall(self.text.lower())]
        return " ".join(self.corrections.get(w, w) for w in read)


def _letters_and_digits(word: str) -> list[str] | None:
    """'f16' → ['f', '16'], 'su27' → ['su', '27']: a model name typed without its hyphen."""
    match = _MODEL_NAME.fullmatch(word)
    return [match.group(1), match.group(2)] if match else None


def plan_query(vocabulary: Vocabulary, query: str) -> QueryPlan:
    """Map each query word to corpus terms: itself and its inflections, its spelling key, or (only for a word
    that is no word of English) its nearest corpus words, reported as a correction."""
    plan = QueryPlan(query, key=headline_key(query))
    typed_words = TOKEN.findall(plain_typed(query).lower())
    words = [canonical(w) for w in typed_words]
    # a Cyrillic word either language could write ('путин', 'киев') has a second reading to try
    other_readings = {canonical(w): [canonical(r) for r in readings(w)[1:]] for w in typed_words if has_cyrillic(w)}
    plan.readings = {w: canonical(w) for w in typed_words if has_cyrillic(w)}
    read_from_cyrillic = set(plan.readings.values())
    content = (
        [w for w in words if w not in STOPWORDS and w not in QUERY_FILLER]
        or [w for w in words if w not in STOPWORDS]
        or words
    )
    term_id = vocabulary.id
    for position, word in enumerate(content):
        if word not in vocabulary:
            known = [r for r in other_readings.get(word, ()) if r in vocabulary]
            if known:
                plan.readings = {t: known[0] if r == word else r for t, r in plan.readings.items()}
                word = known[0]
                read_from_cyrillic.add(word)
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
            if word in read_from_cyrillic:  # a reading is not a typo: one letter off at most ('izium' → 'izyum')
                nearest = [(t, w) for t, w in nearest if OSA.distance(word, t) <= TYPO_EDITS]
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
