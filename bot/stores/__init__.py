"""The bot's state behind one interface (bot.stores.chooser opens SQLite or PostgreSQL behind it)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit


class DatabaseSettingError(Exception):
    """The configured database refuses us for good (wrong password, no such database): fix the setting."""


class Store(Protocol):
    """Usage counts, per-channel quote history and small facts; no method raises for a database fault."""

    backend: str  # "sqlite" or "postgresql"
    skipped_writes: int  # writes the database never took

    async def version(self) -> int: ...
    async def record_use(self, command: str, guild_id: int | None) -> None: ...
    async def usage(self, guild_id: int | None = None) -> dict[str, int]: ...
    async def shown_quotes(self, channel_id: int, filter_key: str) -> set[str]: ...
    async def last_shown(self, channel_id: int, filter_key: str) -> str | None: ...
    async def mark_shown(self, channel_id: int, filter_key: str, quote_id: str, restart: bool = False) -> bool:
        """Record a quote as shown (`restart`: forget the finished cycle first); False only when another
        process recorded it in this cycle first, so the caller picks another."""
        ...

    async def get_meta(self, key: str) -> str | None: ...
    async def set_meta(self, key: str, value: str) -> None: ...

    async def seen_entries(self, entries: Sequence[str]) -> set[str]:
        """Which of these feed entries (hashes of their links) a followed feed has listed before."""
        ...

    async def mark_entries(self, feed: str, entries: Sequence[str]) -> None:
        """Record, in one write, that `feed` listed these entries."""
        ...

    async def forget_feed(self, feed: str) -> None:
        """Drop what a feed listed: it is no longer followed."""
        ...

    async def run_once_per_change(self, key: str, digest: str, action: Callable[[], Awaitable[object]]) -> bool:
        """Run `action` unless `digest` is recorded under `key` (then record it), in one process at a time."""
        ...

    async def announce_reload(self) -> None:
        """Tell every other process on this database that the corpus was reloaded (SQLite: there are none)."""
        ...

    async def listen_reloads(self, reload: Callable[[], Awaitable[object]]) -> None:
        """Run `reload` whenever another process announces a reload."""
        ...

    def describe(self) -> str:
        """Backend and place, safe to log: a URL's password masked."""
        ...

    async def close(self) -> None: ...


def mask_url(url: str) -> str:
    """The URL with its password replaced by ***, for logs and status lines."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
