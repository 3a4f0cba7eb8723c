"""Answers a person trusts, through the App's door on the seeds: typed dates read as the period they name,
questions, browsing, any script, invisible characters, and the small things a reader notices."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bot.app import App
from bot.cli.console import render_text
from bot.core.answers.quote import spoken
from bot.core.corpus import Corpus
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore as Store


@pytest.fixture
async def app(corpus: Corpus, tmp_path) -> App:
    store = await Store.open(tmp_path / "bot.sqlite3")
    yield App(corpus, store, rng=random.Random(3))
    await store.close()


async def ask(app: App, name: str, **options: str):
    return await app.answer(Invocation(name, options, channel_id=5, guild_id=9))


@pytest.mark.parametrize(
    ("date", "title"),
    [
        ("H2 2022", "Timeline · H2 2022"),
        ("year 2023", "Timeline · 2023"),
        ("2023?", "Timeline · 2023"),
        ("2023 🎉", "Timeline · 2023"),
        ("２０２３", "Timeline · 2023"),
        ("\u200b2023", "Timeline · 2023"),
        ("2022/09", "Timeline · Sep 2022"),
        ("2022.09", "Timeline · Sep 2022"),
        ("Sep '22", "Timeline · Sep 2022"),
        ("between March and May 2024", "Timeline · Mar – May 2024"),
        ("2014-2015", "Timeline · 2014–2015"),
        ("since 2024", "Timeline · since 2024"),
        ("before 2015", "Timeline · before 2015"),
    ],
)
async def test_a_typed_date_is_the_period_it_names_and_the_title_says_which(app: App, date: str, title: str) -> None:
    reply = await ask(app, "timeline", date=date)
    assert reply.pages[0].title == title, render_text(reply)


async def test_events_of_a_range_typed_in_date_are_all_inside_it(app: App) -> None:
    reply = await ask(app, "timeline", date="before 2015")
    assert reply.data["period"]["last"] == "2014-12-31"
    assert reply.data["events"] and all(e["first"] <= "2014-12-31" for e in reply.data["events"])


async def test_a_date_that_is_no_date_says_the_forms_that_work_with_the_text_escaped(app: App) -> None:
    reply = await ask(app, "timeline", date="**soon**")
    text = reply.pages[0].description
    assert reply.ephemeral and "“\\*\\*soon\\*\\*”" in text and "`since 2022`" in text and "`start:`" in text


async def test_search_states_the_publication_dates_it_understood(app: App) -> None:
    reply = await ask(app, "article search", query="ukraine", start="Sep '22", end="H1 2023")
    assert "published Sep 2022 – Jun 2023" in reply.pages[0].footer
    assert reply.data["filters"]["published"] == "Sep 2022 – Jun 2023"
    published = {r["article_id"] for r in reply.data["results"]}
    assert published == {"000_8d65afffd99f3673", "003_ca573a1cae3f6ec8", "002_ef0831b4358510b1"}


async def test_zero_width_characters_in_options_are_ignored(app: App) -> None:
    plain = await ask(app, "article search", query="kharkiv counter-offensive")
    hidden = await ask(app, "article search", query="khar\u200bkiv counter\u00ad-offensive\ufeff")
    assert hidden.data["results"] == plain.data["results"]
    by_name = await ask(app, "quote random", speaker="Zelen\u200dsky")
    assert by_name.data["quote"]["speaker"] == "Volodymyr Zelensky"
    assert app.autocomplete("quote random", "speaker", "\u200bZel") == [("Volodymyr Zelensky", "Volodymyr Zelensky")]


async def test_ukrainian_and_russian_reach_speakers_searches_timelines_and_autocomplete(app: App) -> None:
    for typed in ("Зеленський", "Зеленский"):
        reply = await ask(app, "quote random", speaker=typed)
        assert reply.data["quote"]["speaker"] == "Volodymyr Zelensky", typed
    for typed in ("Київ", "Киев"):
        reply = await ask(app, "article search", query=typed)
        assert reply.data["readings"] and "kyiv" in reply.data["readings"].values()
    apostrophe = await ask(app, "article search", query="Куп’янськ")  # the Ukrainian apostrophe is part of the word
    assert apostrophe.data["results"][0]["article_id"] == "000_8d65afffd99f3673"
    unrelated = await ask(app, "article search", query="Шольц")  # 'sholts' is two letters from 'shells': no match
    assert unrelated.pages[0].title == "No match" and "shells" not in render_text(unrelated)
    timeline = await ask(app, "timeline", query="Харків")
    assert timeline.data["events"] and all("Kharkiv" in e["sentence"] for e in timeline.data["events"])
    assert app.autocomplete("article search", "query", "Харків")[0] == ("kharkiv", "kharkiv")
    assert app.autocomplete("quote random", "speaker", "Зел") == [("Volodymyr Zelensky", "Volodymyr Zelensky")]


async def test_who_said_answers_with_the_quotation_in_search_and_in_the_message_menu(app: App) -> None:
    searched = await ask(app, "article search", query="who said russia must not win")
    assert searched.pages[0].title == "“Russia must not win, Ukraine must not lose.”"
    assert searched.data["quote"]["speaker"] == "Olaf Scholz"
    assert searched.data["results"][0]["article_id"] == searched.data["quote"]["article_id"]
    menu = await ask(app, "find articles", text="Who said it's still a highly volatile landscape?")
    assert menu.ephemeral and menu.data["quote"]["speaker"] == "Eric Ciaramella"


async def test_quote_search_finds_quotations_by_their_words(app: App) -> None:
    reply = await ask(app, "quote search", text="volatil landscape")  # a typo, too
    assert [r["speaker"] for r in reply.data["results"]] == ["Eric Ciaramella"]
    nothing = await ask(app, "quote search", text="the")
    assert nothing.ephemeral and nothing.pages[0].title == "Nothing to search for"


async def test_a_query_with_nothing_to_search_says_so(app: App) -> None:
    for query in ("the", "../../etc/passwd", "?!"):
        reply = await ask(app, "article search", query=query)
        assert reply.pages[0].title == "Nothing to search for" and "spelling" not in render_text(reply)


async def test_article_list_shows_the_archive_newest_first_and_help_mentions_it(app: App, corpus: Corpus) -> None:
    reply = await ask(app, "article list", publication="economist")
    assert [r["article_id"] for r in reply.data["results"]] == ["003_ca573a1cae3f6ec8", "000_8d65afffd99f3673"]
    assert reply.pages[0].title == "Articles · The Economist"
    listed = await ask(app, "help")
    assert any(field.name == "/article list" for field in listed.pages[0].fields)


async def test_help_for_one_command_with_its_names_completed(app: App) -> None:
    reply = await ask(app, "help", command="timeline")
    assert reply.pages[0].title == "/timeline" and "`date:`" in reply.pages[0].fields[0].value
    group = await ask(app, "help", command="quote")
    assert [f.name for f in group.pages[0].fields] == ["/quote random", "/quote search", "/quote daily"]
    assert app.autocomplete("help", "command", "tim") == [("timeline", "timeline")]
    assert ("corpus add confirm", "corpus add confirm") not in app.autocomplete("help", "command", "corpus")


async def test_the_quote_of_the_day_is_always_a_spoken_sentence(corpus: Corpus, tmp_path) -> None:
    store = await Store.open(tmp_path / "bot.sqlite3")
    for day in range(40):
        now = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=day)
        reply = await App(corpus, store, clock=lambda now=now: now).answer(Invocation("quote daily", guild_id=4))
        quote = next(q for q in corpus.quotations() if q.id == reply.data["quote"]["id"])
        assert spoken(quote) and "closing quotation mark is missing" not in reply.pages[0].description
    await store.close()


async def test_quote_random_footers_count_the_round_instead_of_repeating_themselves(app: App) -> None:
    footers = [(await ask(app, "quote random")).pages[0].footer for _ in range(3)]
    total = (await ask(app, "quote random")).data["matching"]
    assert footers == [f"Shown here: {n} of {total} quotations" for n in (1, 2, 3)]


async def test_devised_titles_show_their_brackets_plain_and_a_date_said_twice_is_one_line(app: App) -> None:
    reply = await ask(app, "article search", query="strategic defeat allies")
    assert "\\[" not in render_text(reply) and "[Ukraine and its allies" in render_text(reply)
    shown = await ask(app, "article show", article="003")
    dated = next(f.value for f in shown.pages[0].fields if f.name == "Dated events")
    assert dated.count("**2014**") == 1 and "violated it in 2014" in dated and "annexed in 2014" in dated


async def test_echoed_text_is_escaped_in_every_notice(app: App) -> None:
    cases = [
        ("article show", {"article": "**no such**"}),
        ("timeline", {"article": "**no such**"}),
        ("quote random", {"speaker": "**no such**"}),
        ("article search", {"query": "**no such**"}),
        ("article search", {"query": "kyiv", "publication": "**no such**"}),
        ("help", {"command": "**no such**"}),
    ]
    for name, options in cases:
        reply = await ask(app, name, **options)
        assert reply.ephemeral and "\\*\\*no such\\*\\*" in reply.pages[0].description, name
    unknown = await ask(app, "timeline", **{"`x`": "1"})
    assert "\\`x\\`" in unknown.pages[0].description
