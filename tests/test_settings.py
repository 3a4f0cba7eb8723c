"""Settings: defaults, environment overrides, secrets that never show, clear errors."""

from __future__ import annotations

import pytest

from bot.settings import Secret, Settings, SettingsError


def test_environment_overrides_the_settings_file() -> None:
    settings = Settings.load({"DISCORD_GUILD_ID": "123", "DISCORD_API_BASE_URL": "http://127.0.0.1:9/api/v10/",
                              "BOT_CORPUS_DIR": "/tmp/articles", "DISCORD_SHARD_COUNT": "4",
                              "DISCORD_SHARD_IDS": "2,3"})
    assert settings.guild_id == 123
    assert settings.api_base_url == "http://127.0.0.1:9/api/v10"
    assert str(settings.corpus_dir) == "/tmp/articles"
    assert settings.shard_count == 4 and settings.shard_ids == (2, 3)
    assert Settings.load({}).corpus_dir.name == "seeds"


def test_the_token_never_shows_in_repr_or_errors() -> None:
    settings = Settings.load({"DISCORD_TOKEN": "super.secret.token"})
    assert "super.secret.token" not in repr(settings)
    assert "super" not in repr(settings.token)
    assert settings.require_token() == "super.secret.token"


@pytest.mark.parametrize("environ, message", [
    ({"DISCORD_GUILD_ID": "my-server"}, "DISCORD_GUILD_ID"),
    ({"DISCORD_SHARD_IDS": "0"}, "DISCORD_SHARD_COUNT"),
    ({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "2"}, "below"),
])
def test_malformed_settings_say_which_and_why(environ, message) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.load(environ)


def test_a_missing_token_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="DISCORD_TOKEN"):
        Settings.load({"DISCORD_TOKEN": ""}).require_token()
    assert repr(Secret("")) == "Secret('')"


def test_a_zero_in_the_settings_file_is_kept(tmp_path) -> None:
    file = tmp_path / "settings.toml"
    file.write_text("[bot]\ncooldown_uses = 0\n", encoding="utf-8")
    assert Settings.load({}, file=file).cooldown_uses == 0
    assert Settings.load({"BOT_COOLDOWN_USES": "3"}, file=file).cooldown_uses == 3
