"""Settings from config/settings.toml, overridden by the environment and an optional .env file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "config" / "settings.toml"


class SettingsError(Exception):
    """A setting that is missing or malformed; the message says which and how to fix it."""


class Secret(str):
    """A string that never shows itself in repr, logs or tracebacks."""

    def __repr__(self) -> str:
        return "Secret('**********')" if self else "Secret('')"

    def get_secret_value(self) -> str:
        return str.__str__(self)


def _read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, sep, value = line.strip().partition("=")
            if sep and key and not key.startswith("#"):
                values[key.strip()] = value.strip().strip("\"'")
    return values


def _integer(text: str, name: str) -> int | None:
    if not text:
        return None
    if not text.strip().isdigit():
        raise SettingsError(f"{name} must be a whole number, not {text!r}")
    return int(text)


@dataclass(frozen=True)
class Settings:
    token: Secret = field(default=Secret(""), repr=False)
    guild_id: int | None = None
    api_base_url: str = "https://discord.com/api/v10"
    gateway_url: str | None = None
    corpus_dir: Path = ROOT / "seeds"
    database: Path = ROOT / "data" / "bot.sqlite3"
    log_level: str = "INFO"
    shard_count: int | None = None  # run as an AutoShardedClient over these shards (scale-out)
    shard_ids: tuple[int, ...] | None = None
    cooldown_uses: int = 5  # per user, on expensive commands; 0 turns cooldowns off
    cooldown_seconds: float = 10.0

    @classmethod
    def load(cls, environ: dict[str, str] | None = None, file: Path = DEFAULT_FILE) -> Settings:
        """Defaults from the TOML file, then .env beside the project, then the process environment."""
        data = tomllib.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}
        discord_section, bot_section = data.get("discord", {}), data.get("bot", {})
        env = {**_read_env_file(ROOT / ".env"), **(os.environ if environ is None else environ)}

        def pick(name: str, section: dict, key: str) -> str:
            """The environment's value if set, else the file's (a 0 in the file counts), else ""."""
            value = env.get(name) or section.get(key)
            return "" if value is None else str(value).strip()

        guild = pick("DISCORD_GUILD_ID", discord_section, "guild_id")
        if guild and not guild.isdigit():
            raise SettingsError(f"DISCORD_GUILD_ID must be a server id (digits), not {guild!r}")
        shard_count = _integer(pick("DISCORD_SHARD_COUNT", discord_section, "shard_count"), "DISCORD_SHARD_COUNT")
        shard_text = pick("DISCORD_SHARD_IDS", discord_section, "shard_ids")
        shard_ids = tuple(_integer(part, "DISCORD_SHARD_IDS") for part in shard_text.split(",") if part.strip())
        if shard_ids and not shard_count:
            raise SettingsError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total number of shards)")
        if shard_count and any(i >= shard_count for i in shard_ids):
            raise SettingsError(f"DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT ({shard_count})")
        corpus = Path(pick("BOT_CORPUS_DIR", bot_section, "corpus_dir") or "seeds")
        database = Path(pick("BOT_DATABASE", bot_section, "database") or "data/bot.sqlite3")
        return cls(
            token=Secret(env.get("DISCORD_TOKEN", "").strip()),
            guild_id=int(guild) if guild else None,
            api_base_url=(pick("DISCORD_API_BASE_URL", discord_section, "api_base_url")
                          or cls.api_base_url).rstrip("/"),
            gateway_url=pick("DISCORD_GATEWAY_URL", discord_section, "gateway_url") or None,
            corpus_dir=corpus if corpus.is_absolute() else ROOT / corpus,
            database=database if database.is_absolute() else ROOT / database,
            log_level=pick("BOT_LOG_LEVEL", bot_section, "log_level").upper() or "INFO",
            shard_count=shard_count,
            shard_ids=shard_ids or None,
            cooldown_uses=_integer(pick("BOT_COOLDOWN_USES", bot_section, "cooldown_uses") or "5",
                                   "BOT_COOLDOWN_USES"),
            cooldown_seconds=float(_integer(pick("BOT_COOLDOWN_SECONDS", bot_section, "cooldown_seconds") or "10",
                                            "BOT_COOLDOWN_SECONDS")),
        )

    def require_token(self) -> str:
        if not self.token:
            raise SettingsError("DISCORD_TOKEN is not set: export it or put it in .env "
                                "(see config/.env.example). To try the bot offline: python -m bot ask '/help'")
        return self.token.get_secret_value()
