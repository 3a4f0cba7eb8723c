"""Each slash command through the real bot and discord.py, answered from the real seeds."""

from __future__ import annotations

import regex

from bot.commands import COMMANDS
from tests.e2e.conftest import settings_for, start_bot, stop_bot

KHARKIV_HEADLINE = "Vladimir Putin’s war is failing. The West should help it fail faster"
COUNTER_OFFENSIVE_HEADLINE = "Ukraine’s coming counter-offensive may shape its future—and Europe’s"
EPHEMERAL = 64


def declared_options(commands: list[dict], path: str) -> set[str]:
    """Option names of a synced command given as 'article search'."""
    top, *rest = path.split()
    node = next(c for c in commands if c["name"] == top)
    for name in rest:
        node = next(o for o in node["options"] if o["name"] == name and o["type"] in (1, 2))
    return {o["name"] for o in node.get("options") or [] if o["type"] not in (1, 2)}


async def test_the_bot_syncs_the_public_commands_to_its_guild(running_bot):
    synced = running_bot.emulator.commands[running_bot.emulator.guild_id]
    by_name = {c["name"]: c for c in synced}
    assert {"article", "quote", "timeline", "help"} <= set(by_name)
    assert {o["name"] for o in by_name["article"]["options"]} == {"search", "show", "list"}
    assert {o["name"] for o in by_name["quote"]["options"]} == {"random", "search", "daily"}
    help_option = by_name["help"]["options"][0]
    assert help_option["name"] == "command" and help_option["autocomplete"] and not help_option.get("required")
    for name, command in COMMANDS.items():  # the command table is what Discord shows
        if name.split()[0] in by_name and not command.internal:
            assert declared_options(synced, name) == set(command.option_names), name
    query = next(o for o in by_name["article"]["options"][0]["options"] if o["name"] == "query")
    assert query["required"] and query["autocomplete"] and query["type"] == 3
    assert running_bot.emulator.requests_to("PUT", "/applications/{application_id}/commands") == []


async def test_article_search_finds_the_kharkiv_article_first(running_bot):
    exchange, reply = await running_bot.ask("article search", {"query": "kharkiv"})
    first = reply["embeds"][0]
    assert first["title"] == KHARKIV_HEADLINE
    assert "kharkiv" in first["description"].lower() or any("Kharkiv" in f["value"] for f in first["fields"])
    assert not reply.get("flags", 0) & EPHEMERAL
    assert reply["allowed_mentions"] == {"parse": []}
    buttons = running_bot.emulator.buttons(exchange.original_message_id)
    assert buttons["Next"].get("disabled") is not True and buttons["Back"]["disabled"] is True


async def test_article_show_answers_with_the_autocompleted_article(running_bot):
    emulator = running_bot.emulator
    completion = await emulator.autocomplete("article show", {"article": "counter"}, focused="article")
    choices = await completion.choices()
    assert choices and choices[0]["name"].startswith("Ukraine’s coming counter-offensive")
    _, reply = await running_bot.ask("article show", {"article": choices[0]["value"]})
    assert reply["embeds"][0]["title"] == COUNTER_OFFENSIVE_HEADLINE
    assert not reply.get("flags", 0) & EPHEMERAL


async def test_quote_random_gives_a_quotation_from_its_article_with_a_speaker(running_bot):
    _, reply = await running_bot.ask("quote random")
    embed = reply["embeds"][0]
    speaker = regex.search(r"— \*\*(.+?)\*\*", embed["description"])
    assert speaker and speaker.group(1).strip()
    headline = next(f["value"] for f in embed["fields"] if f["name"] == "Article")
    article = running_bot.app.corpus.article(headline)
    words = regex.findall(r"\w+", embed["title"])[:8]  # the quotation's opening words, as printed
    assert article is not None and " ".join(words) in " ".join(regex.findall(r"\w+", article.body))


async def test_timeline_for_2022_lists_events_dated_in_2022(running_bot):
    exchange, reply = await running_bot.ask("timeline", {"date": "2022"})
    embed = reply["embeds"][0]
    dates = regex.findall(r"^\*\*([^*]+)\*\* — ", embed["description"], flags=regex.M)
    assert len(dates) >= 5 and all("2022" in d for d in dates)
    assert "Page 1/" in embed["footer"]["text"]


