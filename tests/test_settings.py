"""Settings: settings.toml < .env < environment, the defaults, a token that never shows, clear errors."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.settings import ROOT, SETTINGS_FILE, Settings, SettingsError

TOKEN = "MTIz.super-secret.token"

Load = Callable[..., Settings]


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make these the only DISCORD_* and BOT_* variables in the environment (until the test ends)."""

    def only(**variables: str) -> None:
        for name in list(os.environ):
            if name.upper().startswith(("DISCORD_", "BOT_")):
                monkeypatch.delenv(name)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    return only


@pytest.fixture
def load(tmp_path: Path, environ: Callable[..., None]) -> Load:
    """Settings.load() over this settings.toml (None: the shipped one), this .env and only these variables."""

    def load(toml: str | None = "", dotenv: str = "", **variables: str) -> Settings:
        toml_file = SETTINGS_FILE if toml is None else tmp_path / "settings.toml"
        if toml is not None:
            toml_file.write_text(toml, encoding="utf-8")
        (tmp_path / ".env").write_text(dotenv, encoding="utf-8")
        environ(**variables)

        class Here(Settings, toml_file=toml_file, env_file=tmp_path / ".env"):
            pass

        return Here.load()

    return load


def test_the_shipped_settings_file_agrees_with_the_defaults(load: Load) -> None:
    settings = load(toml=None)
    assert settings.model_dump() == Settings.model_construct().model_dump()
    assert settings.token.get_secret_value() == "" and settings.guild_id is None
    assert settings.api_base_url == "https://discord.com/api/v10" and settings.gateway_url is None
    assert settings.corpus_dir == ROOT / "seeds" and settings.database == ROOT / "data" / "bot.sqlite3"
    assert settings.log_level == "INFO" and settings.shard_count is None and settings.shard_ids is None
    assert settings.cooldown_uses == 5 and settings.cooldown_seconds == 10.0
    assert settings.max_article_bytes == 5 * 1024 * 1024


def test_environment_overrides_the_settings_file(load: Load) -> None:
    settings = load(
        toml=None,
        DISCORD_GUILD_ID="123",
        DISCORD_API_BASE_URL="http://127.0.0.1:9/api/v10/",
        BOT_CORPUS_DIR="/tmp",
        DISCORD_SHARD_COUNT="4",
        DISCORD_SHARD_IDS="2, 3",
        BOT_MAX_ARTICLE_BYTES="65536",
    )
    assert settings.guild_id == 123 and settings.max_article_bytes == 65536
    assert settings.api_base_url == "http://127.0.0.1:9/api/v10"
    assert settings.corpus_dir == Path("/tmp")
    assert settings.shard_count == 4 and settings.shard_ids == (2, 3)


def test_the_environment_beats_dotenv_which_beats_the_settings_file(load: Load) -> None:
    toml = '[bot]\nlog_level = "error"\ncorpus_dir = "docs"\ndatabase = "toml.sqlite3"\n'
    dotenv = "BOT_LOG_LEVEL=warning\nBOT_CORPUS_DIR='config'\nDISCORD_TOKEN=dotenv-token\n"
    settings = load(toml=toml, dotenv=dotenv, BOT_LOG_LEVEL="debug")
    assert settings.log_level == "DEBUG"  # in all three
    assert settings.corpus_dir == ROOT / "config"  # in .env and the file; relative to the project
    assert settings.database == ROOT / "toml.sqlite3"  # in the file only
    assert settings.token.get_secret_value() == "dotenv-token"


def test_an_empty_value_means_unset_and_an_exported_one_hides_dotenv(load: Load) -> None:
    toml = '[discord]\napi_base_url = ""\n[bot]\nlog_level = "warning"\ncorpus_dir = "docs"\n'
    dotenv = "BOT_LOG_LEVEL=debug\nBOT_CORPUS_DIR=\nDISCORD_TOKEN=dotenv-token\n"
    settings = load(toml=toml, dotenv=dotenv, BOT_LOG_LEVEL="", DISCORD_TOKEN="", DISCORD_GUILD_ID="  ")
    assert settings.log_level == "WARNING"  # exported empty: not .env's, the file's
    assert settings.token.get_secret_value() == ""  # `DISCORD_TOKEN= python -m bot` ignores .env's token
    assert settings.corpus_dir == ROOT / "docs"
    assert settings.api_base_url == "https://discord.com/api/v10" and settings.guild_id is None


def test_a_zero_in_the_settings_file_is_kept(load: Load) -> None:
    assert load(toml="[bot]\ncooldown_uses = 0\n").cooldown_uses == 0
    assert load(toml="[bot]\ncooldown_uses = 0\n", BOT_COOLDOWN_USES="3").cooldown_uses == 3


