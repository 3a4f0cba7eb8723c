"""/quote daily: the same quotation for a whole server all day, and none again until every one was shown."""

from __future__ import annotations

import datetime as dt

from bot.app import App
from bot.core.answers.daily import daily_quote, daily_reply
from bot.core.answers.quote import preferred, servable, spoken
from bot.core.corpus import Corpus
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore

DAY = dt.date(2026, 12, 1)


def test_a_cycle_of_days_shows_every_spoken_quotation_once(corpus: Corpus) -> None:
    pool = preferred(servable(corpus))
    assert 0 < len(pool) < len(servable(corpus))  # 'unacceptable.', 'one nation', 'astounding' are no quote of the day
    days = [DAY + dt.timedelta(days=n) for n in range(len(pool))]
    shown = [daily_quote(corpus, 42, day).id for day in days]
    assert sorted(shown) == sorted(q.id for q in pool)
    assert daily_quote(corpus, 42, days[-1] + dt.timedelta(days=1)).id == shown[0]  # then it starts again


def test_servers_have_their_own_order(corpus: Corpus) -> None:
    week = [DAY + dt.timedelta(days=n) for n in range(7)]
    orders = {server: [daily_quote(corpus, server, d).id for d in week] for server in (1, 2, 3)}
    assert len({tuple(order) for order in orders.values()}) > 1


def test_the_daily_card_has_no_other_quote_button_and_names_its_day(corpus: Corpus) -> None:
    reply = daily_reply(corpus, 42, DAY)
    assert reply.actions == [] and reply.pages[0].footer == "Quote of the day · 1 Dec 2026"


async def test_everyone_in_a_server_gets_the_same_quote_until_midnight_utc(corpus: Corpus, tmp_path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    now = [dt.datetime(2026, 12, 1, 23, 59, tzinfo=dt.UTC)]
    app = App(corpus, store, clock=lambda: now[0])
    first = await app.answer(Invocation("quote daily", guild_id=7, channel_id=1))
    again = await app.answer(Invocation("quote daily", guild_id=7, channel_id=2))
    assert first.data["quote"]["id"] == again.data["quote"]["id"]
    now[0] = dt.datetime(2026, 12, 2, 0, 1, tzinfo=dt.UTC)
    tomorrow = await app.answer(Invocation("quote daily", guild_id=7, channel_id=1))
    assert tomorrow.data["quote"]["id"] != first.data["quote"]["id"] and tomorrow.data["day"] == "2026-12-02"
    await store.close()


def test_the_quote_of_the_day_is_a_spoken_sentence_never_a_word_or_two(corpus: Corpus) -> None:
    for day in (DAY + dt.timedelta(days=n) for n in range(60)):
        chosen = daily_quote(corpus, 42, day)
        assert spoken(chosen) and len(chosen.text.split()) >= 3, chosen.text
