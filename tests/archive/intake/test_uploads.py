"""Uploaded articles: safe names, a preview that waits for its uploader, stored only when confirmed."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.archive.intake.uploads import Upload, Uploads, safe_name
from bot.invocation import Invocation
from bot.stores.sqlite import SqliteStore
from tests.conftest import FIXTURES, archive_app, seeds_copy

ARTICLE = b"""---
headline: Ferry timetable changes for the winter
publication: The Test Gazette
date: 2024-11-04
---
The island ferry will sail twice a day from Monday, the operator said on Friday.

\xe2\x80\x9cWe would rather run two full boats than four empty ones,\xe2\x80\x9d said Tomas Berg, its chief executive.
"""


@given(st.text(string.printable + 'ÄéüßÅ…/\\:*?"<>|', max_size=120), st.sampled_from([".txt", ".MD", ".html", ""]))
def test_a_safe_name_stays_in_the_folder_on_every_system(stem: str, suffix: str) -> None:
    name = safe_name(stem + suffix)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert name.isascii() and all(c.isalnum() or c in "._-" for c in name)
    typed = Path((stem + suffix).replace("\\", "/").rsplit("/", 1)[-1]).suffix.lower()
    if typed[1:].isalnum() and typed.isascii():  # an ordinary extension is kept, in lower case
        assert name.endswith(typed)
    assert len(name) <= 81 + len(typed)


def test_traversal_and_reserved_names_are_made_harmless() -> None:
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("..\\..\\boot.ini.md") == "boot.ini.md"
    assert safe_name("CON.txt") == "_CON.txt" and safe_name("...txt") == "article.txt"
    assert safe_name("Ünïcode news.HTML") == "Unicode_news.html"


def test_an_upload_is_taken_once_and_only_by_its_uploader() -> None:
    waiting = Uploads()
    token = waiting.hold(Upload("a.txt", b"x", user_id=1))
    assert waiting.take(token, user_id=2) is None
    assert waiting.take(token, user_id=1).name == "a.txt"
    assert waiting.take(token, user_id=1) is None


async def _app(tmp_path):
    folder = seeds_copy(tmp_path)
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    return await archive_app(folder, store), folder, store


async def test_preview_then_confirm_adds_the_article_and_cancel_adds_nothing(tmp_path) -> None:
    app, folder, store = await _app(tmp_path)
    upload = Invocation(
        "corpus add", {"file": "../Ferry news.md"}, is_owner=True, upload=("../Ferry news.md", ARTICLE), user_id=7
    )
    preview = await app.answer(upload)
    assert preview.ephemeral and preview.pages[0].title == "Preview: Ferry timetable changes for the winter"
    fields = {f.name: f.value for f in preview.pages[0].fields}
    assert fields["Date"] == "4 Nov 2024 (stated)" and "Tomas Berg" in fields["Quotations"]
    assert [a.label for a in preview.actions] == ["Add it", "Cancel"] and "Ferry_news" not in app.corpus.articles
    token = {"upload": preview.data["upload"]}
    stranger = await app.answer(Invocation("corpus add confirm", token, is_owner=True, user_id=8))
    assert stranger.ephemeral and "expired" in stranger.pages[0].description
    added = await app.answer(Invocation("corpus add confirm", token, is_owner=True, user_id=7))
    assert added.pages[0].title == "Article added" and added.data["article_id"] == "Ferry_news"
    assert "Ferry_news" in app.corpus.articles and len(app.corpus.articles) == 6
    other = ARTICLE.replace(b"twice a day", b"three times a day")
    again = await app.answer(
        Invocation("corpus add", {"file": "x.md"}, is_owner=True, upload=("x.md", other), user_id=7)
    )
    await app.answer(Invocation("corpus add cancel", {"upload": again.data["upload"]}, is_owner=True, user_id=7))
    assert len(app.corpus.articles) == 6 and not list(folder.glob("Ferry_news*"))
    await store.close()


async def test_bad_uploads_get_a_clear_private_answer_and_leave_nothing(tmp_path) -> None:
    app, folder, store = await _app(tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    for name, data, says in [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("page.html", b"<html><body><nav>Home</nav><p>Not found.</p></body></html>", "no article"),
        ("notes.pdf", b"%PDF-1.7", "not an article file"),
        ("huge.txt", b"x" * (6 * 1024 * 1024), "at most"),
    ]:
        reply = await app.answer(Invocation("corpus add", {"file": name}, is_owner=True, upload=(name, data)))
        assert reply.ephemeral and says in reply.pages[0].description, (name, reply.pages[0].description)
    member = await app.answer(Invocation("corpus add", {"file": "a.txt"}, upload=("a.txt", ARTICLE)))
    assert "may change the archive" in member.pages[0].description
    assert sorted(p.name for p in folder.iterdir()) == before
    await store.close()


async def test_a_web_page_s_preview_says_where_on_the_page_its_date_was_found(tmp_path) -> None:
    app, folder, store = await _app(tmp_path)
    page = (FIXTURES / "web" / "gannett_byline.html").read_bytes()
    preview = await app.answer(
        Invocation("corpus add", {"file": "board.html"}, is_owner=True, upload=("board.html", page), user_id=7)
    )
    fields = {f.name: f.value for f in preview.pages[0].fields}
    assert fields["Date"] == "2 Mar 2024 (byline · visible page)" and fields["Publication"] == "The Riverton Times"
    await store.close()
