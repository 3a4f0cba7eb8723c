"""Markdown in text shown back: every mark escaped so it shows as written, brackets left plain unless a link."""

from __future__ import annotations

import pytest

from bot.core.replies.markdown import echo, escape_markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("**bold** and __under__", r"\*\*bold\*\* and \_\_under\_\_"),
        ("`code` ~~gone~~ ||secret||", r"\`code\` \~\~gone\~\~ \|\|secret\|\|"),
        ("a \\ back", r"a \\ back"),
        ("[A devised title]", "[A devised title]"),  # plain brackets are no markdown: shown as they are
        ("[click](https://example.com)", r"[click]\(https://example.com)"),  # a masked link is broken
        ("# Heading\n> quoted\n- item\n1. first", "\\# Heading\n\\> quoted\n\\- item\n\\1. first"),
        ("mid-line # and > and - stay", "mid-line # and > and - stay"),
    ],
)
def test_markdown_is_escaped_where_it_would_act(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_an_echo_is_quoted_escaped_and_cut() -> None:
    assert echo("**x**") == r"“\*\*x\*\*”"
    assert echo("a   b\nc") == "“a b c”"  # one line, however it was typed
    assert echo("y" * 300, 10) == f"“{'y' * 9}…”"
