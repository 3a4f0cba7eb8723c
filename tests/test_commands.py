"""The command table: every entry is a command Discord accepts, and the App enforces what it declares."""

from __future__ import annotations

import re

import pytest

from bot.app import App
from bot.cli.console import parse_command
from bot.commands import COMMANDS, GROUPS, TABLE
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore

NAME = re.compile(r"^[-_a-z0-9]{1,32}$")  # Discord's rule for command and option names (lower case)


@pytest.mark.parametrize("command", TABLE, ids=lambda c: c.name)
def test_every_entry_is_a_command_discord_accepts(command) -> None:
    words = command.name.split()
    assert all(NAME.match(word) for word in words)
    if command.internal:  # run by a reply's buttons only: Discord never sees it
        assert not command.help and not command.menu
        return
    assert 1 <= len(words) <= 3  # a command, a group's subcommand, or a subgroup's (/corpus feed add)
    if command.menu:  # a message menu entry: any case and spaces, 1-32 characters, one text option
        assert 1 <= len(command.menu) <= 32 and [o.required for o in command.options] == [True]
    else:
        assert len(words) == 1 or " ".join(words[:-1]) in GROUPS
    assert 1 <= len(command.description) <= 100
    names = command.option_names
    assert len(set(names)) == len(names) <= 25
    for option in command.options:
        assert NAME.match(option.name) and 1 <= len(option.description) <= 100
        assert option.max_length is None or 1 <= option.max_length <= 6000


@pytest.mark.parametrize("command", [c for c in TABLE if any(o.complete for o in c.options)], ids=lambda c: c.name)
def test_every_autocompleted_option_suggests_something_from_the_seeds(corpus, tmp_path, command) -> None:
    app = App(corpus, store=None)  # autocomplete reads only the corpus
    for option in command.options:
        if option.complete and option.complete != "removed":  # the removed articles: none in the seeds as shipped
            assert app.autocomplete(command.name, option.name, ""), f"/{command.name} {option.name}: no choices"
    plain = [o for o in command.options if not o.complete]
    assert all(app.autocomplete(command.name, o.name, "ukraine") == [] for o in plain)


@pytest.mark.parametrize("command", [c for c in TABLE if c.manage_only], ids=lambda c: c.name)
async def test_a_manage_only_command_refuses_members_without_the_permission(corpus, tmp_path, command) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    reply = await app.answer(Invocation(command.name, guild_id=5))
    assert reply.ephemeral and "Manage Server" in reply.pages[0].description
    settings = await app.store.get_meta(f"{command.name.split()[-1]}:servers")
    assert settings is None  # refused before anything was set
    await store.close()


async def test_required_options_and_unknown_options_come_from_the_table(corpus, tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    for command in TABLE:
        for option in (o for o in command.options if o.required):
            reply = await app.answer(Invocation(command.name, {option.name: " "}, is_owner=True))
            assert reply.ephemeral and f"`{option.name}:`" in reply.pages[0].description
        reply = await app.answer(Invocation(command.name, {"nonsense": "x"}, is_owner=True))
        assert reply.ephemeral and "nonsense" in reply.pages[0].description
    await store.close()


def test_the_console_reads_every_command_and_option_of_the_table() -> None:
    for command in COMMANDS.values():
        line = f"/{command.name} " + " ".join(f"{o.name}: value {i}" for i, o in enumerate(command.options))
        invocation = parse_command(line)
        assert invocation.command == command.name
        assert invocation.options == {o.name: f"value {i}" for i, o in enumerate(command.options)}


async def test_help_lists_exactly_the_commands_the_table_gives_help_for(corpus, tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    reply = await App(corpus, store).answer(Invocation("help"))
    listed = [field.name for field in reply.pages[0].fields]
    assert listed == [f"Apps → {c.menu}" if c.menu else f"/{c.name}" for c in TABLE if c.help]
    await store.close()
