"""A per-server setting kept in the state database's meta table, with the list of servers that have one."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Generic, TypeVar

from bot.stores import Store

T = TypeVar("T")


class ServerSettings(Generic[T]):
    """One kind of per-server setting (a dataclass), stored as JSON under "<name>:<server id>"; the ids of
    the servers that have it are kept under "<name>:servers", so a scheduled post need not scan the table."""

    def __init__(self, name: str, kind: type[T]) -> None:
        self.name = name
        self.kind = kind
        self.servers_key = f"{name}:servers"

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
        """(server id, setting) of every server that has one."""
        for guild_id in json.loads(await store.get_meta(self.servers_key) or "[]"):
            value = await self.get(store, guild_id)
            if value is not None:
                yield guild_id, value
