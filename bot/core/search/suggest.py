"""Headline autocomplete: sorted prefix indexes narrow 100,000 headlines to 50 for rapidfuzz."""

from __future__ import annotations

import bisect
import re
from array import array
from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz

from bot.core.lexicon import STOPWORDS
from bot.core.search.vocabulary import TOKEN, Vocabulary, canonical

CANDIDATES = 50  # headlines rapidfuzz compares per keystroke; the naive scan compares all of them
START_BONUS = 0.5  # a headline that begins with what was typed is what a reader typing it wants
CACHE_SIZE = 2048  # answers kept for repeated inputs (the first letters everybody types)
_TRAILING_BREAK = re.compile(r"[\W_]$")


class HeadlineSuggester:
    """Headline words, and whole headline keys, sorted alphabetically: every completion is one slice."""

    def __init__(
        self, headlines: list[str], keys: list[str], newest: list[int] | np.ndarray, vocabulary: Vocabulary
    ) -> None:
        self.headlines = headlines
        self.keys = keys
        self.newest = np.asarray(newest, dtype=np.int64)
        self.vocabulary = vocabulary
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.sorted_keys = [keys[row] for row in order]
        self.sorted_rows = np.asarray(order, dtype=np.int64)
        self._index_words(keys)
        # among equally good matches the newer headline wins
        self.recency = np.zeros(len(headlines), dtype=np.float32)
        if len(self.newest):
            self.recency[self.newest] = np.linspace(0.01, 0, len(self.newest), dtype=np.float32)
        self._cache: dict[tuple[str, int], list[int]] = {}

    def _index_words(self, keys: list[str]) -> None:
        """word → headline rows, as one sorted array of (word rank, row) pairs split by pointers."""
        word_ids: defaultdict[str, int] = defaultdict()
        word_ids.default_factory = word_ids.__len__
        flat, per_row = array("i"), array("i")
        for key in keys:
            words = key.split()
            flat.extend(map(word_ids.__getitem__, words))  # one word id at a time: no list of ints
            per_row.append(len(words))
        words = list(word_ids)
        order = sorted(range(len(words)), key=words.__getitem__)
        self.words = [words[i] for i in order]
        rank = np.empty(len(words), dtype=np.int64)
        rank[order] = np.arange(len(words))
        pairs = rank[np.frombuffer(flat, dtype=np.int32)] << 32
        pairs |= np.repeat(np.arange(len(keys)), np.frombuffer(per_row, dtype=np.int32))
        pairs.sort()
        pairs = np.concatenate([pairs[:1], pairs[1:][pairs[1:] != pairs[:-1]]])  # a word twice: listed once
        self.rows = (pairs & 0xFFFFFFFF).astype(np.int32)
        self.pointers = np.searchsorted(pairs >> 32, np.arange(len(words) + 1)).astype(np.int64)

    def _prefix_slice(self, prefix: str) -> tuple[int, int]:
        lo = bisect.bisect_left(self.words, prefix)
        hi = bisect.bisect_left(self.words, prefix + "\uffff")
        return int(self.pointers[lo]), int(self.pointers[hi])

    def _word_slices(self, word: str) -> list[tuple[int, int]]:
        """A whole typed word: itself, else its nearest corpus spellings that occur in headlines."""
        lo, hi = self._prefix_slice(word)
        index = bisect.bisect_left(self.words, word)
        if index < len(self.words) and self.words[index] == word:
            return [(int(self.pointers[index]), int(self.pointers[index + 1]))]
        slices = []
        for corrected, _ in self.vocabulary.nearest(word):
            index = bisect.bisect_left(self.words, corrected)
            if index < len(self.words) and self.words[index] == corrected:
                slices.append((int(self.pointers[index]), int(self.pointers[index + 1])))
        return slices or ([(lo, hi)] if hi > lo else [])

    def _starting_with(self, typed_key: str) -> np.ndarray:
        """The newest headlines whose key begins with the typed key, at most CANDIDATES of them."""
        lo = bisect.bisect_left(self.sorted_keys, typed_key)
        hi = bisect.bisect_left(self.sorted_keys, typed_key + "\uffff")
        rows = self.sorted_rows[lo:hi]
        if len(rows) > CANDIDATES:
            rows = rows[np.argpartition(self.recency[rows], -CANDIDATES)[-CANDIDATES:]]
        return rows

    def rows_with_key(self, key: str) -> list[int]:
        """The headlines whose key is exactly this one (a headline typed in full)."""
        lo = bisect.bisect_left(self.sorted_keys, key)
        hi = bisect.bisect_right(self.sorted_keys, key)
        return self.sorted_rows[lo:hi].tolist()

    def suggest(self, text: str, limit: int = 25) -> list[int]:
        """Rows of the headlines that best complete what was typed so far; newest first when empty."""
        if not text.strip():
            return self.newest[:limit].tolist()
        cached = self._cache.get((text, limit))
        if cached is None:
            cached = self._suggest(text, limit)
            if len(self._cache) >= CACHE_SIZE:
                del self._cache[next(iter(self._cache))]  # the oldest entry
            self._cache[(text, limit)] = cached
        return list(cached)

    def _suggest(self, text: str, limit: int) -> list[int]:
        typed = [canonical(w) for w in TOKEN.findall(text.lower())]
        typed_key = " ".join(typed)
        partial = typed.pop() if typed and not _TRAILING_BREAK.search(text) else None
        score = self.recency.copy()
        matched_any = False
        for word in typed:
            weight = 0.2 if word in STOPWORDS else 1.0
            for lo, hi in self._word_slices(word):
                score[self.rows[lo:hi]] += weight  # a row listed twice in one slice is added once
                matched_any = True
        if partial:
            # back off a letter at a time so 'zelenks' still reaches 'zelensky'
            for cut in range(len(partial), min(len(partial), 3) - 1, -1):
                lo, hi = self._prefix_slice(partial[:cut])
                if hi > lo:
                    score[self.rows[lo:hi]] += cut / len(partial)
                    matched_any = True
                    break
        if not matched_any:
            return []
        starting = self._starting_with(typed_key) if typed_key else np.zeros(0, dtype=np.int64)
        score[starting] += START_BONUS
        count = min(CANDIDATES, len(score))
        top = np.argpartition(score, -count)[-count:]
        top = top[score[top] >= 0.1]
        ranked = sorted(top.tolist(), key=lambda row: -(score[row] + fuzz.WRatio(typed_key, self.keys[row]) / 100))
        return ranked[:limit]
