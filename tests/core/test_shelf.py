"""A shelved article keeps its header, as a tuple the parse cache stores and pickle carries, and no shelf."""

from __future__ import annotations

import pickle
from pathlib import Path

from bot.archive.files import read_article
from bot.core.shelf import HEADER, ShelvedArticle
from tests.conftest import SEED, SEEDS


def test_a_header_row_and_a_pickle_carry_every_header_field_and_the_path_but_not_the_shelf() -> None:
    article = read_article(SEEDS / f"{SEED}.txt")
    shelved = ShelvedArticle(article, "key-1", shelf=object())
    for copy in (ShelvedArticle.from_row(shelved.row(), None), pickle.loads(pickle.dumps(shelved))):
        assert {name: getattr(copy, name) for name in HEADER} == {name: getattr(article, name) for name in HEADER}
        assert copy.path == article.path and isinstance(copy.path, Path) and copy.key == "key-1"
        assert copy.shelf is None
