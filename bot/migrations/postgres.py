"""The migration runner for PostgreSQL: the same numbered migrations, in one transaction under an advisory lock."""

from __future__ import annotations

import logging
from typing import Any

from bot import migrations as schema

log = logging.getLogger(__name__)

DIALECT = "postgresql"
# pg_advisory_xact_lock key held while migrating: processes starting together queue here and migrate once.
MIGRATION_LOCK = 0x6E657773_0001  # "news", 1
_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"


async def current_version(connection: Any) -> int:
    """The recorded schema version; 0 for a database never migrated."""
    exists = await connection.fetchval("SELECT to_regclass('schema_version') IS NOT NULL")
    if not exists:
        return 0
    return await connection.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")


async def migrate_postgres(connection: Any) -> int:
    """Apply the pending migrations over an asyncpg connection (or pool) in one transaction; the version it
    ends at. A second process waits on the lock, then finds nothing pending."""
    if hasattr(connection, "acquire"):  # a pool: one connection holds the transaction
        async with connection.acquire() as held:
            return await migrate_postgres(held)
    async with connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
        await connection.execute(_VERSION_TABLE)
        current = await current_version(connection)
        pending = [m for m in schema.migrations(DIALECT) if m.version > current]
        for migration in pending:
            await connection.execute(migration.sql)  # a whole file: the server splits its statements
        if pending:
            await connection.execute("DELETE FROM schema_version")
            await connection.execute("INSERT INTO schema_version VALUES ($1)", pending[-1].version)
    for migration in pending:
        log.info("database migration %04d %s applied (postgresql)", migration.version, migration.name)
    return pending[-1].version if pending else current
