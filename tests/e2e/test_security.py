"""Who may do what: /corpus reload behind Manage Server, per-user cooldowns, and a token that never leaks."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import sys

import pytest
import regex
from pydantic import SecretStr

from bot.app import App
from bot.archive.load import load_corpus
from tests.conftest import SEEDS
from tests.e2e.conftest import settings_for, start_bot, stop_bot
from tests.emulator import DiscordEmulator, Person
from tests.emulator.payloads import ALL_PERMISSIONS, snowflake
from tests.emulator.process import REPO_ROOT, BotProcess

EPHEMERAL = 64
MANAGE_GUILD = 0x20
WITHOUT_MANAGE_GUILD = str(int(ALL_PERMISSIONS) & ~MANAGE_GUILD)
TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.emulated.do-not-leak-this-secret"
HEADLINES = {a.headline for a in load_corpus(SEEDS).articles.values()}


def reloads_counted(app: App) -> list[int]:
    """Make the App's archive count its reloads (it reads seeds/ again, as before)."""
    calls: list[int] = []
    read_again = app.archive.reload

    async def reload():
        calls.append(1)
        return await read_again()

    app.archive.reload = reload
    return calls


# --- /corpus reload ---------------------------------------------------------------------------------------------
@pytest.fixture
async def archive_bot(emulator, tmp_path):  # noqa: F811
    """The bot over the living archive of seeds/ (only read), administered from the emulator's server."""
    settings = settings_for(emulator, tmp_path / "bot.sqlite3").model_copy(
        update={"admin_guild_ids": frozenset({emulator.guild_id})}
    )
    with emulator.patched_discord():
        running = await start_bot(emulator, settings)
        try:
            yield running
        finally:
            await stop_bot(running)


def top_level_holding(commands: list[dict], name: str) -> dict:
    """The synced top-level command that is, or holds the subcommand, `name`."""
    return next(
        c
        for c in commands
        if c["name"] == name or any(o["name"] == name and o["type"] == 1 for o in c.get("options") or [])
    )


@pytest.mark.xfail(
    strict=True,
    reason=(
        "Discord applies default_member_permissions to top-level commands only: discord.py drops "
        "@default_permissions on the /corpus reload subcommand, so it is synced with none (the handler still "
        "refuses, see below). Needs reload and status under different top-level commands."
    ),
)
async def test_corpus_reload_is_synced_for_manage_server_only_and_status_for_everyone(running_bot):
    synced = running_bot.emulator.commands[running_bot.emulator.guild_id]
    reload, status = top_level_holding(synced, "reload"), top_level_holding(synced, "status")
    assert status.get("default_member_permissions") is None
    assert int(reload.get("default_member_permissions") or 0) == MANAGE_GUILD


@pytest.mark.parametrize(
    ("who", "permissions", "allowed"),
    [
        ("member", WITHOUT_MANAGE_GUILD, False),
        ("member", ALL_PERMISSIONS, True),  # Manage Server in a server that administers the archive
        ("owner", WITHOUT_MANAGE_GUILD, True),  # the bot's owner may always reload
    ],
)
async def test_only_an_archive_admin_or_the_owner_may_reload(archive_bot, who, permissions, allowed):
    emulator = archive_bot.emulator
    calls = reloads_counted(archive_bot.app)
    person = emulator.user if who == "owner" else Person(snowflake(), "member")
    person = dataclasses.replace(person, permissions=permissions)
    exchange = await emulator.invoke("corpus reload", user=person)
    reply = await exchange.reply()
    text = str(reply.get("embeds")) + (reply.get("content") or "")
    if allowed:
        assert reply["embeds"][0]["title"] == "Archive reloaded" and calls == [1]
    else:
        assert reply["flags"] & EPHEMERAL and "may change the archive" in text and calls == []


async def test_the_reload_cooldown_is_per_server_and_says_how_long_to_wait(archive_bot):
    emulator = archive_bot.emulator
    reloads_counted(archive_bot.app)
    await (await emulator.invoke("corpus reload")).reply()
    again = await (await emulator.invoke("corpus reload")).reply()
    assert again["flags"] & EPHEMERAL
    assert regex.search(r"try again in (\d+) s", again["content"])


