"""`python -m bot ask`: one slash command answered offline, printed as a user would see it (or as JSON)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bot.settings import Settings


async def ask(
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
