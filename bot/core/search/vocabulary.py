"""Query terms against the corpus vocabulary: tokens, spelling variants as one key, typo correction."""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection, Sequence
from functools import cached_property, lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from bot.core.lexicon import STOPWORDS, fold, spelling_key
from bot.core.thresholds import LONG_WORD, LONG_WORD_EDITS, TYPO_EDITS

TOKEN = re.compile(r"[^\W_]+")
# The deletions of terms added one article at a time wait in a dict; once they are this share of the sorted
# arrays, the two are merged (an insert into sorted arrays: tens of milliseconds at 100,000 articles).
MERGE_SHARE = 8


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


def _correctable(term: str) -> bool:
    return len(term) >= Vocabulary.MIN_LENGTH and term.isalpha()


def _deletion_arrays(terms: list[str], first_id: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(crc32 of each deletion, term id owning it) of the correctable terms, sorted by key."""
    keys: list[int] = []
    owners: list[int] = []
    for term_id, term in enumerate(terms, first_id):
        if _correctable(term):
            variants = _deletes(term)
            keys.extend(map(_hash, variants))
            owners.extend([term_id] * len(variants))
    order = np.argsort(np.asarray(keys, dtype=np.uint32), kind="stable")
    return np.asarray(keys, dtype=np.uint32)[order], np.asarray(owners, dtype=np.int32)[order]


class Vocabulary:
    """The corpus terms with their document frequencies, and nearest-term lookup for unknown words.

    Candidates come from a symmetric one-deletion index (SymSpell): two words share a deletion exactly
    when they differ by one insertion, deletion, substitution or swap of neighbours ('zelenksy'). It is
    held as sorted crc32 keys in numpy, so it costs ~12 bytes per deletion instead of a Python dict.

    A vocabulary is a view: `counted` gives a new one with an article's terms added or taken away, and this
    one keeps answering as it did. The views share what only ever grows (the term list, `ids`, the deletions
    of new terms); each knows its own `size` and frequencies. So `ids` may hold terms newer than this view:
    `in` and `id` do not.
    """

    MIN_LENGTH = 4  # shorter words are too ambiguous to correct

    def __init__(self, terms: list[str], frequencies: np.ndarray, documents: int) -> None:
        """`frequencies`: in how many of the `documents` each term occurs."""
        keys, owners = _deletion_arrays(terms)
        self._assemble(terms, np.asarray(frequencies, dtype=np.int32), documents, keys, owners)

    def _assemble(
        self, terms: list[str], frequencies: np.ndarray, documents: int, keys: np.ndarray, owners: np.ndarray
    ) -> None:
        self.terms = terms
        self.ids = {term: i for i, term in enumerate(terms)}
        self.size = len(terms)
        self.frequencies = frequencies
        self.documents = documents
        self.delete_keys, self.delete_owners = keys, owners
        self.added: dict[int, list[int]] = {}  # deletion key → ids of terms added since the arrays were sorted
        self.by_initial: dict[str, list[str]] = {}  # the correctable terms by first letter, for long words
        for term in terms:
            if _correctable(term):
                self.by_initial.setdefault(term[0], []).append(term)

    @classmethod
    def from_state(cls, state: dict) -> Vocabulary:
        """A vocabulary as `state()` left it (the arrays may be memory-mapped)."""
        vocabulary = cls.__new__(cls)
        vocabulary._assemble(
            state["terms"], state["frequencies"], state["documents"], state["delete_keys"], state["delete_owners"]
        )
        return vocabulary

    def state(self) -> dict:
        """What `from_state` needs, with the added deletions merged into the sorted arrays."""
        merged = self.compacted()
        return {
            "terms": self.terms[: self.size],
            "frequencies": self.frequencies,
            "documents": self.documents,
            "delete_keys": merged.delete_keys,
            "delete_owners": merged.delete_owners,
        }

    def __contains__(self, term: str) -> bool:
        return self.id(term) is not None

    def __len__(self) -> int:
        return self.size

    def id(self, term: str) -> int | None:
        """The term's id when this view holds it in some article, else None."""
        term_id = self.ids.get(term)
        if term_id is None or term_id >= self.size or not self.frequencies[term_id]:
            return None
        return term_id

    @cached_property
    def idf(self) -> np.ndarray:
        """BM25's inverse document frequency of each term, as the index weighs it."""
        df = self.frequencies
        return np.log(1 + (max(1, self.documents) - df + 0.5) / (df + 0.5)).astype(np.float32)

    def counted(self, added: Sequence[Collection[str]] = (), removed: Sequence[Collection[str]] = ()) -> Vocabulary:
        """A new view with these documents' distinct terms counted in (`added`) or out (`removed`)."""
        if self.size != len(self.terms):
            raise ValueError("a vocabulary changes from its newest view only")
        view = self.__class__.__new__(self.__class__)
        view.__dict__.update({k: v for k, v in self.__dict__.items() if k != "idf"})
        plus: list[int] = []
        for terms in added:
            for term in terms:
                term_id = self.ids.get(term)
                if term_id is None:
                    term_id = self._new_term(term)
                plus.append(term_id)
        minus = [self.ids[t] for terms in removed for t in terms if t in self.ids]
        documents = self.documents + len(added) - len(removed)
        frequencies = np.zeros(len(self.terms), dtype=np.int32)
        frequencies[: self.size] = self.frequencies
        np.add.at(frequencies, np.asarray(plus, dtype=np.int64), 1)
        np.subtract.at(frequencies, np.asarray(minus, dtype=np.int64), 1)
        np.maximum(frequencies, 0, out=frequencies)  # terms counted out that were never counted in stay at 0
        view.frequencies, view.size, view.documents = frequencies, len(self.terms), documents
        if len(view.added) * MERGE_SHARE > max(len(self.delete_keys), 1 << 16):
            view.delete_keys, view.delete_owners, view.added = self._merged_arrays(view.added)
        return view

    def _new_term(self, term: str) -> int:
        term_id = len(self.terms)
        self.terms.append(term)  # shared with every view: theirs stop at their size
        self.ids[term] = term_id
        if _correctable(term):
            for variant in _deletes(term):
                self.added.setdefault(_hash(variant), []).append(term_id)
            self.by_initial.setdefault(term[0], []).append(term)
        return term_id

    def compacted(self) -> Vocabulary:
        """This view with the deletions of the terms added since merged into the sorted arrays."""
        if not self.added:
            return self
        view = self.__class__.__new__(self.__class__)
        view.__dict__.update(self.__dict__)
        view.delete_keys, view.delete_owners, view.added = self._merged_arrays(self.added)
        return view

    def _merged_arrays(self, added: dict[int, list[int]]) -> tuple[np.ndarray, np.ndarray, dict[int, list[int]]]:
        """The sorted deletion arrays with the added deletions inserted, and an empty dict for the next ones."""
        keys = np.asarray([key for key, owners in added.items() for _ in owners], dtype=np.uint32)
        owners = np.asarray([owner for found in added.values() for owner in found], dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        at = np.searchsorted(self.delete_keys, keys[order], side="right")
        return np.insert(self.delete_keys, at, keys[order]), np.insert(self.delete_owners, at, owners[order]), {}

    def nearest(self, term: str, limit: int = 2) -> list[tuple[str, float]]:
        """Corpus terms closest to an unknown term with a weight in (0, 1]; commonest spelling first."""
        if not _correctable(term):
            return []
        probes = [_hash(v) for v in _deletes(term)]
        wanted = np.asarray(probes, dtype=np.uint32)
        left = np.searchsorted(self.delete_keys, wanted, side="left")
        right = np.searchsorted(self.delete_keys, wanted, side="right")
        candidates = {int(o) for a, b in zip(left, right, strict=True) if b > a for o in self.delete_owners[a:b]}
        if self.added:
            candidates.update(owner for probe in probes for owner in self.added.get(probe, ()))
        scored = []
        for term_id in candidates:
            if term_id >= self.size or not self.frequencies[term_id]:
                continue  # a term added after this view, or in no article any more
            distance = OSA.distance(term, self.terms[term_id])
            if distance <= TYPO_EDITS:
                scored.append((distance, -int(self.frequencies[term_id]), self.terms[term_id]))
        if not scored and len(term) >= LONG_WORD:
            # two slips in a long word: scan only the words that start with the same letter
            pool = self.by_initial.get(term[0], [])
            for candidate, distance, _ in process.extract(
                term, pool, scorer=Levenshtein.distance, score_cutoff=LONG_WORD_EDITS, limit=5
            ):
                term_id = self.id(candidate)  # None: newer than this view, or in no article any more
                if term_id is not None:
                    scored.append((distance, -int(self.frequencies[term_id]), candidate))
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
            if head in self and tail in self and head not in STOPWORDS and tail not in STOPWORDS:
                return [head, tail]
        return None