async def test_help_lists_what_the_bot_can_do(running_bot):
    _, reply = await running_bot.ask("help")
    text = str(reply["embeds"][0])
    for command in ("/article search", "/quote random", "/timeline"):
        assert command in text
    assert not reply.get("flags", 0) & EPHEMERAL


async def test_an_empty_result_is_an_ephemeral_notice(running_bot):
    _, reply = await running_bot.ask("article search", {"query": "zzzqqq"})
    assert reply["flags"] & EPHEMERAL
    assert "zzzqqq" in reply["embeds"][0]["description"]


async def test_echoed_user_text_pings_no_one(running_bot):
    exchange, reply = await running_bot.ask("article search", {"query": "@everyone <@&1> zzzqqq"})
    assert "@everyone <@&1>" in str(reply["embeds"])
    assert reply["allowed_mentions"] == {"parse": []}
    mentions = {"everyone", "roles", "users"}
    assert not any(
        set((r.body.get("allowed_mentions") or {}).get("parse") or []) & mentions
        for r in running_bot.emulator.requests
        if isinstance(r.body, dict)
    )


async def test_a_user_error_is_a_short_ephemeral_explanation(running_bot):
    _, reply = await running_bot.ask("timeline", {"date": "blorp"})
    assert reply["flags"] & EPHEMERAL and "blorp" in reply["embeds"][0]["description"]
    _, unknown = await running_bot.ask("article show", {"article": "nothing-here"})
    assert unknown["flags"] & EPHEMERAL and "nothing-here" in unknown["embeds"][0]["description"]


async def test_autocomplete_answers_at_most_25_choices_within_limits(running_bot):
    emulator = running_bot.emulator
    for command, option, typed in [
        ("article search", "query", ""),
        ("quote random", "speaker", ""),
        ("quote random", "speaker", "zel"),
        ("timeline", "article", "ukraine"),
    ]:
        choices = await (await emulator.autocomplete(command, {option: typed}, focused=option)).choices()
        assert len(choices) <= 25
        assert all(1 <= len(c["name"]) <= 100 and 1 <= len(c["value"]) <= 100 for c in choices)
    zel = await (await emulator.autocomplete("quote random", {"speaker": "zel"}, focused="speaker")).choices()
    assert "Volodymyr Zelensky" in [c["value"] for c in zel]
    full = await (await emulator.autocomplete("quote random", {"speaker": "zelensky"}, focused="speaker")).choices()
    assert full[0]["value"] == "Volodymyr Zelensky"


async def test_timeline_with_chart_uploads_the_picture_the_embed_shows(running_bot):
    emulator = running_bot.emulator
    exchange, reply = await running_bot.ask("timeline", {"date": "2022", "chart": True})
    assert reply["embeds"][0]["image"]["url"] == "attachment://timeline.png"
    uploads = [r for r in emulator.requests if r.files and exchange.token in r.path]
    assert len(uploads) == 1 and set(uploads[0].files) == {"timeline.png"}
    png = uploads[0].files["timeline.png"]
    assert png.startswith(b"\x89PNG") and len(png) < 1_000_000
    stored = emulator.message(exchange.original_message_id)
    assert [a["filename"] for a in stored["attachments"]] == ["timeline.png"]
    turned = await emulator.press(exchange.original_message_id, "pages:next")  # the chart stays on every page
    await turned.response()
    assert [a["filename"] for a in emulator.message(exchange.original_message_id)["attachments"]] == ["timeline.png"]
    _, plain = await running_bot.ask("timeline", {"date": "2022"})
    assert "image" not in plain["embeds"][0]


async def test_find_articles_about_this_answers_privately_with_the_results_of_a_search(running_bot):
    emulator = running_bot.emulator
    said = emulator.post("<@123> did you see this? Kharkiv again… https://example.com/x :flag_ua:")
    exchange = await emulator.menu("Find articles about this", said)
    reply = await exchange.reply()
    assert reply["flags"] & EPHEMERAL
    assert reply["embeds"][0]["title"] == KHARKIV_HEADLINE
    assert reply["allowed_mentions"] == {"parse": []}
    empty = emulator.post("<@123> :thumbsup: https://example.com/only-a-link")
    nothing = await (await emulator.menu("Find articles about this", empty)).reply()
    assert nothing["flags"] & EPHEMERAL and "Nothing to search for" in str(nothing["embeds"])


