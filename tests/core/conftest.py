"""Fixtures of the core's tests: the fixture articles as a corpus, and finding one quotation by its start."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.archive.load import load_corpus
from bot.core.corpus import Corpus
from bot.core.quotes.quotations import Quote
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"


@pytest.fixture(scope="session")
def fixture_corpus() -> Corpus:
    """tests/fixtures/articles: short articles in layouts and reporting styles the seeds do not use."""
    return load_corpus(ARTICLES)


def _find_quote(corpus: Corpus, prefix: str, start: str) -> Quote:
    ids = {prefix} if prefix in corpus.articles else {a for a in corpus.articles if a.startswith(prefix + "_")}
    found = [q for q in corpus.quotes if q.article_id in ids and q.text.startswith(start)]
    assert len(found) == 1, (prefix, start, found)
    return found[0]


@pytest.fixture
def find_quote() -> Callable[[Corpus, str, str], Quote]:
    """The one quotation of an article (by id, or the seed's number) that begins with the given text."""
    return _find_quote
