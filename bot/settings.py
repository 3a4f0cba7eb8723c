"""Settings from config/settings.toml, overridden by an optional .env file and then by the environment."""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings import SettingsError as SourceError

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = ROOT / "config" / "settings.toml"
ENV_FILE = ROOT / ".env"
DATA = ROOT / "data"  # where the bot keeps its SQLite file unless told otherwise


class SettingsError(Exception):
    """A setting that is missing or malformed; the message says which and how to fix it."""


# --- value rules: TOML gives numbers, the environment strings; both arrive here trimmed and never blank ------------
def _digits(rule: str) -> Callable[[object], int]:
    """A validator for whole numbers written in digits (no sign, no "_"), failing with this rule."""

    def whole_number(value: object) -> int:
        text = str(value)
        if not (text.isascii() and text.isdigit()):
            raise ValueError(rule)
        return int(text)

    return whole_number


_whole_number = _digits("must be a whole number")


def _shard_ids(value: object) -> tuple[int, ...] | None:
    if value is None:
        return None
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    try:
        return tuple(_whole_number(str(part).strip()) for part in parts if str(part).strip()) or None
    except ValueError:
        raise ValueError("must be shard numbers separated by commas, e.g. 0,1") from None


def _server_ids(value: object) -> frozenset[int]:
    if value is None:
        return frozenset()
    parts = value if isinstance(value, list | tuple | set | frozenset) else str(value).split(",")
    try:
        return frozenset(_whole_number(str(part).strip()) for part in parts if str(part).strip())
    except ValueError:
        raise ValueError("must be server ids separated by commas, e.g. 123456789012345678,234567890123456789") from None


def _seconds(value: object) -> float:
    try:
        seconds = float(str(value))
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError("must be a number of seconds, e.g. 10 or 1.5")
    return seconds


def _under_root(path: Path) -> Path:
    """Relative paths are the project's, wherever the bot is started from."""
    return path if path.is_absolute() else ROOT / path


def _existing_folder(path: Path) -> Path:
    if not path.is_dir():
        raise ValueError("must be an existing folder of articles (the seeds folder ships with the code)")
    return path


def database_problem(path: Path) -> str | None:
    """What is wrong with a SQLite file's path, or None: its folder must exist (the project's own data/ is made
    when first needed), so that a typo in a path does not quietly make folders somewhere else."""
    if path.is_dir():
        return "must be a file's path"
    if not path.parent.is_dir() and path.parent != DATA:
        return f"must be in a folder that exists ({path.parent} does not)"
    return None


def _database_file(path: Path) -> Path:
    if problem := database_problem(path):
        raise ValueError(problem)
    return path


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
ServerId = Annotated[int, BeforeValidator(_digits("must be a server id (digits)"))]
ProjectPath = Annotated[Path, AfterValidator(_under_root)]


def _postgres_url(url: SecretStr) -> SecretStr:
    """A PostgreSQL URL or nothing; the value is never echoed back, since it holds the password."""
    if url.get_secret_value() and not url.get_secret_value().startswith(("postgresql://", "postgres://")):
        raise ValueError("must be a URL like postgresql://user:password@host:5432/database")
    return url


DatabaseUrl = Annotated[SecretStr, AfterValidator(_postgres_url)]


# --- one model per section. A field's alias is its environment variable; its key in the section's table of
# --- settings.toml is its name (the token has none: a secret never lives in a committed file) ---------------------
class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, validate_by_name=True)
    table: ClassVar[str]  # the [table] of settings.toml holding this section's keys

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, data: Any) -> Any:
        """Values are trimmed, and an empty one means "not set": the default applies."""
        if not isinstance(data, dict):
            return data
        trimmed = {key: value.strip() if isinstance(value, str) else value for key, value in data.items()}
        return {key: value for key, value in trimmed.items() if value != ""}