ARTICLE = (
    "Ferry timetable changes for the winter\n\n"
    "The island ferry will sail twice a day from Monday, the operator said.\n\n"
    "“We would rather run two full boats than four empty ones,” said Tomas Berg, its chief executive.\n"
).encode()


async def test_corpus_add_previews_an_attachment_privately_and_adds_it_on_confirm(emulator, tmp_path):
    with emulator.patched_discord():
        running = await start_bot(emulator, settings_for(emulator, tmp_path / "bot.sqlite3"))  # the owner adds
        try:
            upload = emulator.upload("Ferry winter.txt", ARTICLE)
            exchange, preview = await running.ask("corpus add", {"file": upload})
            assert emulator.attachment_downloads == 1
            assert preview["flags"] & EPHEMERAL and preview["embeds"][0]["title"].startswith("Preview: Ferry timetable")
            assert "Ferry_winter" not in running.app.corpus.articles
            message = exchange.original_message_id
            stranger = await emulator.press(message, "action:0", user=emulator.other_user)
            assert "belong to whoever ran" in (await stranger.reply())["content"]
            added = await emulator.press(message, emulator.buttons(message)["Add it"]["custom_id"])
            await added.response()
            assert emulator.message(message)["embeds"][0]["title"] == "Article added"
            (stored,) = await running.app.store.stored_articles(["Ferry_winter"])
            assert stored.content == ARTICLE and stored.original_name == "Ferry winter.txt"
            assert "Ferry_winter" in running.app.corpus.articles
            _, twice = await running.ask("corpus add", {"file": emulator.upload("Ferry winter.txt", b"\x00\x01binary")})
            assert "binary" in str(twice["embeds"]) + twice.get("content", "")
            downloads = emulator.attachment_downloads
            huge = emulator.upload("huge.txt", b"x" * (30 * 1024 * 1024))
            _, refused = await running.ask("corpus add", {"file": huge})
            assert refused["flags"] & EPHEMERAL and "30 MB" in refused["content"]
            assert "Discord's upload limit here (8 MB)" in refused["content"]  # the interaction's own limit
            assert emulator.attachment_downloads == downloads  # refused before downloading
        finally:
            await stop_bot(running)


async def test_an_upload_over_the_configured_article_size_is_refused_privately_saying_the_limit(emulator, tmp_path):
    settings = settings_for(emulator, tmp_path / "bot.sqlite3").model_copy(update={"max_article_bytes": 200})
    with emulator.patched_discord():
        running = await start_bot(emulator, settings)
        try:
            _, refused = await running.ask("corpus add", {"file": emulator.upload("Ferry <@123>.txt", ARTICLE)})
            assert refused["flags"] & EPHEMERAL and not refused.get("components")
            assert refused["content"] == (
                f"I can't add “Ferry <@123>.txt”: {len(ARTICLE)} bytes is too large for an article (at most 200 bytes)."
            )
            assert refused["allowed_mentions"] == {"parse": []}  # the echoed name pings nobody
            assert emulator.attachment_downloads == 0  # refused from the size Discord states, before downloading
            assert await running.app.store.stored_articles() == []
            small = emulator.upload(
                "Ferry.txt", b"Ferry timetable changes\n\nThe island ferry will sail twice a day.\n"
            )
            _, preview = await running.ask("corpus add", {"file": small})
            assert preview["embeds"][0]["title"].startswith("Preview: Ferry timetable")
        finally:
            await stop_bot(running)


async def test_quote_daily_and_config_daily_quote_through_discord(running_bot):
    emulator = running_bot.emulator
    _, first = await running_bot.ask("quote daily")
    _, again = await running_bot.ask("quote daily", user=emulator.other_user)
    assert first["embeds"][0]["title"] == again["embeds"][0]["title"]
    assert first["embeds"][0]["footer"]["text"].startswith("Quote of the day")
    assert "components" not in first or not first["components"]
    _, setting = await running_bot.ask("config daily-quote", {"channel": emulator.channel(), "time": "08:30"})
    assert setting["flags"] & EPHEMERAL and f"<#{emulator.channel_id}>" in str(setting["embeds"])
    _, shown = await running_bot.ask("config show")
    assert "08:30 UTC" in str(shown["embeds"])
