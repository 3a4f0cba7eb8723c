"""Query terms against the corpus vocabulary: tokens, spelling variants as one key, typo correction."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from bot.core.lexicon import STOPWORDS, fold, spelling_key
from bot.core.thresholds import LONG_WORD, LONG_WORD_EDITS, TYPO_EDITS

TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=500_000)
def canonical(token: str) -> str:
    """The key every spelling of a word shares: Kiev/Kyiv, Zelenskiy/Zelenskyy/Zelensky, Erdoğan/Erdogan."""
    return spelling_key(fold(token))


def tokens(text: str) -> list[str]:
    """The canonical terms of a text, stopwords included, in order."""
    return [canonical(t) for t in TOKEN.findall(text.lower())]


def _deletes(term: str) -> set[str]:
    return {term[:i] + term[i + 1 :] for i in range(len(term))} | {term}


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


class Vocabulary:
    """The corpus terms with their document frequencies, and nearest-term lookup for unknown words.

    Candidates come from a symmetric one-deletion index (SymSpell): two words share a deletion exactly
    when they differ by one insertion, deletion, substitution or swap of neighbours ('zelenksy'). It is
    held as sorted crc32 keys in numpy, so it costs ~12 bytes per deletion instead of a Python dict.
    """

    MIN_LENGTH = 4  # shorter words are too ambiguous to correct

    def __init__(self, terms: list[str], frequencies: np.ndarray) -> None:
        self.terms = terms
        self.ids = {term: i for i, term in enumerate(terms)}
        self.frequencies = frequencies
        keys: list[int] = []
        owners: list[int] = []
        self.by_initial: dict[str, list[str]] = {}
        for term_id, term in enumerate(terms):
            if len(term) < self.MIN_LENGTH or not term.isalpha():
                continue
            self.by_initial.setdefault(term[0], []).append(term)
            for variant in _deletes(term):
                keys.append(_hash(variant))
                owners.append(term_id)
        order = np.argsort(np.asarray(keys, dtype=np.uint32), kind="stable")
        self.delete_keys = np.asarray(keys, dtype=np.uint32)[order]
        self.delete_owners = np.asarray(owners, dtype=np.int32)[order]

    def __contains__(self, term: str) -> bool:
        return term in self.ids

    def nearest(self, term: str, limit: int = 2) -> list[tuple[str, float]]:
        """Corpus terms closest to an unknown term with a weight in (0, 1]; commonest spelling first."""
        if len(term) < self.MIN_LENGTH or not term.isalpha():
            return []
        probes = np.asarray([_hash(v) for v in _deletes(term)], dtype=np.uint32)
        left = np.searchsorted(self.delete_keys, probes, side="left")
        right = np.searchsorted(self.delete_keys, probes, side="right")
        candidates = {int(o) for a, b in zip(left, right, strict=True) if b > a for o in self.delete_owners[a:b]}
        scored = []
        for term_id in candidates:
            distance = OSA.distance(term, self.terms[term_id])
            if distance <= TYPO_EDITS:
                scored.append((distance, -int(self.frequencies[term_id]), self.terms[term_id]))
        if not scored and len(term) >= LONG_WORD:
            # two slips in a long word: scan only the words that start with the same letter
            pool = self.by_initial.get(term[0], [])
            for candidate, distance, _ in process.extract(
                term, pool, scorer=Levenshtein.distance, score_cutoff=LONG_WORD_EDITS, limit=5
            ):
                scored.append((distance, -int(self.frequencies[self.ids[candidate]]), candidate))
        scored.sort()
        best = scored[:limit]
        if not best:
            return []
        top_frequency = -best[0][1]
        # a rarer alternative counts less, so the commoner spelling leads
        return [
            (candidate, 1.0 if i == 0 else max(0.3, min(0.8, -freq / max(1, top_frequency))))
            for i, (_, freq, candidate) in enumerate(best)
        ]

    def split_compound(self, term: str) -> list[str] | None:
        """'counteroffensive' → ['counter', 'offensive'] when both halves are corpus words."""
        for cut in range(3, len(term) - 2):
            head, tail = term[:cut], term[cut:]
            if head in self.ids and tail in self.ids and head not in STOPWORDS and tail not in STOPWORDS:
                return [head, tail]
        return None
