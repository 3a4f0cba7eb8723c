"""The mixed corpus folder the loading tests share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.archive.test_files import UNCLOSED
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds with their catalog, the fixture layouts, a copy, an unreadable and a mis-encoded file."""
    folder = tmp_path_factory.mktemp("mixed")
    for path in [*SEEDS.iterdir(), *(FIXTURES / "articles").iterdir(), *(FIXTURES / "dates").glob("*.txt")]:
        shutil.copy(path, folder)
    shutil.copy(SEEDS / "003_ca573a1cae3f6ec8.txt", folder / "003_copy.txt")
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    text = (SEEDS / "001_56f617656db8bfc2.txt").read_text(encoding="utf-8")
    (folder / "windows.txt").write_bytes(text.encode("cp1252"))
    (folder / "unclosed.txt").write_text(UNCLOSED, encoding="utf-8")
    return folder
