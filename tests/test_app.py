"""The App door: quote history in a real SQLite file, corpus reload, permissions, usage counts."""

from __future__ import annotations

import asyncio
import random

import bot.archive.holdings
from bot.app import App
from bot.archive.load import load_corpus
from bot.core.answers.quote import candidates
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.conftest import SEEDS, archive_app


async def test_quotes_do_not_repeat_in_a_channel_until_all_were_shown_even_across_restarts(corpus, tmp_path):
    database = tmp_path / "bot.sqlite3"
    total = len(candidates(corpus))  # the spoken quotations: a word or two in quotation marks waits behind them
    assert total >= 2
    seen: list[str] = []
    for _restart in range(2):  # half the cycle, restart, the other half
        store = await SqliteStore.open(database)
        app = App(corpus, store, rng=random.Random(7))
        for _ in range(total // 2 if not seen else total - len(seen)):
            reply = await app.answer(Invocation("quote random", channel_id=42))
            seen.append(reply.data["quote"]["id"])
        await store.close()
    assert len(seen) == total and len(set(seen)) == total
    store = await SqliteStore.open(database)
    again = await App(corpus, store).answer(Invocation("quote random", channel_id=42))
    assert again.data["quote"]["id"] in seen  # a new cycle starts…
    assert again.data["quote"]["id"] != seen[-1]  # …but not with the quote just shown
    other = await App(corpus, store).answer(Invocation("quote random", channel_id=43))
    assert other.data["quote"]["id"] in seen
    assert (await store.usage())["quote random"] == total + 2
    await store.close()


async def test_reload_is_for_archive_admins_and_swaps_the_corpus_whole(tmp_path, monkeypatch):
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = await archive_app(SEEDS, store, admin_guild_ids={9})
    loads = []

    def counted(*args, **kwargs):
        loads.append(1)
        return load_corpus(*args, **kwargs)

    monkeypatch.setattr(bot.archive.holdings, "load_corpus", counted)
    denied = await app.answer(Invocation("corpus reload", guild_id=8, can_manage=True))
    assert denied.ephemeral and "may change the archive" in denied.pages[0].description and not loads
    before = app.corpus
    searches = [app.answer(Invocation("article search", {"query": "kharkiv"})) for _ in range(20)]
    reload = Invocation("corpus reload", guild_id=9, can_manage=True)
    results = await asyncio.gather(app.answer(reload), *searches)
    assert loads == [1] and app.corpus is not before
    assert results[0].pages[0].title == "Archive reloaded"
    assert all(r.data["results"][0]["article_id"] == "000_8d65afffd99f3673" for r in results[1:])
    await store.close()


async def test_unknown_options_and_missing_required_ones_are_user_errors(corpus, tmp_path):
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    reply = await app.answer(Invocation("article search", {"colour": "red", "query": "x"}))
    assert reply.ephemeral and "colour" in reply.pages[0].description
    reply = await app.answer(Invocation("article show", {"article": "  "}))
    assert reply.ephemeral and "article" in reply.pages[0].description
    await store.close()


async def test_every_example_in_help_answers_with_a_real_result(corpus, tmp_path):
    from bot.cli.console import parse_command
    from bot.commands import TABLE

    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    examples = [example for command in TABLE for example in command.examples]
    assert len(examples) >= 8
    for example in examples:
        reply = await app.answer(parse_command(example))
        real = not reply.ephemeral or reply.data.get("results")  # a menu's results are private, still results
        assert real, f"{example} gave a notice: {reply.pages[0].description}"
    await store.close()


def test_an_article_is_found_by_a_part_of_its_headline_that_names_only_it(corpus):
    assert corpus.article("Ukraine’s coming counter-offensive").id == "003_ca573a1cae3f6ec8"
    assert corpus.article("ukraine's coming counter-offensive").id == "003_ca573a1cae3f6ec8"  # straight apostrophe
    assert corpus.article("Ukraine") is None  # in several headlines: names none
