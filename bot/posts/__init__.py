"""What the bot posts by itself: the quote of the day, new in the archive, per-server settings."""
