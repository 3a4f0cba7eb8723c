"""Buttons under the bot's replies: turning pages, refusing strangers, running an action again."""

from __future__ import annotations

import json

import pytest

from bot.cli.console import parse_command, render_json
from bot.core.replies.layout import layout

EPHEMERAL = 64


async def test_next_turns_the_page_of_search_results(running_bot):
    emulator = running_bot.emulator
    exchange, first = await running_bot.ask("article search", {"query": "kharkiv"})
    message_id = exchange.original_message_id
    assert first["embeds"][0]["title"].startswith("Vladimir Putin’s war is failing")

    pressed = await emulator.press(message_id, emulator.buttons(message_id)["Next"]["custom_id"])
    update = await pressed.response()
    assert update["type"] == 7  # the same message is edited, not a new one sent
    shown = emulator.message(message_id)
    assert shown["embeds"][0]["title"] == "Russia’s Withdrawal from Ukraine: Prospects and Reality"
    buttons = emulator.buttons(message_id)
    assert buttons["2/2"]["disabled"] is True and buttons["Next"]["disabled"] is True
    assert buttons["Back"]["disabled"] is False

    back = await emulator.press(message_id, buttons["≪"]["custom_id"])
    await back.response()
    assert emulator.message(message_id)["embeds"][0]["title"] == first["embeds"][0]["title"]


async def test_someone_else_cannot_turn_the_pages(running_bot):
    emulator = running_bot.emulator
    exchange, _ = await running_bot.ask("timeline", {"date": "2022"})
    message_id = exchange.original_message_id
    before = emulator.message(message_id)["embeds"]
    pressed = await emulator.press(
        message_id, emulator.buttons(message_id)["Next"]["custom_id"], user=emulator.other_user
    )
    refusal = await pressed.reply()
    assert (await pressed.response())["type"] == 4 and refusal["flags"] & EPHEMERAL
    assert "/timeline" in refusal["content"]
    assert emulator.message(message_id)["embeds"] == before  # the page did not turn


async def test_another_quote_replaces_the_quotation_in_place(running_bot):
    emulator = running_bot.emulator
    exchange, first = await running_bot.ask("quote random")
    message_id = exchange.original_message_id
    again = await emulator.press(message_id, emulator.buttons(message_id)["Another quote"]["custom_id"])
    assert (await again.response())["type"] == 7
    second = emulator.message(message_id)["embeds"][0]
    assert second["title"] != first["embeds"][0]["title"]  # quote history: no repeat in this channel
    assert any(f["name"] == "Article" for f in second["fields"])


def buttons_of(payload: dict) -> list[list[tuple]]:
    """Each row's buttons as (custom_id, label, style, disabled): what a user sees and presses."""
    return [
        [(b["custom_id"], b["label"], b["style"], bool(b.get("disabled"))) for b in row["components"]]
        for row in payload.get("components") or []
    ]


@pytest.mark.parametrize(
    "line",
    [
        "/article search query: kharkiv",
        "/timeline date: 2022",
        "/quote random",
        "/help",
        "/article show article: 003_ca573a1cae3f6ec8",
    ],
)
async def test_the_console_prints_the_buttons_discord_receives(running_bot, line):
    """`ask --json` and the real bot lay out one reply the same way: ids, labels, styles, states."""
    invocation = parse_command(line)
    exchange, sent = await running_bot.ask(invocation.command, invocation.options)
    console = json.loads(render_json(await running_bot.app.answer(invocation)))["payload"]
    assert buttons_of(sent) == buttons_of(console)
    assert sent["embeds"][0]["title"] == console["embeds"][0]["title"] or invocation.command == "quote random"
    if line.startswith("/article search"):
        assert buttons_of(sent)[0][3] == ("pages:next", "Next", 1, False)


async def test_buttons_after_a_page_turn_match_the_console_layout_of_that_page(running_bot):
    exchange, _ = await running_bot.ask("timeline", {"date": "2022"})
    message_id = exchange.original_message_id
    pressed = await running_bot.emulator.press(message_id, "pages:last")
    await pressed.response()
    reply = await running_bot.app.answer(parse_command("/timeline date: 2022"))
    assert buttons_of(running_bot.emulator.message(message_id)) == buttons_of(
        layout(reply, len(reply.pages) - 1).payload()
    )


async def test_a_numbered_button_opens_that_search_result_in_place(running_bot):
    emulator = running_bot.emulator
    exchange, first = await running_bot.ask("article search", {"query": "ukraine russia war"})
    message_id = exchange.original_message_id
    listing = next(f["value"] for f in first["embeds"][0]["fields"] if f["name"].startswith("All "))
    third_headline = listing.split("`3` **", 1)[1].split("**", 1)[0]
    pressed = await emulator.press(message_id, emulator.buttons(message_id)["3"]["custom_id"])
    assert (await pressed.response())["type"] == 7
    shown = emulator.message(message_id)
    assert shown["embeds"][0]["title"].replace("[", "\\[").replace("]", "\\]").startswith(third_headline.rstrip("…"))
    assert emulator.buttons(message_id)["3"]["disabled"] is True
    assert emulator.buttons(message_id)["1"].get("disabled") is not True
