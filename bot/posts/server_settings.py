"""A per-server setting kept in the state database's meta table, with the list of servers that have one."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Generic, TypeVar

from bot.stores import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class ServerSettings(Generic[T]):
    """One kind of per-server setting (a dataclass), stored as JSON under "<name>:<server id>"; the ids of
    the servers that have it are kept under "<name>:servers", so a scheduled post need not scan the table."""

    def __init__(self, name: str, kind: type[T]) -> None:
        self.name = name
        self.kind = kind
        self.servers_key = f"{name}:servers"
        self._unreadable: set[tuple[int, str]] = set()  # (server, stored value) said once in the log

    async def get(self, store: Store, guild_id: int) -> T | None:
        """A server's setting, or None when it has none."""
        raw = await store.get_meta(f"{self.name}:{guild_id}")
        return self.kind(**json.loads(raw)) if raw else None

    async def save(self, store: Store, guild_id: int, value: T | None) -> None:
        """Set (or with None, remove) a server's setting; the list of servers follows."""
        servers = set(json.loads(await store.get_meta(self.servers_key) or "[]"))
        if value is None:
            servers.discard(guild_id)
            await store.set_meta(f"{self.name}:{guild_id}", "")
        else:
            servers.add(guild_id)
            await store.set_meta(f"{self.name}:{guild_id}", json.dumps(asdict(value)))  # a dataclass
        await store.set_meta(self.servers_key, json.dumps(sorted(servers)))

    async def each(self, store: Store) -> AsyncIterator[tuple[int, T]]:
        """(server id, setting) of every server that has one; a setting that cannot be read (written by another
        version, say) is said once in the log and skipped, and the other servers' go on."""
        for guild_id in json.loads(await store.get_meta(self.servers_key) or "[]"):
            try:
                value = await self.get(store, guild_id)
            except Exception as error:
                raw = await store.get_meta(f"{self.name}:{guild_id}") or ""
                if (guild_id, raw) not in self._unreadable:
                    self._unreadable.add((guild_id, raw))
                    log.warning(
                        "%s setting of server %s skipped: %s: %s", self.name, guild_id, type(error).__name__, error
                    )
                continue
            if value is not None:
                yield guild_id, value
