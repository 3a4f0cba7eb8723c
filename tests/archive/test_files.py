"""A corpus folder with broken files: each is reported by name and the rest of the corpus serves."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.app import App
from bot.archive.load import load_corpus
from bot.cli.console import parse_command
from bot.core.corpus import Corpus
from bot.stores.sqlite import SqliteStore
from tests.conftest import FIXTURES, SEEDS

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
Loaded = tuple[Corpus, list[str]]  # the corpus and the warnings logged while loading it
CP1252_SEED = "001_56f617656db8bfc2"  # every character of it exists in Windows-1252
CUT_SEED = "004_1b77e67b279ac622"
UNCLOSED = """# Grain talks stall again

Diplomats met in Istanbul on Tuesday to discuss the grain corridor.

“We will not sign anything that leaves our ports blockaded, the minister said, before leaving the room.

Observers expect another round next week.

“The corridor is a lifeline,” said Rebecca Grynspan, the UN trade chief.
"""
# Which broken file is skipped, and the words its error must use.
SKIPPED = {
    "scan.txt": "binary",
    "dump.txt": "too large",
    "missing.txt": "cannot be read",
    "folder.txt": "not a regular file",
}


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def copy_seeds(folder: Path) -> None:
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder)


def add_broken_files(folder: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
    (folder / "scan.txt").write_bytes(png)
    sentence = "Kyiv said the front held overnight, and officials in Kharkiv agreed. "
    with (folder / "dump.txt").open("w", encoding="utf-8") as huge:
        for _ in range(50):  # 50 MB of plausible text: only its size makes it wrong
            huge.write(sentence * (1024 * 1024 // len(sentence) + 1))
    (folder / "missing.txt").symlink_to(folder / "deleted-long-ago.txt")  # a dangling link
    (folder / "folder.txt").mkdir()
    text = (SEEDS / f"{CP1252_SEED}.txt").read_text(encoding="utf-8")
    (folder / "windows.txt").write_bytes(text.encode("cp1252"))
    raw = (SEEDS / f"{CUT_SEED}.txt").read_bytes()
    curly = "’".encode()
    fifth = [i for i in range(len(raw)) if raw.startswith(curly, i)][4]
    (folder / "cut.txt").write_bytes(raw[:fifth] + curly[:2] + raw[fifth + 3 :])  # one character cut in half
    (folder / "unclosed.txt").write_text(UNCLOSED, encoding="utf-8")


@pytest.fixture(scope="module")
def reference() -> Corpus:
    return load_corpus(SEEDS)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    copy_seeds(folder)
    add_broken_files(folder)
    return folder


@pytest.fixture(scope="module")
def loaded(folder: Path) -> Loaded:
    collect = Collect()
    logging.getLogger("bot").addHandler(collect)
    try:
        return load_corpus(folder), collect.messages
    finally:
        logging.getLogger("bot").removeHandler(collect)


def test_each_broken_file_is_reported_by_name_with_its_reason(loaded: Loaded, folder: Path) -> None:
    corpus, logged = loaded
    reported = {error.split(":", 1)[0]: error for error in corpus.errors}
    assert set(reported) == set(SKIPPED)
    for name, reason in SKIPPED.items():
        assert reason in reported[name]
        assert any(name in line and reason in line for line in logged), name
    assert f"{(folder / 'dump.txt').stat().st_size:,} bytes" in reported["dump.txt"]


def test_the_seeds_still_serve_as_they_would_alone(loaded: Loaded, reference: Corpus) -> None:
    corpus, _ = loaded
    for seed in SEED_IDS:
        assert corpus.articles[seed].headline == reference.articles[seed].headline
        assert corpus.articles[seed].body == reference.articles[seed].body
    assert len([q for q in corpus.quotes if q.article_id in SEED_IDS]) == len(reference.quotes)


async def test_commands_answer_from_the_rest_of_the_corpus(loaded: Loaded) -> None:
    corpus, _ = loaded
    store = await SqliteStore.open(":memory:")
    app = App(corpus, store)
    search = await app.answer(parse_command("/article search query: counter-offensive"))
    shown = await app.answer(parse_command(f"/article show article: {SEED_IDS[0]}"))
    await store.close()
    assert not search.ephemeral and not shown.ephemeral
    assert shown.pages[0].title == corpus.articles[SEED_IDS[0]].headline


def test_a_windows_1252_file_loads_with_a_warning(loaded: Loaded, reference: Corpus) -> None:
    corpus, logged = loaded
    article = corpus.articles["windows"]
    assert article.body == reference.articles[CP1252_SEED].body  # curly quotes and dashes decoded right
    assert any("UTF-8" in warning for warning in article.warnings)
    assert any("windows.txt" in line and "UTF-8" in line for line in logged)


def test_one_broken_character_does_not_garble_the_rest(loaded: Loaded, reference: Corpus) -> None:
    corpus, _ = loaded
    article, original = corpus.articles["cut"], reference.articles[CUT_SEED]
    assert article.headline == original.headline  # "Russia’s", not "Russiaâ€™s"
    assert article.body.count("\ufffd") == 1
    assert len(article.body) == len(original.body)
    assert any("UTF-8" in warning for warning in article.warnings)


def test_an_unclosed_quotation_mark_stays_inside_its_paragraph(loaded: Loaded) -> None:
    corpus, _ = loaded
    article = corpus.articles["unclosed"]
    assert len(article.paragraphs) == 4  # loaded whole, not skipped
    quotes = sorted((q for q in corpus.quotes if q.article_id == "unclosed"), key=lambda q: q.start)
    unclosed = [q for q in quotes if q.unclosed]
    assert [q.text.split(",")[0] for q in unclosed] == ["We will not sign anything that leaves our ports blockaded"]
    assert "\n" not in unclosed[0].text and "Observers" not in unclosed[0].text
    # The quotation after it is still found, whole and attributed.
    assert quotes[-1].text.startswith("The corridor is a lifeline") and not quotes[-1].unclosed
    assert quotes[-1].who and "Grynspan" in quotes[-1].who


def test_corpus_check_lists_every_broken_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_CORPUS_DIR", str(folder))
    assert main(["corpus", "check"]) == 1
    printed = capsys.readouterr().out
    for name in SKIPPED:
        assert name in printed
    for seed in SEED_IDS:
        assert seed in printed


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder the 'nobody' user can reach (pytest's tmp_path lives under a root-only folder)."""
    folder = Path(tempfile.mkdtemp(prefix="corpus-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_a_file_without_read_permission_is_reported(shared_folder: Path) -> None:
    copy_seeds(shared_folder)
    secret = shared_folder / "secret.txt"
    secret.write_text("# A headline\n\nA paragraph nobody may read.\n", encoding="utf-8")
    secret.chmod(0o000)
    as_root = os.geteuid() == 0
    if as_root:  # root reads any file whatever its mode; 'nobody' does not
        os.setegid(65534)
        os.seteuid(65534)
    try:
        corpus = load_corpus(shared_folder)
    finally:
        if as_root:
            os.seteuid(0)
            os.setegid(0)
    assert [e.split(":", 1)[0] for e in corpus.errors] == ["secret.txt"]
    assert "Permission denied" in corpus.errors[0]
    assert sorted(corpus.articles) == SEED_IDS


def test_saved_web_pages_load_beside_text_files_and_a_page_with_no_article_is_named(tmp_path) -> None:
    from bot.archive.load import load_corpus

    web = FIXTURES / "web"
    for page in web.glob("*.html"):
        (tmp_path / page.name).write_bytes(page.read_bytes())
    (tmp_path / "note.txt").write_text("A short note\n\nThe ferry ran late again on Tuesday, passengers said.\n")
    corpus = load_corpus(tmp_path)
    pages = json.loads((web / "gold.json").read_text(encoding="utf-8"))["pages"]
    assert set(corpus.articles) == {Path(name).stem for name in pages} | {"note"}
    assert corpus.articles["wordpress_jsonld"].path == tmp_path / "wordpress_jsonld.html"
    assert [e.split(":")[0] for e in corpus.errors] == ["no_article"]


@pytest.mark.parametrize("name", ["a.txt", "a.b.txt", ".txt", "a.", "plain", "001_56f6.md", "x..txt", ".a.b"])
def test_a_source_is_known_by_the_stem_of_its_file_name(name):
    from bot.archive.files import Source

    assert Source(name).article_id == Path(name).stem
