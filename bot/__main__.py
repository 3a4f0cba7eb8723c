"""Entry point: `python -m bot` runs the bot; `ask` answers one command offline; `corpus check`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from pathlib import Path

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
    corpus = commands.add_parser("corpus", help="inspect the corpus")
    corpus.add_argument(
        "what", choices=["check", "export"], help="check: one row per article; export: everything extracted, as JSON"
    )
    corpus.add_argument("--json", action="store_true", help="check: the rows and web pages' sources as JSON")
    db = commands.add_parser("db", help="the state database: upgrade, status, copy")
    db.add_argument("what", choices=["upgrade", "status", "copy"], help="migrate; show backend and version; copy state")
    db.add_argument("--from", dest="source", default="", help="copy from sqlite:PATH")
    db.add_argument("--to", dest="target", default="", help="copy to postgresql://user:password@host:port/database")
    return parser


async def _ask(
    settings: Settings, line: str, as_json: bool, database: str | None, chart: str | None = None, fresh: bool = False
) -> int:
    """Answer one command; state (quote history, usage) persists in BOT_DATABASE as the bot's does, so
    asking `/quote random` twice shows two quotations, unless `fresh` asks for a throwaway database."""
    from bot.app import App
    from bot.archive.load import load_corpus
    from bot.cli.console import parse_command, render_json, render_text
    from bot.core.replies.reply import Reply, UserError
    from bot.stores.sqlite import SqliteStore

    corpus = load_corpus(settings.corpus_dir, max_bytes=settings.max_article_bytes)
    with tempfile.TemporaryDirectory() as scratch:
        store = await SqliteStore.open(Path(scratch) / "console.sqlite3" if fresh else database or settings.database)
        try:
            try:
                invocation = parse_command(line, can_manage=True)  # whoever runs the console operates the bot
                if chart:
                    invocation.options.setdefault("chart", "true")
            except UserError as error:
                reply = Reply.notice("Sorry", str(error))
            else:
                app = App(
                    corpus,
                    store,
                    loader=lambda: load_corpus(settings.corpus_dir, max_bytes=settings.max_article_bytes),
                    corpus_dir=settings.corpus_dir,
                    fetch_allow_private=settings.fetch_allow_private,
                    max_article_bytes=settings.max_article_bytes,
                )
                reply = await app.answer(invocation)
        finally:
            await store.close()
    if chart:
        if not reply.files:
            sys.stderr.write("no chart to write: only /timeline draws one, when it finds events\n")
            return 1
        Path(chart).write_bytes(next(iter(reply.files.values())))
        sys.stderr.write(f"chart written to {chart}\n")
    sys.stdout.write(render_json(reply) + "\n" if as_json else render_text(reply))
    return 0


def _corpus_check(settings: Settings, what: str = "check", as_json: bool = False) -> int:
    from bot.archive.load import load_corpus
    from bot.cli.corpus_report import check_json, check_text, export_json

    corpus = load_corpus(settings.corpus_dir, max_bytes=settings.max_article_bytes)
    if what == "export":
        sys.stdout.write(export_json(corpus) + "\n")
    else:
        sys.stdout.write(check_json(corpus) + "\n" if as_json else check_text(corpus, settings.corpus_dir))
    return 1 if corpus.errors else 0


def _db(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli import db as db_command

    return asyncio.run(db_command.main(args.what, settings.state_url, settings.database, args.source, args.target))


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
        logging.getLogger().setLevel(logging.WARNING)
        return asyncio.run(_ask(settings, args.command, args.json, args.database, args.chart, args.fresh))
    if args.action == "corpus":
        logging.getLogger().setLevel(logging.WARNING)
        return _corpus_check(settings, args.what, args.json)
    if args.action == "db":
        logging.getLogger().setLevel(logging.WARNING)
        return _db(settings, args)
    try:
        settings.require_token()
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from bot.glue.client import run

    return run(settings)


if __name__ == "__main__":
    sys.exit(main())
