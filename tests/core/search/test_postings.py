"""The index counts built one document at a time: the loader is told as each block of counts is freed."""

from __future__ import annotations

import numpy as np

from bot.core.search import postings
from bot.core.search.postings import TokenCounter, build_postings


def test_release_memory_is_called_once_per_packed_block_and_changes_nothing(monkeypatch) -> None:
    monkeypatch.setattr(postings, "DOC_BLOCK", 2)
    texts = ["Kyiv and Kharkiv", "grain from Odesa", "Kiev, Kyiv", "the dam at Nova Kakhovka", "Kherson"]
    released: list[int] = []
    counter = TokenCounter(release_memory=lambda: released.append(len(released)))
    for text in texts:
        counter.add(text)
    counted = counter.postings(len(texts))
    assert len(released) == 3  # blocks of 2, 2 and 1 documents
    plain = build_postings(texts, len(texts))
    assert counted.terms == plain.terms
    for field in ("df", "pointers", "rows", "weights", "dense"):
        assert np.array_equal(getattr(counted, field), getattr(plain, field)), field
