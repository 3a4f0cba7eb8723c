"""What scores a query for the index: the postings in memory (numpy), or a view of the disk engine's."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

import numpy as np

from bot.core.search.postings import Postings
from bot.core.search.rows import Rows, Where

# A query as a scorer takes it: per query word, its alternative terms (canonical) with their weights.
Groups = list[list[tuple[str, float]]]
EVERYWHERE = Where()


class Scorer(Protocol):
    """One point-in-time view of the postings: what it scores never changes, however the index changes."""

    def top(self, groups: Groups, boosted: list[int], where: Where, limit: int) -> list[tuple[int, float]]:
        """(row, score) of the `limit` best live rows within `where`, in no particular order. A row's score is
        the sum over groups and their terms of weight × the term's BM25 weight in the row, plus 1 for each
        row in `boosted`; a row scoring 0 is never returned. Filters apply before the `limit` best are taken."""
        ...

    def rows_with_all(self, groups: Groups) -> set[int]:
        """The live rows holding some term of every group."""
        ...


class MemoryScorer:
    """BM25 postings in compressed-sparse-row numpy arrays, scored in full: the right engine for the seeds,
    tests and the console, and for a few thousand articles. Rebuilt from the texts on every change."""

    def __init__(self, postings: Postings, rows: Rows, live: list[int] | None = None) -> None:
        """`live`: the row of each document of the postings, when they are not rows 0, 1, 2 …"""
        self.rows = rows
        if live is not None:  # BM25 over the live articles only, their postings spread back to their rows
            where = np.asarray(live, dtype=np.int32)
            dense = np.zeros((len(postings.dense_terms), len(rows)), dtype=np.float32)
            dense[:, where] = postings.dense
            postings = replace(postings, rows=where[postings.rows], dense=dense)
        self.term_ids = {term: i for i, term in enumerate(postings.terms)}
        self.pointers, self.row_numbers, self.weights = postings.pointers, postings.rows, postings.weights
        self.dense = postings.dense
        self.dense_row = np.full(len(postings.terms), -1, dtype=np.int32)
        self.dense_row[postings.dense_terms] = np.arange(len(postings.dense_terms), dtype=np.int32)

    def _ids(self, group: list[tuple[str, float]]) -> list[tuple[int, float]]:
        found = ((self.term_ids.get(term), weight) for term, weight in group)
        return [(term_id, weight) for term_id, weight in found if term_id is not None]

    def top(self, groups: Groups, boosted: list[int], where: Where, limit: int) -> list[tuple[int, float]]:
        scores = np.zeros(len(self.rows), dtype=np.float32)
        for group in groups:
            for term_id, weight in self._ids(group):
                dense = self.dense_row[term_id]
                if dense >= 0:  # a term in a quarter of the articles or more: one vector addition
                    scores += weight * self.dense[dense]
                    continue
                lo, hi = self.pointers[term_id], self.pointers[term_id + 1]
                scores[self.row_numbers[lo:hi]] += weight * self.weights[lo:hi]
        for row in boosted:
            scores[row] += 1.0
        if where != EVERYWHERE or self.rows.live < len(self.rows):
            scores[~self.rows.mask(where)] = 0
        if len(scores) <= limit:
            candidates = np.flatnonzero(scores)
        else:
            # partitioning the negated scores dodges numpy's slow path when most scores are 0
            top = np.argpartition(-scores, limit - 1)[:limit]
            candidates = top[scores[top] > 0]
        return [(row, float(scores[row])) for row in candidates.tolist()]

    def rows_with_all(self, groups: Groups) -> set[int]:
        found: set[int] | None = None
        for group in groups:
            rows: set[int] = set()
            for term_id, _ in self._ids(group):
                dense = self.dense_row[term_id]
                if dense >= 0:
                    rows.update(np.flatnonzero(self.dense[dense]).tolist())
                else:
                    rows.update(self.row_numbers[self.pointers[term_id] : self.pointers[term_id + 1]].tolist())
            found = rows if found is None else found & rows
            if not found:
                return set()
        live = self.rows.alive
        return {row for row in found or () if live[row]}
