"""/help: one field per command, with its examples as typed."""

from __future__ import annotations

from bot.core.answers.help_page import Topic, command_choices, command_reply, help_reply


def test_each_entry_becomes_a_field_with_its_examples_in_code() -> None:
    reply = help_reply(5, [("/a", "Does a.", ("/a x: 1", "/a x: 2")), ("/b", "Does b.", ())])
    page = reply.pages[0]
    assert "5 news articles" in page.description and not reply.ephemeral
    assert [(f.name, f.value) for f in page.fields] == [("/a", "Does a.\n`/a x: 1`\n`/a x: 2`"), ("/b", "Does b.")]


TOPICS = [
    Topic(
        "article search",
        "Find articles.",
        (("query", "Words", True), ("start", "From", False)),
        ("/article search query: x",),
    ),
    Topic("article list", "List articles."),
    Topic("timeline", "Dated events.", (("date", "A date", False),), ("/timeline date: 2022",)),
    Topic("find articles", "Articles about a message.", (("text", "The text", True),), menu="Find articles about this"),
]


def test_one_command_is_explained_in_full_with_its_options_and_examples() -> None:
    reply = command_reply("/Timeline ", TOPICS)
    page = reply.pages[0]
    assert page.title == "/timeline" and page.description == "Dated events." and not reply.ephemeral
    assert [(f.name, f.value) for f in page.fields] == [
        ("Options", "`date:` A date"),
        ("Examples", "`/timeline date: 2022`"),
    ]
    required = command_reply("article search", TOPICS).pages[0].fields[0].value
    assert required == "`query:` Words (required)\n`start:` From"
    assert command_reply("find articles about this", TOPICS).pages[0].title == "Apps → Find articles about this"


def test_a_group_lists_its_commands() -> None:
    page = command_reply("article", TOPICS).pages[0]
    assert page.title == "/article …" and [f.name for f in page.fields] == ["/article search", "/article list"]


def test_an_unknown_command_offers_the_closest_and_lists_them_all() -> None:
    reply = command_reply("timline", TOPICS)
    assert reply.ephemeral and "`/help command: timeline`" in reply.pages[0].description
    assert "/article list" in reply.pages[0].description
    assert "\\*\\*" in command_reply("**x**", TOPICS).pages[0].description


def test_command_names_are_completed_by_their_start_then_by_closeness() -> None:
    names = [t.name for t in TOPICS]
    assert command_choices(names, "") == names
    assert command_choices(names, "li")[0] == "article list"
    assert command_choices(names, "timelin") == ["timeline"]
