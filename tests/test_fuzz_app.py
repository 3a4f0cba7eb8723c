"""Hostile input to every command option and autocomplete: always a well-formed reply within Discord's
limits, no pings, no exception, and no change to stored state except the intended one."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import App
from bot.archive.load import load_corpus
from bot.cli.console import parse_command, render_json, render_text
from bot.commands import COMMANDS
from bot.core.corpus import Corpus
from bot.core.replies import limits
from bot.core.replies.layout import embed_length, message_payload
from bot.core.replies.reply import Reply, UserError
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.conftest import SEEDS

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
GUILD, CHANNEL = 4242, 77
# FUZZ_EXAMPLES=5000 for a deeper hunt; the default keeps the suite quick.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

HOSTILE = [
    "@everyone",
    "@here",
    "<@&123>",
    "<@123>",
    "<@!123>",
    "<#123>",
    "<:emoji:123>",
    "<t:0:R>",
    "'; DROP TABLE usage;--",
    "' OR 1=1 --",
    '"; DELETE FROM quote_history; --',
    "%s",
    "%d",
    "%(x)s",
    "{0}",
    "{}",
    "{query}",
    "{0.__class__.__mro__}",
    "${HOME}",
    "\\",
    "\\n",
    "**",
    "__",
    "~~",
    "||spoiler||",
    "```",
    "`",
    "> quote",
    "# heading",
    "[link](https://example.com)",
    "https://discord.gg/x",
    "\x00",
    "\x1b[31m",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "\U0001f600",
    "ﷺ",
    "Ǆ",
    "İ",
    "2022-02-24",
    "2022",
    "9999-99-99",
    "0000-01-01",
    "-1",
    "1e308",
    "NaN",
    "kharkiv",
    "Zelensky",
    "grain",
    "“",
    "”",
    '"',
    "'",
    " ",
    "\t",
    "\n\n",
    "",
]
WORDS = [
    "ukraine",
    "russia",
    "putin",
    "war",
    "kharkiv",
    "zelensky",
    "grain",
    "counter-offensive",
    "nato",
    "2022",
    "2023",
    "september",
    "between",
    "and",
    "before",
    "after",
    "since",
    "last",
    "week",
]


def long_text(part: str) -> str:
    """A string of Discord's maximum option length (6000) built from a repeated fragment."""
    return (part * (6000 // max(len(part), 1) + 1))[:6000] if part else "x" * 6000


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(SEED_IDS),  # so /article show and article: filters reach a real article
    st.builds("{} {}".format, words, st.sampled_from(HOSTILE)),  # real words that find articles, plus junk
    st.text(max_size=300),  # arbitrary Unicode, every plane
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]), max_size=80),  # controls, marks
    st.lists(st.sampled_from(HOSTILE + WORDS), min_size=1, max_size=12).map(" ".join),
    st.builds(long_text, st.one_of(st.sampled_from(HOSTILE + WORDS), st.text(min_size=1, max_size=30))),
)


@st.composite
def invocations(draw: st.DrawFn) -> Invocation:
    command = COMMANDS[draw(st.sampled_from(sorted(COMMANDS)))]
    names = draw(st.lists(st.sampled_from(command.option_names), unique=True)) if command.options else []
    names = sorted(set(names) | {o.name for o in command.options if o.required})  # else searches stop at "needs query:"
    options = {name: draw(hostile_text) for name in names}
    return Invocation(command.name, options, guild_id=GUILD, channel_id=CHANNEL)


@dataclass
class Bot:
    loop: asyncio.AbstractEventLoop
    app: App
    store: SqliteStore
    path: Path

    def run(self, coroutine: Any) -> Any:
        return self.loop.run_until_complete(coroutine)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(SEEDS)


