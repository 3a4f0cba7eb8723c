"""Shared fixtures: the real seeds corpus, loaded once, and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.corpus import Corpus
from bot.loading.load import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(SEEDS)