def test_cooldown_seconds_may_be_a_fraction(load: Load) -> None:
    assert load(BOT_COOLDOWN_SECONDS="1.5").cooldown_seconds == 1.5
    assert load(toml="[bot]\ncooldown_seconds = 2.5\n").cooldown_seconds == 2.5
    assert load(toml="[bot]\ncooldown_seconds = 7\n").cooldown_seconds == 7.0


def test_the_token_is_never_read_from_the_settings_file(load: Load) -> None:
    assert load(toml=f'[discord]\ntoken = "{TOKEN}"\n').token.get_secret_value() == ""


def test_the_token_never_shows_when_the_settings_are_printed_or_logged(load: Load, caplog) -> None:
    settings = load(DISCORD_TOKEN=TOKEN)
    log = logging.getLogger("test_settings")
    with caplog.at_level(logging.DEBUG):
        log.info("settings %s %r", settings, settings)
        log.info(f"settings {settings} {settings!r} {settings.token} {settings.token!r}")
        try:
            raise RuntimeError(f"boom while holding {settings!r}")
        except RuntimeError:
            log.exception("failed")
    printed = [
        str(settings),
        repr(settings),
        f"{settings}",
        format(settings),
        str(settings.token),
        repr(settings.token),
        settings.model_dump_json(),
        str(settings.model_dump()),
        caplog.text,
    ]
    assert "boom while holding" in caplog.text and "**********" in str(settings)
    assert not [text for text in printed if "secret" in text]
    assert settings.token.get_secret_value() == TOKEN


def test_ask_json_does_not_show_the_token(environ, capsys, tmp_path) -> None:
    environ(
        DISCORD_TOKEN=TOKEN, BOT_DATABASE=str(tmp_path / "bot.sqlite3")
    )  # main() reads the real files: only the environment is the test's
    assert main(["ask", "--json", "/corpus status"]) == 0
    out, err = capsys.readouterr()
    assert '"payload"' in out and "secret" not in out + err


def test_a_missing_token_is_one_line_and_exit_code_2(load: Load, environ, capsys) -> None:
    with pytest.raises(SettingsError, match="^DISCORD_TOKEN is not set"):
        load(DISCORD_TOKEN="").require_token()
    environ(DISCORD_TOKEN="")  # exported empty: a token in the real .env is ignored too
    assert main(["run"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == (
        "error: DISCORD_TOKEN is not set: export it or put it in .env "
        "(see config/.env.example). To try the bot offline: python -m bot ask '/help'\n"
    )


@pytest.mark.parametrize(
    "variables, message",
    [
        ({"DISCORD_GUILD_ID": "my-server"}, "DISCORD_GUILD_ID must be a server id (digits), not 'my-server'"),
        ({"DISCORD_SHARD_IDS": "0"}, "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total number of shards)"),
        (
            {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "2"},
            "DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT (2)",
        ),
        ({"DISCORD_SHARD_COUNT": "two"}, "DISCORD_SHARD_COUNT must be a whole number, not 'two'"),
        (
            {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0;1"},
            "DISCORD_SHARD_IDS must be shard numbers separated by commas, e.g. 0,1, not '0;1'",
        ),
        ({"BOT_COOLDOWN_USES": "-1"}, "BOT_COOLDOWN_USES must be a whole number, not '-1'"),
        (
            {"BOT_COOLDOWN_SECONDS": "soon"},
            "BOT_COOLDOWN_SECONDS must be a number of seconds, e.g. 10 or 1.5, not 'soon'",
        ),
        (
            {"BOT_COOLDOWN_SECONDS": "-1.5"},
            "BOT_COOLDOWN_SECONDS must be a number of seconds, e.g. 10 or 1.5, not '-1.5'",
        ),
    ],
)
def test_malformed_settings_say_which_and_why(load: Load, variables: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        load(**variables)
    assert str(raised.value) == message


def test_a_malformed_setting_is_one_line_and_exit_code_2_without_the_token(load: Load, environ, capsys) -> None:
    with pytest.raises(SettingsError, match="^BOT_COOLDOWN_USES must be a whole number, not 'many'$"):
        load(toml="[bot]\ncooldown_uses = 'many'\n")
    environ(DISCORD_TOKEN=TOKEN, BOT_COOLDOWN_USES="many", DISCORD_GUILD_ID="x")
    assert main(["corpus", "check"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err and "secret" not in err
    assert err.startswith("error: ") and "BOT_COOLDOWN_USES" in err and "DISCORD_GUILD_ID" in err


def test_a_settings_file_that_is_not_toml_is_one_clear_error(load: Load) -> None:
    with pytest.raises(SettingsError, match="settings.toml is not valid TOML"):
        load(toml="[bot\n")
