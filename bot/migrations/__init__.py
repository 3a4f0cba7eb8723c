"""The bot's database schema: the numbered SQL files in this folder (PostgreSQL's in postgresql/), and the runner."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple, Protocol

log = logging.getLogger(__name__)


class Migration(NamedTuple):
    version: int  # the file's number, recorded in PRAGMA user_version once applied
    name: str
    sql: str


def migrations(dialect: str = "sqlite") -> list[Migration]:
    """Every file in bot/migrations (SQLite's) or in its folder for another dialect (postgresql/), in order."""
    folder = resources.files("bot.migrations")
    found = []
    for entry in (folder if dialect == "sqlite" else folder / dialect).iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name.partition("_")
            found.append(Migration(int(number), name.removesuffix(".sql"), entry.read_text(encoding="utf-8")))
    return sorted(found)


def statements(sql: str) -> Iterator[str]:
    """The statements of a migration script; a ';' inside a comment or string does not split one."""
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():  # a last statement without its ';' (or only comments, which SQLite accepts)
        yield pending.strip()


@dataclass(frozen=True)
class Upgrade:
    """What brings a database from its schema version to the newest, to be run as one transaction."""

    applied: list[Migration]
    statements: list[str]  # every statement of every pending migration, then the new version number

    @property
    def version(self) -> int:
        return self.applied[-1].version


def upgrade(current: int) -> Upgrade | None:
    """The migrations newer than `current` as statements to run; None when there are none."""
    pending = [Migration(*m) for m in migrations() if m[0] > current]
    if not pending:
        return None
    steps = [statement for migration in pending for statement in statements(migration.sql)]
    return Upgrade(pending, [*steps, f"PRAGMA user_version = {int(pending[-1].version)}"])


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the pending migrations in one transaction over a connection in autocommit mode (isolation_level
    None); the schema version it ends at. Raises what SQLite raises, having rolled everything back."""
    (current,) = connection.execute("PRAGMA user_version").fetchone()
    plan = upgrade(current)
    if plan is None:
        return current
    with connection:  # commits, or rolls back all of it when a statement fails
        connection.execute("BEGIN IMMEDIATE")
        for statement in plan.statements:
            connection.execute(statement)
    _log_applied(plan)
    return plan.version


class AsyncConnection(Protocol):
    """An aiosqlite connection, as far as the runner uses one."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str) -> Any: ...


async def migrate_async(connection: AsyncConnection) -> int:
    """migrate() over an aiosqlite connection in autocommit mode, as the store keeps one."""
    cursor = await connection.execute("PRAGMA user_version")
    (current,) = await cursor.fetchone()
    await cursor.close()
    plan = upgrade(current)
    if plan is None:
        return current
    await connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in plan.statements:
            await connection.execute(statement)
        await connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:  # SQLite may have rolled it back itself
            with contextlib.suppress(sqlite3.Error):
                await connection.execute("ROLLBACK")
        raise
    _log_applied(plan)
    return plan.version


def _log_applied(plan: Upgrade) -> None:
    for migration in plan.applied:
        log.info("database migration %04d %s applied", migration.version, migration.name)
