"""Every layout fixture read as its gold says: publication (and updated) date, headline, author, and the
foreign-headline warning only where the headline belongs to another article (each file reviewed alone)."""

from __future__ import annotations

import pytest

from benchmarks.layouts import Expected, load_expected, same_text
from bot.archive.files import read_article
from bot.core.reading.review import review_corpus
from tests.conftest import FIXTURES

GOLD = [(folder, entry) for folder in ("layouts", "layout_variants") for entry in load_expected(FIXTURES / folder)]


@pytest.mark.parametrize(("folder", "expected"), GOLD, ids=[f"{f}/{e.name}" for f, e in GOLD])
def test_layout_fixture_is_read_as_its_gold(folder: str, expected: Expected) -> None:
    article = read_article(FIXTURES / folder / expected.file)
    review_corpus([article])
    assert article.published is not None and article.published.provenance == "stated"
    assert (article.published.value, article.published.precision) == (expected.published, "day")
    if expected.updated is not None:
        assert article.updated is not None and article.updated.value == expected.updated
    assert same_text(article.headline, expected.headline), article.headline
    if expected.author is not None:
        assert same_text(article.author, expected.author), article.author
    fired = any(w.startswith("headline names") for w in article.warnings)
    assert fired == expected.foreign_headline, article.warnings


def test_variants_are_new_layouts_not_copies() -> None:
    """The variant fixtures print other names than the layouts they vary, so they cannot pass by fit."""
    originals = {entry.headline for entry in load_expected(FIXTURES / "layouts")}
    assert not originals & {entry.headline for entry in load_expected(FIXTURES / "layout_variants")}
