"""Thin discord.py glue: parse interactions, call the App, render replies."""
