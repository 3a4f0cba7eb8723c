"""Both backends for the store's tests: a SQLite file, and a fresh schema on the real PostgreSQL server that
TEST_DATABASE_URL names (each test its own, dropped afterwards); without a server the PostgreSQL half skips."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import asyncpg
import pytest

from bot.stores import Store, mask_url
from bot.stores.chooser import open_store

TEST_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", "postgresql"]
_reachable: dict[str, str | None] = {}  # URL -> why the server cannot be had (None: it can)


async def why_no_server() -> str | None:
    """None when TEST_DATABASE_URL reaches a server, else the reason the PostgreSQL tests skip."""
    if not TEST_URL:
        return "TEST_DATABASE_URL is not set: no PostgreSQL server for the tests (.ci/run starts one if installed)"
    if TEST_URL not in _reachable:
        try:
            connection = await asyncpg.connect(TEST_URL, timeout=5)
        except (OSError, TimeoutError, asyncpg.PostgresError) as error:
            _reachable[TEST_URL] = f"PostgreSQL at {mask_url(TEST_URL)} cannot be reached: {error}"
        else:
            await connection.close()
            _reachable[TEST_URL] = None
    return _reachable[TEST_URL]


def with_schema(url: str, schema: str) -> str:
    """The URL with every connection's search_path set to `schema` (asyncpg passes it as a server setting)."""
    return f"{url}{'&' if '?' in url else '?'}search_path={schema}"


async def fresh_schema() -> AsyncIterator[str]:
    """A URL on an empty schema of the test database, dropped with everything in it afterwards."""
    reason = await why_no_server()
    if reason:
        pytest.skip(reason)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(TEST_URL)
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
        yield with_schema(TEST_URL, schema)
    finally:
        await admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await admin.close()


Opener = Callable[[], Awaitable[Store]]


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    async for url in fresh_schema():
        yield url


@pytest.fixture(params=BACKENDS)
async def open_any(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Opener]:
    """Opens a store of the parametrized backend on one place (each call: a restart, or another process)."""
    opened: list[Store] = []
    places = fresh_schema() if request.param == "postgresql" else None
    url = await anext(places) if places else ""

    async def opener() -> Store:
        store = await open_store(url, tmp_path / "bot.sqlite3")
        opened.append(store)
        return store

    try:
        yield opener
    finally:
        await asyncio.gather(*(store.close() for store in opened))
        if places:
            await places.aclose()
