"""Hostile pages fail alone, within their budget, with a clear message: uploaded, fetched, or in the folder at
start-up; the bot answers other commands meanwhile."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from aiohttp import web

from benchmarks.hostile import (
    article_page,
    deep_json_ld,
    deep_nesting,
    many_elements,
    million_paragraphs,
    text_flood,
)
from bot.app import App
from bot.archive.intake.sandbox import Sandbox
from bot.archive.load import load_corpus
from bot.core.reading.page_meta import json_ld_fields, parse_html
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.conftest import SEEDS, archive_app
from tests.loopback_site import loopback_site

REFUSED = {  # each page too costly to read, and what the refusal says
    "million-paragraphs.html": (million_paragraphs, "too large to read: 1,000,00"),
    "many-elements.html": (many_elements, "too large to read: 60,0"),
    "deep-nesting.html": (deep_nesting, "too deeply nested to read (more than 100 levels)"),
    "text-flood.html": (text_flood, "characters of text (at most 1,000,000)"),
}
HEADLINE = "Harbour council keeps the winter ferry"


async def _app(tmp_path, **options) -> App:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    return await archive_app(SEEDS, store, **options)  # the seeds are only read


def _upload(name: str, data: bytes) -> Invocation:
    return Invocation("corpus add", {"file": name}, is_owner=True, upload=(name, data), user_id=3)


async def test_a_page_beyond_the_limits_is_refused_with_the_reason_by_upload_and_by_url(tmp_path) -> None:
    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=REFUSED[request.match_info["name"]][0](), content_type="text/html")

    async with loopback_site({"/{name}": serve}) as base:
        app = await _app(tmp_path, fetch_allow_private=True)
        for name, (page, says) in REFUSED.items():
            for invocation in (
                _upload(name, page()),
                Invocation("corpus add", {"url": f"{base}/{name}"}, is_owner=True),
            ):
                reply = await app.answer(invocation)
                description = reply.pages[0].description
                assert reply.ephemeral and description.startswith("I can't add that file: ") and says in description
    assert await app.store.stored_articles() == []
    await app.store.close()


async def test_a_page_whose_json_ld_nests_100000_brackets_is_read_without_it(tmp_path) -> None:
    app = await _app(tmp_path)
    preview = await app.answer(_upload("deep-json-ld.html", deep_json_ld()))
    assert preview.pages[0].title == f"Preview: {HEADLINE}"
    for script in ("[" * 100_000 + "]" * 100_000, '{"@type": "NewsArticle", "author": ' + "[" * 900 + "]" * 900 + "}"):
        tree = parse_html(article_page(head=f'<script type="application/ld+json">{script}</script>').decode())
        assert json_ld_fields(tree) == {}
    await app.store.close()


async def test_a_page_over_the_time_limit_fails_alone_while_the_bot_answers(tmp_path) -> None:
    # a page within the limits on what it holds, that still takes far longer to read than this reader allows
    reader = Sandbox(seconds=0.05)
    app = await _app(tmp_path, reader=reader)
    slow = asyncio.ensure_future(app.answer(_upload("slow.html", many_elements(19_000))))
    search = asyncio.ensure_future(app.answer(Invocation("article search", {"query": "kharkiv"})))
    done, _ = await asyncio.wait({slow, search}, return_when=asyncio.FIRST_COMPLETED)
    assert search in done and search.result().data["results"]  # answered while the page was being read
    refused = (await slow).pages[0].description
    assert "slow.html: reading it took longer than 0.05 s, the most a page may take" in refused
    reader.seconds = 20.0  # the reader was stopped with the page; the next one starts a fresh one
    assert (await app.answer(_upload("fine.html", article_page()))).pages[0].title == f"Preview: {HEADLINE}"
    reader.close()
    await app.store.close()


async def test_a_page_over_the_memory_limit_fails_alone(tmp_path) -> None:
    reader = Sandbox(memory_bytes=8 * 1024 * 1024)
    app = await _app(tmp_path, reader=reader)
    large = article_page(body="".join(f"<p>{'ferry ' * 1000}</p>" for _ in range(400)))  # 2.4 MB
    refused = (await app.answer(_upload("large.html", large))).pages[0].description
    assert "large.html: reading it needs more than 8 MB of memory, the most a page may use" in refused
    assert (await app.answer(_upload("fine.html", article_page()))).pages[0].title == f"Preview: {HEADLINE}"
    reader.close()
    await app.store.close()


@pytest.mark.parametrize("processes", [1, 2])
def test_the_folder_at_start_up_skips_each_hostile_file_by_name(tmp_path, processes) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    for name, (page, _) in REFUSED.items():
        (folder / name).write_bytes(page())
    (folder / "deep-json-ld.html").write_bytes(deep_json_ld())
    corpus = load_corpus(folder, processes=processes)
    assert sorted(error.partition(":")[0] for error in corpus.errors) == sorted(
        n.removesuffix(".html") for n in REFUSED
    )
    assert all(says in error for error in corpus.errors for name, (_, says) in REFUSED.items() if name in error)
    assert corpus.articles["deep-json-ld"].headline == HEADLINE
    assert set(load_corpus(SEEDS).articles) < set(corpus.articles)


def test_a_folder_file_that_raises_anything_is_skipped_by_name(tmp_path, monkeypatch) -> None:
    """Whatever a library raises on a page (here a RecursionError, as the nested JSON-LD used to) is that
    file's failure: the load reports it and goes on."""
    import bot.archive.files as files

    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "trap.html").write_bytes(article_page())
    real = files.parse_webpage

    def parse(article_id: str, page: str):
        if article_id == "trap":
            raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")
        return real(article_id, page)

    monkeypatch.setattr(files, "parse_webpage", parse)
    corpus = load_corpus(folder, processes=1)
    assert corpus.errors == [
        "trap.html: cannot be read (RecursionError: maximum recursion depth exceeded while decoding a JSON array)"
    ]
    assert set(corpus.articles) == set(load_corpus(SEEDS).articles)
