"""The offline console: parsing typed commands and the `python -m bot ask` path for every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.cli.console import parse_command
from bot.core.replies.reply import UserError
from tests.conftest import ROOT


def ask(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, env=environment
    )


def test_parse_command_splits_options_on_known_names() -> None:
    invocation = parse_command("/timeline start: Sep 2022 end: 2023 query: kharkiv: the city")
    assert invocation.command == "timeline"
    assert invocation.options == {"start": "Sep 2022", "end": "2023", "query": "kharkiv: the city"}
    assert parse_command("/article search query: a b").options == {"query": "a b"}


@pytest.mark.parametrize("line", ["/nonsense", "/article search kharkiv", "/help now: 1"])
def test_parse_command_rejects_malformed_lines_politely(line: str) -> None:
    with pytest.raises(UserError):
        parse_command(line)


def test_spaces_may_be_doubled_anywhere_in_a_line() -> None:
    invocation = parse_command("  /article  search   query:   kyiv   start:  2022 ")
    assert (invocation.command, invocation.options) == ("article search", {"query": "kyiv", "start": "2022"})
    assert parse_command("/timeline\tdate:\u200b 2022").options == {"date": "2022"}


def test_a_command_with_one_text_option_takes_its_value_bare() -> None:
    assert parse_command("/help article").options == {"command": "article"}
    assert parse_command("/article show 003").options == {"article": "003"}


def test_a_malformed_line_says_how_options_are_written_with_an_example() -> None:
    with pytest.raises(UserError) as error:
        parse_command("/article search kharkiv")
    assert "`/article search query: …`" in str(error.value)


def test_a_group_alone_lists_its_commands_and_unknown_ones_list_only_public_commands() -> None:
    with pytest.raises(UserError, match="/article search, /article show, /article list"):
        parse_command("/article")
    with pytest.raises(UserError) as error:
        parse_command("/nonsense **x**")
    assert "/corpus add confirm" not in str(error.value) and "/corpus add," in str(error.value)
    assert "\\*\\*x\\*\\*" in str(error.value)


def test_ask_search_prints_the_matching_article() -> None:
    result = ask("ask", "/article search query: kharkiv counter-offensive")
    assert result.returncode == 0, result.stderr
    assert "Kharkiv" in result.stdout and "Traceback" not in result.stderr


def test_ask_json_search_lists_ranked_ids_with_scores() -> None:
    result = ask("ask", "--json", "/article search query: Putin’s war is failing")
    document = json.loads(result.stdout)
    ranked = document["results"]["results"]
    assert ranked[0]["article_id"] == "000_8d65afffd99f3673"
    assert all(isinstance(r["score"], float) for r in ranked)
    assert [r["score"] for r in ranked] == sorted((r["score"] for r in ranked), reverse=True)
    assert document["payload"]["allowed_mentions"] == {"parse": []}
    assert document["payload"]["embeds"][0]["title"].startswith("Vladimir Putin’s war is failing")


def test_ask_quote_random_shows_a_speaker() -> None:
    document = json.loads(ask("ask", "--json", "/quote random").stdout)
    quote = document["results"]["quote"]
    assert quote["speaker"] and quote["text"]
    assert document["payload"]["components"][0]["components"][0]["label"] == "Another quote"


def test_ask_timeline_lists_dated_events_in_order() -> None:
    document = json.loads(ask("ask", "--json", "/timeline date: 2022").stdout)
    events = document["results"]["events"]
    assert events, "2022 is full of events in these articles"
    precise = [e["first"] for e in events if e["granularity"] in ("day", "month")]
    assert precise and precise == sorted(precise)
    assert "2022-09-15" in precise  # the Economist article of Sep 15th 2022 is published that day


def test_ask_help_and_bad_input_are_polite() -> None:
    assert "/article search" in ask("ask", "/help").stdout
    result = ask("ask", "/timeline date: the day after never")
    assert result.returncode == 0 and "only you can see this" in result.stdout and "Traceback" not in result.stderr


def test_running_without_a_token_says_so_in_one_line_and_exits_2() -> None:
    result = ask(env={"DISCORD_TOKEN": ""})
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_ask_writes_the_timeline_chart_it_is_asked_for(tmp_path) -> None:
    picture = tmp_path / "timeline.png"
    result = ask("ask", "--chart", str(picture), "/timeline date: 2022")
    assert result.returncode == 0, result.stderr
    assert picture.read_bytes().startswith(b"\x89PNG") and "Timeline · 2022" in result.stdout
    refused = ask("ask", "--chart", str(tmp_path / "none.png"), "/help")
    assert refused.returncode == 1 and "only /timeline" in refused.stderr and not (tmp_path / "none.png").exists()


def test_a_discord_it_cannot_reach_is_one_line_and_exit_code_1(tmp_path) -> None:
    # port 9 (discard) on loopback: nothing listens, the connection is refused at once
    result = ask(
        "run",
        env={
            "DISCORD_TOKEN": "x.y.z",
            "DISCORD_API_BASE_URL": "http://127.0.0.1:9/api/v10",
            "BOT_DATABASE": str(tmp_path / "bot.sqlite3"),
        },
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and "cannot reach Discord at http://127.0.0.1:9/api/v10" in errors[0]


def test_ask_keeps_quote_history_in_the_state_database(tmp_path) -> None:
    state = {"BOT_DATABASE": str(tmp_path / "state.sqlite3")}
    # nine quotations: history means the second ask shows another one
    first, second = (
        json.loads(ask("ask", "--json", "/quote random", env=state).stdout)["results"]["quote"]["id"] for _ in range(2)
    )
    assert first != second and (tmp_path / "state.sqlite3").exists()
    fresh = ask("ask", "--fresh", "--json", "/quote random speaker: Kofman", env={"BOT_DATABASE": str(tmp_path / "x")})
    assert fresh.returncode == 0 and not (tmp_path / "x").exists()