class DiscordSettings(_Section):
    """How the bot reaches Discord: the token, the API and gateway addresses, the development server, the shards."""

    table = "discord"
    token: SecretStr = Field(SecretStr(""), validation_alias="DISCORD_TOKEN")
    guild_id: ServerId | None = Field(None, validation_alias="DISCORD_GUILD_ID")
    api_base_url: Annotated[str, AfterValidator(lambda url: url.rstrip("/"))] = Field(
        "https://discord.com/api/v10", validation_alias="DISCORD_API_BASE_URL"
    )
    gateway_url: str | None = Field(None, validation_alias="DISCORD_GATEWAY_URL")
    # run as an AutoShardedClient over these shards (scale-out)
    shard_count: WholeNumber | None = Field(None, validation_alias="DISCORD_SHARD_COUNT")
    # NoDecode: "0,1" is our own list, not JSON for pydantic-settings to decode
    shard_ids: Annotated[tuple[int, ...] | None, NoDecode, BeforeValidator(_shard_ids)] = Field(
        None, validation_alias="DISCORD_SHARD_IDS"
    )

    @model_validator(mode="after")
    def _shards_fit(self) -> DiscordSettings:
        if self.shard_ids and not self.shard_count:
            raise ValueError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total number of shards)")
        if self.shard_count and any(i >= self.shard_count for i in self.shard_ids or ()):
            raise ValueError(f"DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT ({self.shard_count})")
        return self


class StorageSettings(_Section):
    """Where the articles are, and the bot's own SQLite database."""

    table = "bot"
    corpus_dir: Annotated[ProjectPath, AfterValidator(_existing_folder)] = Field(
        ROOT / "seeds", validation_alias="BOT_CORPUS_DIR"
    )
    database: Annotated[ProjectPath, AfterValidator(_database_file)] = Field(
        DATA / "bot.sqlite3", validation_alias="BOT_DATABASE"
    )
    # the bot's search index on disk (tantivy): by default beside BOT_DATABASE, one per process like the file
    index_dir: ProjectPath | None = Field(None, validation_alias="BOT_INDEX_DIR")
    # shared state in PostgreSQL instead of the file; the platforms' name, and ours when the platform's is taken
    database_url: DatabaseUrl = Field(SecretStr(""), validation_alias="DATABASE_URL")
    bot_database_url: DatabaseUrl = Field(SecretStr(""), validation_alias="BOT_DATABASE_URL")
    # /corpus add url: may fetch from private and loopback addresses (tests only: never in a deployment)
    fetch_allow_private: bool = Field(False, validation_alias="BOT_FETCH_ALLOW_PRIVATE")
    feed_minutes: WholeNumber = Field(30, validation_alias="BOT_FEED_MINUTES")  # how often feeds are read; 0: never
    # the largest article file the bot reads, takes as an upload, fetches or adds from a feed (a news page is ~10 KB)
    max_article_bytes: WholeNumber = Field(5 * 1024 * 1024, validation_alias="BOT_MAX_ARTICLE_BYTES")
    # servers whose members with Manage Server may change the archive every server shares (the owner always may)
    admin_guild_ids: Annotated[frozenset[int], NoDecode, BeforeValidator(_server_ids)] = Field(
        frozenset(), validation_alias="BOT_ADMIN_GUILD_IDS"
    )
    # how often a process looks for archive changes made elsewhere, when no announcement reaches it
    archive_poll_seconds: Annotated[float, BeforeValidator(_seconds)] = Field(
        1.0, validation_alias="BOT_ARCHIVE_POLL_SECONDS"
    )

    @property
    def search_index_dir(self) -> Path:
        """Where the running bot keeps its search index: BOT_INDEX_DIR, else beside its SQLite file."""
        return self.index_dir or self.database.with_name(f"{self.database.stem}-index")

    @property
    def state_url(self) -> str:
        """The PostgreSQL URL the state lives at (BOT_DATABASE_URL first), or "" for the SQLite file."""
        return (self.bot_database_url or self.database_url).get_secret_value()


