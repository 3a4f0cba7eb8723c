"""The SQLite store under its former name, for code that opens a SQLite file directly (tests, the console)."""

from bot.stores.sqlite import SqliteStore as Store
from bot.stores.sqlite_files import move_aside, problem_of

__all__ = ["Store", "move_aside", "problem_of"]
