"""`python -m bot corpus …`: the operator's tools on the archive the bot answers from — check and export it, add,
remove and restore articles, read its history, import a folder — with the same checks as Discord."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.archive.intake.sandbox import shared
from bot.core.replies.reply import UserError
from bot.settings import Settings
from bot.stores import DatabaseSettingError

if TYPE_CHECKING:
    from bot.archive.living import LivingArchive

HISTORY_LIMIT = 1000


def add_arguments(corpus: argparse.ArgumentParser) -> None:
    actions = corpus.add_subparsers(dest="what", required=True)
    check = actions.add_parser("check", help="one row per article, with warnings (exit 1 when a file was skipped)")
    check.add_argument("--json", action="store_true", help="the rows and web pages' sources as JSON")
    export = actions.add_parser("export", help="every article, quotation and event, as JSON")
    export.add_argument("--json", action="store_true", help="(always JSON; accepted for scripts that say it)")
    add = actions.add_parser("add", help="add an article file or a web page's address; prints its id and headline")
    add.add_argument("source", help="a .txt, .md or .html file, or an http(s) address")
    remove = actions.add_parser("remove", help="take an article out of the archive (restorable)")
    remove.add_argument("id")
    restore = actions.add_parser("restore", help="bring a removed article back")
    restore.add_argument("id")
    history = actions.add_parser("history", help="every change to the archive, newest first")
    history.add_argument("--json", action="store_true", help="as JSON objects (action, id, at, by, via …)")
    history.add_argument("--limit", type=int, default=HISTORY_LIMIT, help="at most this many changes")
    imported = actions.add_parser("import", help="add every article file of a folder (a first bulk load)")
    imported.add_argument("folder", type=Path)


async def run(settings: Settings, args: argparse.Namespace) -> int:
    """One corpus action; a refusal is one line on stderr and exit 1 (2 for a database setting refused)."""
    if args.what in ("add", "import"):
        shared().start()  # the page reader's imports, on the other core, while this process imports the archive
    from bot.archive.session import session  # the parsers, the stores, the index: after the reader is on its way

    try:
        # a change needs the archive's ids and digests, not its articles: quick at any size
        loading, caching = args.what in ("check", "export"), args.what not in ("add", "remove", "restore", "history")
        async with session(settings, load=loading, parse_cache=caching) as opened:
            return await _act(settings, opened.archive, args)
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except DatabaseSettingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


async def _act(settings: Settings, archive: LivingArchive, args: argparse.Namespace) -> int:
    from bot.archive.changes import Who
    from bot.cli.corpus_report import check_json, check_text, export_json
    from bot.core.answers.archive import Entry

    corpus = archive.corpus
    if args.what == "check":
        sys.stdout.write(check_json(corpus) + "\n" if args.json else check_text(corpus, settings.corpus_dir))
        return 1 if corpus.errors else 0
    if args.what == "export":
        sys.stdout.write(export_json(corpus) + "\n")
        return 0
    if args.what == "add":
        name, data = await _read(settings, args.source)
        change = await archive.add(name, data, Who("cli", source=args.source))
        print(f"{change.article_id}\t{change.headline}")
        return 0
    if args.what in ("remove", "restore"):
        act = archive.remove if args.what == "remove" else archive.restore
        change = await act(args.id, Who("cli"))
        print(f"{args.what}d {change.article_id}\t{change.headline}")
        return 0
    if args.what == "history":
        entries = [Entry(**vars(change)) for change in await archive.history(max(1, args.limit))]
        if args.json:
            print(json.dumps([entry.as_json() for entry in entries], ensure_ascii=False, indent=1))
        else:
            for entry in entries:
                by = "the command line" if entry.by_user is None else f"user {entry.by_user} in server {entry.by_guild}"
                print(f"#{entry.seq}\t{entry.at}\t{entry.action}\t{entry.article_id}\t{by}\tvia {entry.via}")
        return 0
    return await _import(archive, args.folder)


async def _read(settings: Settings, source: str) -> tuple[str, bytes]:
    """A file's name and bytes, or a fetched page's (refused, in one line, for a private address)."""
    from bot.archive.files import ARTICLE_SUFFIXES, too_large

    if source.lower().startswith(("http://", "https://")):
        from bot.archive.intake import fetch

        return await fetch.page_upload(
            source, allow_private=settings.fetch_allow_private, max_bytes=settings.max_article_bytes
        )
    path = Path(source)
    if not path.is_file():
        raise UserError(f"{source} is not a file (or an http:// or https:// address).")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise UserError(f"{path.name} is not an article file (one of {', '.join(ARTICLE_SUFFIXES)}).")
    if problem := too_large(path.stat().st_size, settings.max_article_bytes):  # said before reading it all
        raise UserError(f"I can't add “{path.name}”: {problem}.")
    return path.name, path.read_bytes()


async def _import(archive: LivingArchive, folder: Path) -> int:
    """Add every article file of `folder`, applied once at the end; a file refused is said, and the rest go on."""
    from bot.archive.changes import Who
    from bot.archive.files import corpus_files

    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder.")
    added = refused = 0
    for path in corpus_files(folder):
        try:
            change = await archive.add(path.name, path.read_bytes(), Who("import", source=str(path)), apply=False)
        except (UserError, OSError) as error:
            print(f"skipped {path.name}: {error}", file=sys.stderr)
            refused += 1
            continue
        print(f"{change.article_id}\t{change.headline}")
        added += 1
    await archive.catch_up()
    await archive.store.announce_change()
    print(f"imported {added} articles from {folder}; {refused} skipped", file=sys.stderr)
    return 1 if refused and not added else 0
