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
# Headlines added since the bulk build are indexed apart, rebuilt with each change; past this many they are
# merged into the rest (a full rebuild: about half a second at 100,000 headlines).
MERGE_ROWS = 2048
GONE = -1e9  # the recency of a removed row: no match lifts it into the answers
_TRAILING_BREAK = re.compile(r"[\W_]$")


class HeadlinePart:
    """The headline words and whole headline keys of some rows, sorted alphabetically: every completion is
    one slice. The bulk-built rows are one part; the rows added since, another."""

    def __init__(self, keys: list[str], rows: np.ndarray) -> None:
        """`keys`: the headline keys of `rows`, in order."""
        self.end = int(rows[-1]) + 1 if len(rows) else 0  # the rows before this are all in this part or earlier
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.sorted_rows = np.asarray(rows, dtype=np.int64)[order]
        self.sorted_keys: list[str] | None = [keys[i] for i in order]
        self._index_words(keys, np.asarray(rows, dtype=np.int64))

    @classmethod
    def from_state(cls, state: dict) -> HeadlinePart:
        part = cls.__new__(cls)
        part.words, part.pointers, part.rows = state["words"], state["pointers"], state["rows"]
        part.sorted_rows, part.end = state["sorted_rows"], int(state["end"])
        part.sorted_keys = None  # from the rows' keys on first use
        return part

    def state(self) -> dict:
        arrays = {"pointers": self.pointers, "rows": self.rows, "sorted_rows": self.sorted_rows}
        return {"words": self.words, "end": self.end, **arrays}

    def _index_words(self, keys: list[str], rows: np.ndarray) -> None:
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
        pairs |= np.repeat(rows, np.frombuffer(per_row, dtype=np.int32))
        pairs.sort()
        pairs = np.concatenate([pairs[:1], pairs[1:][pairs[1:] != pairs[:-1]]])  # a word twice: listed once
        self.rows = (pairs & 0xFFFFFFFF).astype(np.int32)
        self.pointers = np.searchsorted(pairs >> 32, np.arange(len(words) + 1)).astype(np.int64)

    def prefix_rows(self, prefix: str) -> np.ndarray:
        lo = bisect.bisect_left(self.words, prefix)
        hi = bisect.bisect_left(self.words, prefix + "\uffff")
        return self.rows[self.pointers[lo] : self.pointers[hi]]

    def word_rows(self, word: str) -> np.ndarray | None:
        """The rows whose headline holds this very word; None when none does."""
        index = bisect.bisect_left(self.words, word)
        if index < len(self.words) and self.words[index] == word:
            return self.rows[self.pointers[index] : self.pointers[index + 1]]
        return None

    def key_rows(self, keys: list[str], lo_key: str, hi_key: str, right: bool = False) -> np.ndarray:
        """The rows whose headline key sorts from `lo_key` up to `hi_key` (inclusive when `right`)."""
        sorted_keys = self.sorted_keys
        if sorted_keys is None:  # a part's rows, and so their keys, never change: worked out once
            sorted_keys = self.sorted_keys = [keys[row] for row in self.sorted_rows.tolist()]
        lo = bisect.bisect_left(sorted_keys, lo_key)
        hi = (bisect.bisect_right if right else bisect.bisect_left)(sorted_keys, hi_key)
        return self.sorted_rows[lo:hi]


class HeadlineSuggester:
    """Headline words, and whole headline keys, sorted alphabetically: every completion is one slice.

    One view of the rows: `changed` gives the suggester of a newer view, sharing the bulk-built part."""

    def __init__(
        self,
        headlines: list[str],
        keys: list[str],
        newest: list[int] | np.ndarray,
        vocabulary: Vocabulary,
        parts: list[HeadlinePart] | None = None,
    ) -> None:
        self.headlines = headlines
        self.keys = keys
        self.newest = np.asarray(newest, dtype=np.int64)  # the live rows, newest first
        self.vocabulary = vocabulary
        self.parts = parts if parts is not None else [HeadlinePart(keys, np.arange(len(keys)))]
        # among equally good matches the newer headline wins; a removed row never matches
        self.recency = np.full(len(headlines), GONE, dtype=np.float32)
        if len(self.newest):
            self.recency[self.newest] = np.linspace(0.01, 0, len(self.newest), dtype=np.float32)
        self._cache: dict[tuple[str, int], list[int]] = {}

    def changed(
        self, headlines: list[str], keys: list[str], newest: np.ndarray, vocabulary: Vocabulary
    ) -> HeadlineSuggester:
        """The suggester of a newer view: rows appended (and some perhaps removed: not in `newest`)."""
        base = self.parts[0]
        if len(keys) - base.end > MERGE_ROWS:
            parts = [HeadlinePart(keys, np.arange(len(keys)))]
        elif len(keys) > base.end:
            parts = [base, HeadlinePart(keys[base.end :], np.arange(base.end, len(keys)))]
        else:
            parts = [base]
        return HeadlineSuggester(headlines, keys, newest, vocabulary, parts)

    def merged(self) -> HeadlineSuggester:
        """The same suggester with every row in one part (what is saved)."""
        if len(self.parts) == 1:
            return self
        parts = [HeadlinePart(self.keys, np.arange(len(self.keys)))]
        return HeadlineSuggester(self.headlines, self.keys, self.newest, self.vocabulary, parts)

    def _word_rows(self, word: str) -> list[np.ndarray]:
        """A whole typed word: itself, else its nearest corpus spellings that occur in headlines."""
        found = [rows for part in self.parts if (rows := part.word_rows(word)) is not None]
        if found:
            return found
        for corrected, _ in self.vocabulary.nearest(word):
            found += [rows for part in self.parts if (rows := part.word_rows(corrected)) is not None]
        return found or [rows for part in self.parts if len(rows := part.prefix_rows(word))]

    def _starting_with(self, typed_key: str) -> np.ndarray:
        """The newest headlines whose key begins with the typed key, at most CANDIDATES of them."""
        rows = np.concatenate([part.key_rows(self.keys, typed_key, typed_key + "\uffff") for part in self.parts])
        if len(rows) > CANDIDATES:
            rows = rows[np.argpartition(self.recency[rows], -CANDIDATES)[-CANDIDATES:]]
        return rows

    def rows_with_key(self, key: str) -> list[int]:
        """The live headlines whose key is exactly this one (a headline typed in full)."""
        rows = np.concatenate([part.key_rows(self.keys, key, key, right=True) for part in self.parts])
        return rows[self.recency[rows] > GONE].tolist()

    def suggest(self, text: str, limit: int = 25) -> list[int]:
        """Rows of the headlines that best complete what was typed so far; newest first when empty."""
        if not text.strip():
            return self.newest[:limit].tolist()
        cached = self._cache.get((text, limit))
        if cached is None:
            cached = self._suggest(text, limit)
            if len(self._cache) >= CACHE_SIZE:
                try:  # the oldest entry; another thread may have taken it already
                    del self._cache[next(iter(self._cache))]
                except (KeyError, RuntimeError, StopIteration):
                    pass
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
            for rows in self._word_rows(word):
                score[rows] += weight  # a row listed twice in one slice is added once
                matched_any = True
        if partial:
            # back off a letter at a time so 'zelenks' still reaches 'zelensky'
            for cut in range(len(partial), min(len(partial), 3) - 1, -1):
                found = [rows for part in self.parts if len(rows := part.prefix_rows(partial[:cut]))]
                for rows in found:
                    score[rows] += cut / len(partial)
                if found:
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
