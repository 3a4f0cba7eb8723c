"""The App door: quote history in a real SQLite file, corpus reload, permissions, usage counts."""

from __future__ import annotations

import asyncio
import random

from bot.app import App, Invocation
from bot.archive.load import load_corpus
from bot.core.answers.quote import candidates
from bot.store import Store
from tests.conftest import SEEDS


async def test_quotes_do_not_repeat_in_a_channel_until_all_were_shown_even_across_restarts(corpus, tmp_path):
    database = tmp_path / "bot.sqlite3"
    total = len(candidates(corpus))  # the spoken quotations: a word or two in quotation marks waits behind them
    assert total >= 2
    seen: list[str] = []
    for _restart in range(2):  # half the cycle, restart, the other half
        store = await Store.open(database)
        app = App(corpus, store, rng=random.Random(7))
        for _ in range(total // 2 if not seen else total - len(seen)):
            reply = await app.answer(Invocation("quote random", channel_id=42))
            seen.append(reply.data["quote"]["id"])
        await store.close()
    assert len(seen) == total and len(set(seen)) == total
    store = await Store.open(database)
    again = await App(corpus, store).answer(Invocation("quote random", channel_id=42))
    assert again.data["quote"]["id"] in seen  # a new cycle starts…
    assert again.data["quote"]["id"] != seen[-1]  # …but not with the quote just shown
    other = await App(corpus, store).answer(Invocation("quote random", channel_id=43))
    assert other.data["quote"]["id"] in seen
    assert (await store.usage())["quote random"] == total + 2
    await store.close()


async def test_reload_needs_manage_server_and_swaps_the_corpus_whole(corpus, tmp_path):
    store = await Store.open(tmp_path / "bot.sqlite3")
    loads = []

    def loader():
        loads.append(1)
        return load_corpus(SEEDS)

    app = App(corpus, store, loader=loader)
    denied = await app.answer(Invocation("corpus reload"))
    assert denied.ephemeral and "Manage Server" in denied.pages[0].description and not loads
    before = app.corpus
    searches = [app.answer(Invocation("article search", {"query": "kharkiv"})) for _ in range(20)]
    results = await asyncio.gather(app.answer(Invocation("corpus reload", can_manage=True)), *searches)
    assert loads == [1] and app.corpus is not before
    assert results[0].pages[0].title == "Corpus reloaded"
    assert all(r.data["results"][0]["article_id"] == "000_8d65afffd99f3673" for r in results[1:])
    await store.close()


async def test_unknown_options_and_missing_required_ones_are_user_errors(corpus, tmp_path):
    store = await Store.open(tmp_path / "bot.sqlite3")
    app = App(corpus, store)
    reply = await app.answer(Invocation("article search", {"colour": "red", "query": "x"}))
    assert reply.ephemeral and "colour" in reply.pages[0].description
    reply = await app.answer(Invocation("article show", {"article": "  "}))
    assert reply.ephemeral and "article" in reply.pages[0].description
    await store.close()


async def test_every_example_in_help_answers_with_a_real_result(corpus, tmp_path):
    from bot.cli.console import parse_command
    from bot.commands import TABLE

    store = await Store.open(tmp_path / "bot.sqlite3")
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
