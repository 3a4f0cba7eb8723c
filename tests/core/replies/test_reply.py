"""Neutral reply objects: pages split to fit, notices that only the invoker sees."""

from __future__ import annotations

from bot.core.replies.reply import Reply, paginate


def test_paginate_splits_long_lists_and_numbers_pages() -> None:
    pages = paginate("Timeline", [f"line {i} " + "x" * 300 for i in range(40)])
    assert len(pages) > 1
    assert pages[-1].footer == f"Page {len(pages)}/{len(pages)}"
    assert sum(p.description.count("line ") for p in pages) == 40


def test_paginate_cuts_a_line_longer_than_a_page_and_never_returns_no_page() -> None:
    pages = paginate("T", ["x" * 9000])
    assert len(pages) == 1 and len(pages[0].description) <= 3500
    assert paginate("Empty", []) and paginate("Empty", [])[0].footer is None


def test_a_notice_is_ephemeral_and_carries_its_data() -> None:
    notice = Reply.notice("Sorry", "No such article.", asked="x")
    assert notice.ephemeral and notice.pages[0].description == "No such article." and notice.data == {"asked": "x"}
