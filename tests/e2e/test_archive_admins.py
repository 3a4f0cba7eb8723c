"""Who may change the archive every server shares, through the real client: the owner, and Manage Server members of
the servers BOT_ADMIN_GUILD_IDS lists — nobody else, whatever they may do in their own server; everyone reads it."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import FERRY, SEED, folder_bytes, seeds_copy
from tests.e2e.conftest import settings_for, start_bot, stop_bot
from tests.emulator import Person
from tests.emulator.payloads import ALL_PERMISSIONS, snowflake

EPHEMERAL = 64
CHANGES = [
    ("corpus add", {"url": "https://example.com/news/story"}),
    ("corpus remove", {"article": SEED}),
    ("corpus restore", {"article": SEED}),
    ("corpus history", {}),
    ("corpus reload", {}),
    ("corpus feed add", {"url": "https://example.com/feed.xml"}),
    ("corpus feed remove", {"url": "https://example.com/feed.xml"}),
]


@pytest.fixture
async def two_servers(emulator, tmp_path):  # noqa: F811
    """The bot over an archive administered from the emulator's own server; a second server it is also in."""
    folder = seeds_copy(tmp_path)
    settings = settings_for(emulator, tmp_path / "bot.sqlite3", guild=False).model_copy(
        update={"corpus_dir": folder, "admin_guild_ids": frozenset({emulator.guild_id})}
    )
    with emulator.patched_discord():
        running = await start_bot(emulator, settings)
        try:
            other_guild, (other_channel,) = await emulator.add_guild()
            yield running, folder, other_guild, other_channel
        finally:
            await stop_bot(running)


def text_of(reply: dict) -> str:
    return (reply.get("content") or "") + str(reply.get("embeds") or "")


async def test_a_manage_server_member_elsewhere_is_refused_every_change_and_reads_everything(two_servers) -> None:
    running, folder, other_guild, other_channel = two_servers
    emulator = running.emulator
    before = folder_bytes(folder)
    admin_elsewhere = Person(snowflake(), "admin of another server", permissions=ALL_PERMISSIONS)
    for command, options in CHANGES:
        exchange = await emulator.invoke(
            command, options, user=admin_elsewhere, guild_id=other_guild, channel_id=other_channel
        )
        reply = await exchange.reply()
        assert reply["flags"] & EPHEMERAL, command
        assert "may change the archive" in text_of(reply) and "admin servers" in text_of(reply), command
    assert SEED in running.app.corpus.articles and folder_bytes(folder) == before
    for command, options in [("article search", {"query": "kharkiv"}), ("quote random", {}), ("timeline", {})]:
        exchange = await emulator.invoke(
            command, options, user=admin_elsewhere, guild_id=other_guild, channel_id=other_channel
        )
        reply = await exchange.reply()
        assert not reply.get("flags", 0) & EPHEMERAL and reply["embeds"], command


async def test_a_manage_server_member_of_an_admin_server_changes_the_archive_and_history_says_who(two_servers) -> None:
    running, folder, _, _ = two_servers
    emulator = running.emulator
    admin = Person(snowflake(), "archive admin", permissions=ALL_PERMISSIONS)
    plain = dataclasses.replace(Person(snowflake(), "member"), permissions="0")
    refused = await (await emulator.invoke("corpus history", user=plain)).reply()
    assert refused["flags"] & EPHEMERAL and "may change the archive" in text_of(refused)
    removed = await (await emulator.invoke("corpus remove", {"article": SEED}, user=admin)).reply()
    assert "Article removed" in text_of(removed) and SEED not in running.app.corpus.articles
    exchange = await emulator.invoke("corpus add", {"file": emulator.upload("Zyxbrook ferry.txt", FERRY)}, user=admin)
    preview = await exchange.reply()
    assert preview["flags"] & EPHEMERAL and preview["embeds"][0]["title"].startswith("Preview: Zyxbrook ferry")
    message = exchange.original_message_id
    added = await emulator.press(message, emulator.buttons(message)["Add it"]["custom_id"], user=admin)
    await added.response()
    assert "Zyxbrook_ferry" in running.app.corpus.articles
    history = await (await emulator.invoke("corpus history", user=admin)).reply()
    shown = text_of(history)
    assert f"<@{admin.id}> in server {emulator.guild_id}" in shown and "via an upload" in shown
    assert history["flags"] & EPHEMERAL and history["allowed_mentions"] == {"parse": []}
    (stored,) = await running.app.store.stored_articles(["Zyxbrook_ferry"])
    assert (stored.by_user, stored.by_guild, stored.original_name) == (
        admin.id,
        emulator.guild_id,
        "Zyxbrook ferry.txt",
    )
