"""Replies with buttons: however many paged replies a flood of searches leaves, the live ones stay bounded."""

from __future__ import annotations

import pytest

from bot.core.replies.reply import Page, Reply
from bot.glue import replies
from bot.glue.replies import LIVE_VIEWS, ReplyView


async def test_past_the_limit_the_oldest_replies_lose_their_buttons(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replies, "MAX_LIVE_VIEWS", 3)
    paged = Reply([Page("one"), Page("two")])
    views = [ReplyView(paged, owner_id=1, command="article search") for _ in range(5)]
    try:
        assert [v for v in views if v in LIVE_VIEWS] == views[2:]
        assert [v.is_finished() for v in views] == [True, True, False, False, False]
        views[3].stop()
        assert [v for v in views if v in LIVE_VIEWS] == [views[2], views[4]]
    finally:
        for view in views:
            view.stop()
    assert not any(v in LIVE_VIEWS for v in views)