# --- cooldowns ---------------------------------------------------------------------------------------------------
async def test_a_user_over_the_cooldown_is_told_privately_how_long_to_wait_and_others_are_not(emulator, tmp_path):
    settings = settings_for(emulator, tmp_path / "bot.sqlite3").model_copy(
        update={"cooldown_uses": 2, "cooldown_seconds": 60.0}
    )
    with emulator.patched_discord():
        running = await start_bot(emulator, settings)
        try:
            answers = [(await running.ask("article search", {"query": "kharkiv"}))[1] for _ in range(3)]
            _, quote = await running.ask("quote random")  # one budget for all the expensive commands
            _, helped = await running.ask("help")  # a cheap command is never held back
            _, other = await running.ask("article search", {"query": "kharkiv"}, user=emulator.other_user)
        finally:
            await stop_bot(running)
    assert [a.get("flags", 0) & EPHEMERAL for a in answers[:2]] == [0, 0]
    cooled = answers[2]
    assert cooled["flags"] & EPHEMERAL and not cooled.get("embeds")
    wait = int(regex.search(r"try again in (\d+) s", cooled["content"]).group(1))
    assert 50 <= wait <= 60
    assert quote["flags"] & EPHEMERAL and "try again in" in quote["content"]
    assert "/article search" in str(helped["embeds"])
    assert other["embeds"][0]["title"] in HEADLINES


# --- the token ----------------------------------------------------------------------------------------------------
def leaks(text: str) -> bool:
    return TOKEN in text or TOKEN.split(".")[0] in text


async def test_the_token_appears_in_no_log_line_reply_or_request_even_at_debug_level(
    emulator, tmp_path, caplog, monkeypatch
):
    caplog.set_level(logging.DEBUG)
    settings = settings_for(emulator, tmp_path / "bot.sqlite3").model_copy(update={"token": SecretStr(TOKEN)})
    emulator.token = TOKEN  # the emulator insists on it, so the bot really did send it where it belongs
    with emulator.patched_discord():
        running = await start_bot(emulator, settings)
        try:
            await running.ask("article search", {"query": "kharkiv"})
            await emulator.gateway.drop(4000)  # RESUME sends the token again
            await emulator.wait_for(lambda: emulator.gateway.resumed == 1 and emulator.gateway.socket)

            def broken(*args, **kwargs):
                raise RuntimeError(f"boom while holding {settings!r}")

            monkeypatch.setattr(running.app, "checked", broken)
            _, apology = await running.ask("help")
        finally:
            await stop_bot(running)
    assert "something went wrong" in apology["content"]
    logged = caplog.text + "".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert "boom while holding" in logged and not leaks(logged)
    sent = [f"{r.path} {r.query} {r.body}" for r in emulator.requests]
    assert not leaks(" ".join(sent)) and not leaks(str(list(emulator.messages.values())))
    carried = [m for m in emulator.gateway.received if leaks(str(m))]
    assert [m["op"] for m in carried] == [2, 6]  # only IDENTIFY and RESUME carry it, as they must


async def test_the_token_stays_out_of_the_process_logs_at_debug_and_of_a_login_failure(tmp_path):
    async with DiscordEmulator(token=TOKEN) as emulator:
        async with BotProcess(emulator, TOKEN, tmp_path, BOT_LOG_LEVEL="DEBUG") as process:
            await process.ready()
            await (await emulator.invoke("timeline", {"date": "2022"})).reply()
            assert await process.terminate(timeout=10) == 0
        assert "DEBUG" in process.logs() and not leaks(process.logs())

    async with DiscordEmulator(token="the-right-one") as emulator:
        async with BotProcess(emulator, TOKEN, tmp_path, BOT_LOG_LEVEL="DEBUG") as process:
            code = await asyncio.wait_for(process.process.wait(), 30)
        assert code == 1 and "login failed" in process.logs() and not leaks(process.logs())


async def test_ask_json_never_prints_the_token():
    environment = {**os.environ, "DISCORD_TOKEN": TOKEN, "BOT_LOG_LEVEL": "DEBUG"}
    outputs = []
    for line in ("/corpus status", "/article search query: kharkiv", "/nonsense", "/timeline date: blorp"):
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "ask",
            line,
            "--json",
            cwd=REPO_ROOT,
            env=environment,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(child.communicate(), 60)
        assert child.returncode == 0, err.decode()
        outputs.append(out.decode() + err.decode())
    assert '"results"' in outputs[1] and "Vladimir Putin" in outputs[1]
    assert not any(leaks(output) for output in outputs)


async def test_config_is_offered_in_servers_only_and_the_handlers_still_check(running_bot):
    """Discord hides /config in DMs (every subcommand is about one server); /corpus holds commands open to all
    (status, feed list), so Discord shows it to everyone and the handler is the gate for the others."""
    synced = {c["name"]: c for c in running_bot.emulator.commands[running_bot.emulator.guild_id]}
    assert synced["config"]["dm_permission"] is False
    assert synced["corpus"]["dm_permission"] is True and synced["corpus"].get("default_member_permissions") is None
    member = dataclasses.replace(Person(snowflake(), "member"), permissions=WITHOUT_MANAGE_GUILD)
    refused = await (await running_bot.emulator.invoke("config new-articles", {"off": True}, user=member)).reply()
    assert refused["flags"] & EPHEMERAL and "Manage Server" in str(refused.get("embeds")) + (
        refused.get("content") or ""
    )