@pytest.fixture(scope="module")
def bot(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """One app over a real SQLite file; its own loop, since hypothesis runs many examples per test."""
    loop = asyncio.new_event_loop()
    path = tmp_path_factory.mktemp("fuzz") / "bot.sqlite3"
    store = loop.run_until_complete(SqliteStore.open(path))
    loop.run_until_complete(store.set_meta("commands-hash", "before-fuzzing"))
    yield Bot(loop, App(corpus, store), store, path)
    loop.run_until_complete(store.close())
    loop.close()


def snapshot(path: Path) -> dict[str, Any]:
    """Everything stored, read through a second connection so the bot's own cannot hide anything."""
    with sqlite3.connect(path) as connection:
        return {
            "tables": sorted(r[0] for r in connection.execute("SELECT name FROM sqlite_master")),
            "usage": dict(connection.execute("SELECT command, uses FROM usage WHERE guild_id = ?", (GUILD,))),
            "other usage": connection.execute("SELECT * FROM usage WHERE guild_id != ?", (GUILD,)).fetchall(),
            "history": set(connection.execute("SELECT channel_id, filter_key, quote_id FROM quote_history")),
            "meta": connection.execute("SELECT * FROM meta").fetchall(),
        }


def payload_problems(payload: dict[str, Any]) -> list[str]:
    """What Discord would refuse (HTTP 400) or what would ping someone, in one message payload."""
    problems = []
    if payload.get("allowed_mentions") != {"parse": []}:
        problems.append(f"allowed_mentions {payload.get('allowed_mentions')}")
    if len(payload.get("content") or "") > limits.MESSAGE_CONTENT:
        problems.append("content too long")
    embeds = payload.get("embeds") or []
    if not 1 <= len(embeds) <= limits.EMBEDS_PER_MESSAGE:
        problems.append(f"{len(embeds)} embeds")
    for embed in embeds:
        if not embed.get("title", "x").strip() or len(embed.get("title", "")) > limits.EMBED_TITLE:
            problems.append(f"title {embed.get('title')!r}")
        if len(embed.get("description", "")) > limits.EMBED_DESCRIPTION:
            problems.append("description too long")
        if len(embed.get("footer", {}).get("text", "")) > limits.FOOTER_TEXT:
            problems.append("footer too long")
        fields = embed.get("fields", [])
        if len(fields) > limits.EMBED_FIELDS:
            problems.append(f"{len(fields)} fields")
        for item in fields:
            if not item["name"].strip() or len(item["name"]) > limits.FIELD_NAME:
                problems.append(f"field name {item['name'][:40]!r}")
            if not item["value"].strip() or len(item["value"]) > limits.FIELD_VALUE:
                problems.append(f"field value {item['value'][:40]!r}")
        if len(embed.get("url", "")) > limits.URL:
            problems.append("url too long")
    if sum(embed_length(embed) for embed in embeds) > limits.EMBED_TOTAL:
        problems.append("embeds over 6000 characters in total")
    rows = payload.get("components", [])
    if len(rows) > limits.ACTION_ROWS:
        problems.append(f"{len(rows)} action rows")
    custom_ids = [button["custom_id"] for row in rows for button in row["components"]]
    if len(custom_ids) != len(set(custom_ids)):
        problems.append(f"duplicate custom_ids {custom_ids}")
    for row in rows:
        if not 1 <= len(row["components"]) <= limits.BUTTONS_PER_ROW:
            problems.append(f"a row of {len(row['components'])} buttons")
        for button in row["components"]:
            if not 1 <= len(button["custom_id"]) <= limits.CUSTOM_ID:
                problems.append(f"custom_id {button['custom_id']!r}")
            if not 1 <= len(button.get("label", "")) <= limits.BUTTON_LABEL:
                problems.append(f"button label {button.get('label')!r}")
    if payload.get("flags", 0) not in (0, limits.EPHEMERAL_FLAG):
        problems.append(f"flags {payload['flags']}")
    try:
        json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as error:
        problems.append(f"not sendable as JSON: {error}")
    return problems


def reply_problems(reply: Reply) -> list[str]:
    assert isinstance(reply, Reply) and reply.pages
    problems = []
    for page in range(len(reply.pages)):
        problems += [f"page {page + 1}: {p}" for p in payload_problems(message_payload(reply, page))]
    text = render_text(reply)
    if "Traceback" in text:
        problems.append("a traceback shown to the user")
    json.loads(render_json(reply))  # what `python -m bot ask --json` prints must serialise
    return problems


def test_the_checker_catches_what_discord_refuses() -> None:
    good = message_payload(Reply.notice("Sorry", "No such article."))
    assert payload_problems(good) == []
    bad = json.loads(json.dumps(good))
    bad["embeds"][0]["title"] = "t" * 257
    bad["embeds"][0]["fields"] = [{"name": " ", "value": "v" * 1025}] * 26
    bad["allowed_mentions"] = {"parse": ["everyone"]}
    bad["components"] = [{"type": 1, "components": [{"type": 2, "label": "", "custom_id": "x" * 101}] * 6}]
    assert len(payload_problems(bad)) >= 8


@FUZZ
@given(invocation=invocations())
def test_every_command_answers_within_limits_and_changes_only_what_it_should(bot: Bot, invocation: Invocation) -> None:
    before = snapshot(bot.path)
    reply = bot.run(bot.app.answer(invocation))
    after = snapshot(bot.path)

    assert reply_problems(reply) == []
    expected_usage = dict(before["usage"])
    expected_usage[invocation.command] = expected_usage.get(invocation.command, 0) + 1
    assert after["usage"] == expected_usage
    assert (after["tables"], after["other usage"], after["meta"]) == (
        before["tables"],
        before["other usage"],
        before["meta"],
    )
    if invocation.command != "quote random":
        assert after["history"] == before["history"]
    else:  # at most one quote more in this channel, or the cycle restarted with one quote
        added, removed = after["history"] - before["history"], before["history"] - after["history"]
        assert len(added) <= 1 and all(row[0] == CHANNEL for row in added | removed)
    assert bot.store.skipped_writes == 0


@FUZZ
@given(command=st.sampled_from(sorted(COMMANDS)), data=st.data())
def test_autocomplete_gives_at_most_25_choices_of_1_to_100_characters(
    bot: Bot, command: str, data: st.DataObject
) -> None:
    options = COMMANDS[command].option_names or ("query",)
    option = data.draw(st.sampled_from(options))
    current = data.draw(hostile_text)
    choices = bot.app.autocomplete(command, option, current)
    assert len(choices) <= limits.AUTOCOMPLETE_CHOICES
    for name, value in choices:
        assert 1 <= len(name) <= limits.CHOICE_NAME and name.strip(), (current, name)
        assert 1 <= len(value) <= limits.CHOICE_VALUE and value.strip(), (current, value)


def test_autocomplete_offers_something_for_ordinary_input(bot: Bot) -> None:
    assert bot.app.autocomplete("article show", "article", "ukraine")
    assert bot.app.autocomplete("article search", "query", "ukraine")
    assert bot.app.autocomplete("quote random", "speaker", "")


OPTION_NAMES = sorted({option for command in COMMANDS.values() for option in command.option_names} | {"bogus"})
command_lines = st.one_of(
    st.text(max_size=200),
    st.builds(lambda name, rest: f"/{name} {rest}", st.sampled_from(sorted(COMMANDS)), hostile_text),
    st.builds(
        lambda name, pairs: f"/{name} " + " ".join(f"{option}: {value}" for option, value in pairs),
        st.sampled_from(sorted(COMMANDS)),
        st.lists(st.tuples(st.sampled_from(OPTION_NAMES), hostile_text), max_size=4),
    ),
)


@FUZZ
@given(line=command_lines)
def test_parse_command_raises_nothing_but_user_errors(line: str) -> None:
    try:
        invocation = parse_command(line)
    except UserError as error:
        assert str(error)
        return
    assert invocation.command in COMMANDS
    assert set(invocation.options) <= set(COMMANDS[invocation.command].option_names)


def test_hostile_options_are_stored_as_data_not_run_as_sql(bot: Bot) -> None:
    line = "/quote random topic: '; DROP TABLE usage;-- speaker: {0} %s <@&123> @everyone"
    reply = bot.run(bot.app.answer(parse_command(line)))
    assert reply_problems(reply) == []
    assert {"usage", "quote_history", "meta"} <= set(snapshot(bot.path)["tables"])
