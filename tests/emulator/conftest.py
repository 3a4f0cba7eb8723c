"""Fixtures for checking the emulator itself."""

from tests.emulator.fixtures import emulator  # noqa: F401
