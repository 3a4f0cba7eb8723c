"""Pytest fixtures to import into a conftest: `from tests.emulator.fixtures import emulator  # noqa: F401`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from .server import DiscordEmulator


@pytest.fixture
async def emulator() -> AsyncIterator[DiscordEmulator]:
    """A running emulator; afterwards, no handler of the emulator itself may have failed."""
    async with DiscordEmulator() as running:
        yield running
    assert not running.errors, running.errors
