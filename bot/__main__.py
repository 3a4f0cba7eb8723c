"""Entry point: `python -m bot` runs the bot; `ask` answers one command offline; `corpus …` and `db …` for operators."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.cli.corpus import add_arguments as corpus_arguments
from bot.settings import Settings, SettingsError

log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="News archive Discord bot.")
    commands = parser.add_subparsers(dest="action")
    ask = commands.add_parser("ask", help="answer one slash command offline and print what a user would see")
    ask.add_argument("command", help="e.g. '/article search query: kharkiv counter-offensive'")
    ask.add_argument("--json", action="store_true", help="print the Discord payload and the results as JSON")
    state = ask.add_mutually_exclusive_group()
    state.add_argument("--database", help="SQLite file for state (default: BOT_DATABASE, the bot's own)")
    state.add_argument("--fresh", action="store_true", help="use a throwaway state database: no history")
    ask.add_argument("--chart", metavar="PNG", help="write the reply's chart there (/timeline … chart: true)")
    commands.add_parser("run", help="log in to Discord and serve (the default)")
    corpus_arguments(commands.add_parser("corpus", help="the archive: check, export, add, remove, restore, history"))
    db = commands.add_parser("db", help="the state database: upgrade, status, copy")
    db.add_argument("what", choices=["upgrade", "status", "copy"], help="migrate; show backend and version; copy state")
    db.add_argument("--from", dest="source", default="", help="copy from sqlite:PATH")
    db.add_argument("--to", dest="target", default="", help="copy to postgresql://user:password@host:port/database")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.load()
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=getattr(logging, settings.log_level, logging.INFO),
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.action == "ask":
        from bot.cli.ask import ask

        logging.getLogger().setLevel(logging.WARNING)
        return asyncio.run(ask(settings, args.command, args.json, args.database, args.chart, args.fresh))
    if args.action == "corpus":
        from bot.cli import corpus

        # a change's refusal is one line; the report's skipped files are warnings worth seeing
        logging.getLogger().setLevel(logging.WARNING if args.what in ("check", "export") else logging.ERROR)
        return asyncio.run(corpus.run(settings, args))
    if args.action == "db":
        from bot.cli import db

        logging.getLogger().setLevel(logging.WARNING)
        return asyncio.run(db.main(args.what, settings.state_url, settings.database, args.source, args.target))
    try:
        settings.require_token()
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from bot.glue.client import run

    return run(settings)


if __name__ == "__main__":
    sys.exit(main())
