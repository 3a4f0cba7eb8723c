"""Rendering replies as Discord payloads never breaks a platform limit."""

from __future__ import annotations

from bot.core import limits
from bot.core.layout import embed_length, message_payload
from bot.core.replies import Action, Field, Page, Reply, paginate


def test_oversized_pages_are_cut_to_every_embed_limit() -> None:
    page = Page(
        title="t" * 1000,
        description="d" * 9000,
        footer="f" * 3000,
        fields=[Field("n" * 400, "v" * 2000) for _ in range(40)],
    )
    embed = message_payload(Reply([page]))["embeds"][0]
    assert len(embed["title"]) <= limits.EMBED_TITLE
    assert len(embed["description"]) <= limits.EMBED_DESCRIPTION
    assert len(embed["fields"]) <= limits.EMBED_FIELDS
    assert all(len(f["name"]) <= limits.FIELD_NAME and len(f["value"]) <= limits.FIELD_VALUE for f in embed["fields"])
    assert embed_length(embed) <= limits.EMBED_TOTAL


def test_paginate_splits_long_lists_and_numbers_pages() -> None:
    pages = paginate("Timeline", [f"line {i} " + "x" * 300 for i in range(40)])
    assert len(pages) > 1
    assert pages[-1].footer == f"Page {len(pages)}/{len(pages)}"
    assert sum(p.description.count("line ") for p in pages) == 40


def test_buttons_and_flags() -> None:
    reply = Reply(
        paginate("T", [str(i) for i in range(30)], per_page=10),
        ephemeral=True,
        actions=[Action("Another quote", "quote random")],
    )
    payload = message_payload(reply, page=2)
    pager, actions = payload["components"]
    assert [b["disabled"] for b in pager["components"]] == [False, False, True, True, True]
    assert pager["components"][2]["label"] == "3/3"
    assert actions["components"][0]["label"] == "Another quote"
    assert payload["flags"] == limits.EPHEMERAL_FLAG
    assert payload["allowed_mentions"] == {"parse": []}
