"""`python -m bot ask`: one slash command answered offline, printed as a user would see it (or as JSON)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from bot.settings import Settings, database_problem


async def ask(
    settings: Settings, line: str, as_json: bool, database: str | None, chart: str | None = None, fresh: bool = False
) -> int:
    """Answer one command; state (quote history, usage) persists in BOT_DATABASE as the bot's does, so
    asking `/quote random` twice shows two quotations, unless `fresh` asks for a throwaway database."""
    if database and (problem := database_problem(Path(database))):
        sys.stderr.write(f"error: --database {problem}, not '{database}'\n")
        return 2
    if chart and not Path(chart).parent.is_dir():
        sys.stderr.write(f"error: --chart must be in a folder that exists ({Path(chart).parent} does not)\n")
        return 2
    from bot.app import App
    from bot.archive.session import session
    from bot.cli.console import parse_command, render_json, render_text
    from bot.core.replies.reply import Reply, UserError

    try:
        # whoever runs the console operates the bot: the owner's authority, the archive changed only through
        # the state store (never the folder), as the bot's own commands change it
        invocation = replace(parse_command(line), can_manage=True, is_owner=True, console=True)
        if chart:
            invocation.options.setdefault("chart", "true")
    except UserError as error:
        invocation, reply = None, Reply.notice("Sorry", str(error))
    if invocation is not None:
        async with session(settings, database, fresh) as opened:
            app = App(
                None,
                opened.store,
                archive=opened.archive,
                fetch_allow_private=settings.fetch_allow_private,
                max_article_bytes=settings.max_article_bytes,
                admin_guild_ids=settings.admin_guild_ids,
            )
            reply = await app.answer(invocation)
    if chart:
        if not reply.files:
            sys.stderr.write("no chart to write: only /timeline draws one, when it finds events\n")
            return 1
        try:
            Path(chart).write_bytes(next(iter(reply.files.values())))
        except OSError as error:
            sys.stderr.write(f"error: the chart cannot be written to {chart}: {error.strerror or error}\n")
            return 1
        sys.stderr.write(f"chart written to {chart}\n")
    sys.stdout.write(render_json(reply) + "\n" if as_json else render_text(reply))
    return 0
