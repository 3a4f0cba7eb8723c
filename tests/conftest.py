"""Shared fixtures: the real seeds corpus, loaded once, and paths."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import App
from bot.archive.files import MAX_FILE_BYTES
from bot.archive.living import LivingArchive
from bot.archive.load import load_corpus
from bot.core.corpus import Corpus
from bot.stores import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = "003_ca573a1cae3f6ec8"  # a seed: "Ukraine’s coming counter-offensive may shape its future"
FERRY = b"""---
headline: Zyxbrook ferry returns after winter repairs
publication: The Harbour Gazette
date: 2024-03-02
---
The Zyxbrook ferry sailed again on Saturday after three months of repairs to its hull, the harbour board said.

"We missed the crossing every single morning of the winter," said Maren Holt, a commuter of twenty years.
"""  # an article of our own to add: a word no seed has (zyxbrook), one quotation
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


async def archive_app(folder: Path, store: Store, **options: Any) -> App:
    """An App over the living archive of `folder` (read-only to it) and `store`, opened as the bot opens it."""
    archive = LivingArchive(folder, store, max_bytes=options.get("max_article_bytes", MAX_FILE_BYTES))
    await archive.open()
    return App(None, store, archive=archive, **options)


def seeds_copy(tmp_path: Path) -> Path:
    """A copy of the seeds, to add, remove and restore in; the shipped folder is never touched."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under a folder and its bytes: the archive must leave the folder exactly as it was."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def root_logging_restored() -> Iterator[None]:
    """`python -m bot …` run in-process (main([...])) sets the root logger's level for the command it runs;
    every test starts from the level and handlers the one before it found."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    root.setLevel(level)
    root.handlers[:] = handlers
