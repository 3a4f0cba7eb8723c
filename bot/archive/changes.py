"""What a change to the archive is: an add, a remove or a restore, who made it through what, and why one is refused."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.archive.files import ARTICLE_SUFFIXES
from bot.core.replies.reply import UserError
from bot.stores import Change

ADD, REMOVE, RESTORE = "add", "remove", "restore"
UNAVAILABLE = "the archive's database does not answer right now; nothing was changed. Try again in a moment."


class ArchiveRefused(UserError):
    """A change the archive will not make, and why; nothing was changed."""


class ArchiveAway(ArchiveRefused):
    """The archive's database does not answer: nothing was changed, and the same change may work later."""


@dataclass(frozen=True)
class Who:
    """Who changes the archive and through what: a Discord user in a server, or the command line."""

    via: str  # how: upload, url, feed, cli or import for an add; discord or cli for a remove or restore
    user_id: int | None = None
    guild_id: int | None = None
    source: str = ""  # the page's or the feed's address, or the path given

    def change(self, action: str, article_id: str, headline: str) -> Change:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return Change(action, article_id, headline, self.via, self.user_id, self.guild_id, now, uuid.uuid4().hex)


def removed_by(changes: Iterable[Change]) -> dict[str, Change]:
    """The ids whose last change removed them, with that change."""
    last: dict[str, Change] = {}
    for change in changes:
        last[change.article_id] = change
    return {i: c for i, c in last.items() if c.action == REMOVE}


def folder_file(folder: Path, article_id: str) -> Path | None:
    """The corpus folder's file with this id, if it has one."""
    for suffix in ARTICLE_SUFFIXES:
        path = folder / f"{article_id}{suffix}"
        if path.is_file():
            return path
    return None


def free_id(stem: str, taken: set[str], folder: Path) -> str:
    """`stem`, or stem-2, stem-3 …: an id no folder file, stored article (removed ones too) or article has."""
    number, candidate = 1, stem
    while candidate in taken or folder_file(folder, candidate) is not None:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate
