"""Buttons under the bot's replies: turning pages, refusing strangers, running an action again."""

from __future__ import annotations

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
    pressed = await emulator.press(message_id, emulator.buttons(message_id)["Next"]["custom_id"],
                                   user=emulator.other_user)
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
