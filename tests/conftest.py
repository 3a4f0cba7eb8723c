"""Shared fixtures: the real seeds corpus, loaded once, and paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.archive.load import load_corpus
from bot.core.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def state_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """`python -m bot ask` keeps state in BOT_DATABASE: in tests, a file of their own, not the checkout's."""
    path = tmp_path_factory.mktemp("state") / "bot.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOT_DATABASE", str(path))
        yield path


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(SEEDS)
