"""A bad setting stops `python -m bot` (and its tools) at once with one line that names it, and a non-zero exit:
never a traceback, never a process left running that a platform would not restart."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(args: list[str], **settings: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BOT_", "DISCORD_", "DATABASE"))}
    env.update(settings)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("settings", "names"),
    [
        ({"BOT_CORPUS_DIR": "/nonexistent/articles"}, "BOT_CORPUS_DIR"),
        ({"BOT_DATABASE": "/nonexistent/dir/bot.sqlite3"}, "BOT_DATABASE"),
        ({"BOT_DATABASE": "/tmp"}, "BOT_DATABASE"),
        ({"BOT_COOLDOWN_SECONDS": "soon"}, "BOT_COOLDOWN_SECONDS"),
        ({"BOT_ADMIN_GUILD_IDS": "my server"}, "BOT_ADMIN_GUILD_IDS"),
        ({"DATABASE_URL": "mysql://db"}, "DATABASE_URL"),
    ],
)
@pytest.mark.parametrize("args", [["run"], ["ask", "/help"], ["corpus", "check"]], ids=" ".join)
def test_a_bad_setting_is_one_line_and_exit_code_two(settings: dict[str, str], names: str, args: list[str]) -> None:
    done = run(args, DISCORD_TOKEN="x", **settings)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"error: {names} ") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert not os.path.exists("/nonexistent/dir")  # nothing made on the way


def test_console_paths_that_lead_nowhere_are_refused_before_anything_is_made(tmp_path) -> None:
    chart = run(["ask", "--chart", str(tmp_path / "missing" / "x.png"), "/timeline date: 2022"])
    assert chart.returncode == 2 and chart.stderr.startswith("error: --chart ") and "Traceback" not in chart.stderr
    database = run(["ask", "--database", str(tmp_path / "missing" / "x.sqlite3"), "/help"])
    assert database.returncode == 2 and database.stderr.startswith("error: --database ")
    assert not (tmp_path / "missing").exists()


def test_corpus_check_exits_one_when_it_lists_an_error(tmp_path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text("A headline\n\nThe story, in a paragraph of its own words.\n")
    (folder / "broken.txt").write_bytes(b"\x00\x01 binary")
    done = run(["corpus", "check"], BOT_CORPUS_DIR=str(folder), BOT_DATABASE=str(tmp_path / "bot.sqlite3"))
    assert done.returncode == 1 and "ERROR  broken.txt: binary file, not text" in done.stdout
