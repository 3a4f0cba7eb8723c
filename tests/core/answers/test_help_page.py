"""/help: one field per command, with its examples as typed."""

from __future__ import annotations

from bot.core.answers.help_page import help_reply


def test_each_entry_becomes_a_field_with_its_examples_in_code() -> None:
    reply = help_reply(5, [("/a", "Does a.", ("/a x: 1", "/a x: 2")), ("/b", "Does b.", ())])
    page = reply.pages[0]
    assert "5 news articles" in page.description and not reply.ephemeral
    assert [(f.name, f.value) for f in page.fields] == [("/a", "Does a.\n`/a x: 1`\n`/a x: 2`"), ("/b", "Does b.")]