class CooldownSettings(_Section):
    """The per-user cooldown on expensive commands: uses per window of seconds; 0 uses turns cooldowns off."""

    table = "bot"
    cooldown_uses: WholeNumber = Field(5, validation_alias="BOT_COOLDOWN_USES")
    cooldown_seconds: Annotated[float, BeforeValidator(_seconds)] = Field(10.0, validation_alias="BOT_COOLDOWN_SECONDS")


class LoggingSettings(_Section):
    """How much the bot logs."""

    table = "bot"
    log_level: Annotated[str, AfterValidator(str.upper)] = Field("INFO", validation_alias="BOT_LOG_LEVEL")


SECTIONS = (DiscordSettings, StorageSettings, CooldownSettings, LoggingSettings)


# --- where the values come from --------------------------------------------------------------------------------------
class _SettingsFile(TomlConfigSettingsSource):
    """config/settings.toml: each section's keys from its own table; a missing file or table is no error."""

    def _read_file(self, file_path: Path) -> dict[str, Any]:
        with file_path.open("rb") as file:
            tables = tomllib.load(file)
        return {
            key: value
            for section in SECTIONS
            for key, value in tables.get(section.table, {}).items()
            if key in section.model_fields and section.model_fields[key].annotation is not SecretStr
        }


class _DotEnvUnderEnvironment(DotEnvSettingsSource):
    """.env, except what the environment sets at all: `DISCORD_TOKEN= python -m bot` ignores the token in .env."""

    def __call__(self) -> dict[str, Any]:
        exported = {name.lower() for name in os.environ}
        return {key: value for key, value in super().__call__().items() if key.lower() not in exported}


class Settings(*SECTIONS, BaseSettings):
    """Every section's settings, read flat (settings.guild_id). Settings.load() reads the files and environment."""

    # extra="ignore": .env and the environment hold other programs' variables too
    model_config = SettingsConfigDict(
        frozen=True,
        validate_by_name=True,
        extra="ignore",
        env_ignore_empty=True,
        toml_file=SETTINGS_FILE,
        env_file=ENV_FILE,
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Strongest first: the environment, then .env, then config/settings.toml (then the defaults above)."""
        return init_settings, env_settings, _DotEnvUnderEnvironment(settings_cls), _SettingsFile(settings_cls)

    @classmethod
    def load(cls) -> Settings:
        """The settings from every source, or a SettingsError that names what is wrong in one line."""
        try:
            return cls()
        except ValidationError as error:
            raise SettingsError(_explain(error)) from None
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"{cls.model_config['toml_file']} is not valid TOML: {error}") from None
        except SourceError as error:  # a value no source could parse; pydantic-settings names the field
            raise SettingsError(str(error)) from None

    def require_token(self) -> None:
        if not self.token:
            raise SettingsError(
                "DISCORD_TOKEN is not set: export it or put it in .env "
                "(see config/.env.example). To try the bot offline: python -m bot ask '/help'"
            )


def _explain(error: ValidationError) -> str:
    """Each problem as "VARIABLE what it must be, not 'what it was'", joined on one line; the token never shown."""
    fields = {key: field for name, field in Settings.model_fields.items() for key in (name, field.validation_alias)}
    problems = []
    for problem in error.errors():
        if problem["type"] == "value_error":  # our own rules, worded "must be ..."
            reason = str(problem["ctx"]["error"])
        else:  # pydantic's checks, e.g. a TOML table where a path belongs
            reason = f"is invalid ({problem['msg']})"
        if not problem["loc"]:  # a rule across settings: its message names them
            problems.append(reason)
            continue
        field = fields[problem["loc"][0]]
        shown = "" if field.annotation is SecretStr else f", not {problem['input']!r}"
        problems.append(f"{field.validation_alias} {reason}{shown}")
    return "; ".join(problems)
