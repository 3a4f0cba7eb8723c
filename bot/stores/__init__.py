"""The bot's state behind one interface (bot.stores.chooser opens SQLite or PostgreSQL behind it)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit


class DatabaseSettingError(Exception):
    """The configured database refuses us for good (wrong password, no such database): fix the setting."""


class ArchiveUnavailable(Exception):
    """The database cannot take or give the archive's articles and changes right now (nothing was written)."""


class AlreadyStored(Exception):
    """These very bytes are stored already, under `article_id`."""

    def __init__(self, article_id: str) -> None:
        super().__init__(article_id)
        self.article_id = article_id


class IdTaken(Exception):
    """Another stored article has this id (another process may have just taken it): choose another."""


@dataclass(frozen=True)
class StoredArticle:
    """An article added through the bot, whole: its bytes, the names it came with, how, by whom and when."""

    article_id: str
    file_name: str  # safe, its stem the id; the suffix says how to read it (.txt, .md, .html)
    original_name: str
    content: bytes
    content_hash: str
    via: str  # upload, url, feed, cli or import
    source: str
    by_user: int | None
    by_guild: int | None
    added_at: str


@dataclass(frozen=True)
class Change:
    """One change to the archive: an article added, removed or restored, by whom, through what, when."""

    action: str  # add, remove or restore
    article_id: str
    headline: str
    via: str
    by_user: int | None
    by_guild: int | None
    at: str  # ISO time, UTC
    change_id: str  # random, unique: the same change is never recorded twice
    seq: int = 0  # its place in the order every process applies changes in (given by the store)


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

    async def announce_change(self) -> None:
        """Tell every other process on this database that the archive changed (they catch up)."""
        ...

    async def listen_changes(self, nudge: Callable[[], Awaitable[object]]) -> None:
        """Run `nudge` whenever another process announces a change, and after a lost connection comes back."""
        ...

    def describe(self) -> str:
        """Backend and place, safe to log: a URL's password masked."""
        ...

    # The archive's articles and changes. Unlike the rest, these raise ArchiveUnavailable when the database
    # cannot answer: an article must be stored whole or not at all, never queued or half-written.
    async def add_article(self, article: StoredArticle, change: Change) -> Change:
        """Store an article and its "add" change in one transaction; the change with its seq. AlreadyStored
        when its bytes are, IdTaken when its id is."""
        ...

    async def record_change(self, change: Change) -> Change:
        """Record a remove or restore; the change with its seq."""
        ...

    async def changes_after(self, seq: int) -> list[Change]:
        """Every change after `seq`, in order."""
        ...

    async def history(self, limit: int, offset: int = 0) -> list[Change]:
        """Changes newest first."""
        ...

    async def last_change(self) -> int:
        """The seq of the newest change (0 when none): a cheap question to ask often."""
        ...

    async def stored_articles(self, ids: Collection[str] | None = None, content: bool = True) -> list[StoredArticle]:
        """The stored articles (those named, or all), with their bytes unless `content` is False."""
        ...

    async def stored_id(self, content_hash: str) -> str | None:
        """The id of the stored article with these bytes, if any."""
        ...

    async def close(self) -> None: ...


def mask_url(url: str) -> str:
    """The URL with its password replaced by ***, for logs and status lines."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
