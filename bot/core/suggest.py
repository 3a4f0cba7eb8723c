"""Headline autocomplete: a word-prefix index narrows 100,000 headlines to a few hundred for rapidfuzz."""

from __future__ import annotations

import bisect
import re

import numpy as np
from rapidfuzz import fuzz

from bot.core.vocabulary import STOPWORDS, TOKEN, Vocabulary, canonical

CANDIDATES = 200  # headlines rapidfuzz compares per keystroke; the naive scan compares all of them
_TRAILING_BREAK = re.compile(r"[\W_]$")


class HeadlineSuggester:
    """Headline words sorted alphabetically, so every completion of a typed prefix is one slice."""

    def __init__(
        self, headlines: list[str], keys: list[str], newest: list[int], vocabulary: Vocabulary
    ) -> None:
        self.headlines = headlines
        self.keys = keys
        self.newest = newest
        self.vocabulary = vocabulary
        words_of = [set(key.split()) for key in keys]
        self.words = sorted(set().union(*words_of)) if words_of else []
        word_id = {word: i for i, word in enumerate(self.words)}
        pairs = sorted((word_id[w], row) for row, words in enumerate(words_of) for w in words)
        self.rows = np.asarray([row for _, row in pairs], dtype=np.int32)
        counts = np.bincount(np.asarray([w for w, _ in pairs], dtype=np.int64), minlength=len(self.words))
        self.pointers = np.zeros(len(self.words) + 1, dtype=np.int64)
        np.cumsum(counts, out=self.pointers[1:])
        # among equally good matches the newer headline wins
        self.recency = np.zeros(len(headlines), dtype=np.float32)
        if newest:
            self.recency[np.asarray(newest)] = np.linspace(0.01, 0, len(newest), dtype=np.float32)

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

    def suggest(self, text: str, limit: int = 25) -> list[int]:
        """Rows of the headlines that best complete what was typed so far; newest first when empty."""
        if not text.strip():
            return self.newest[:limit]
        typed = [canonical(w) for w in TOKEN.findall(text.lower())]
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
        count = min(CANDIDATES, len(score))
        top = np.argpartition(score, -count)[-count:]
        top = top[score[top] >= 0.1]
        typed_key = " ".join(canonical(w) for w in TOKEN.findall(text.lower()))
        ranked = sorted(
            top.tolist(), key=lambda row: -(score[row] + fuzz.WRatio(typed_key, self.keys[row]) / 100)
        )
        return ranked[:limit]
