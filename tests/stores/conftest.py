"""The two-backend fixtures for the store's tests."""

from tests.stores.backends import open_any, postgres_url

__all__ = ["open_any", "postgres_url"]
