"""A Discord bot that turns a folder of news articles into an answerable archive."""
