"""A reply laid out as Discord gets it: never over a platform limit, the buttons it shows in each state."""

from __future__ import annotations

from bot.core.replies import limits
from bot.core.replies.layout import PAGE_BUTTONS, embed_length, layout, message_payload, page_buttons
from bot.core.replies.reply import Action, Field, Page, Reply, paginate


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


def test_page_buttons_are_discords_styles_and_only_the_current_one_is_a_label() -> None:
    first, back, current, next_, last = page_buttons(0, 3)
    assert [b.custom_id for b in (first, back, current, next_, last)] == [f"pages:{k}" for k in PAGE_BUTTONS]
    assert (first.style, back.style, current.style, next_.style, last.style) == (2, 1, 2, 1, 2)
    assert current.disabled and current.label == "1/3"
    assert (first.disabled, back.disabled, next_.disabled, last.disabled) == (True, True, False, False)
    middle = page_buttons(1, 3)
    assert [b.disabled for b in middle] == [False, False, True, False, False]


def test_a_single_page_reply_has_no_page_buttons_and_actions_keep_their_order() -> None:
    actions = [Action(f"Do {i}", "quote random") for i in range(7)]
    laid = layout(Reply([Page("One")], actions=actions))
    assert len(laid.rows) == 1
    assert [b.custom_id for b in laid.rows[0]] == [f"action:{i}" for i in range(limits.BUTTONS_PER_ROW)]
    assert layout(Reply([Page("One")])).rows == () and "components" not in layout(Reply([Page("One")])).payload()


def test_the_page_asked_for_is_kept_within_the_reply() -> None:
    reply = Reply(paginate("T", [str(i) for i in range(30)], per_page=10))
    assert layout(reply, 99).page == 2 and layout(reply, -5).page == 0
    assert layout(reply, 1).embed == message_payload(reply, 1)["embeds"][0]
