"""Who a definite description names: the one person printed with that title."""

from __future__ import annotations

from bot.core.quotes.descriptions import role_holder

BODY = (
    "President Ana Lund spoke on Wednesday. During the town hall, Tom Reyes had a question for the president. "
    "Sen. Carl Ito of Vermont spoke later. “Nobody is fit to serve as our president,” Reyes added."
)
PERSONS = ["Ana Lund", "Tom Reyes", "Carl Ito"]


def test_the_one_person_printed_right_after_the_title() -> None:
    assert role_holder(BODY, PERSONS, "president", lambda person: None) == "Ana Lund"
    assert role_holder(BODY, PERSONS, "senator", lambda person: None) == "Carl Ito"  # "Sen." stands for it


def test_a_title_across_punctuation_or_a_clause_word_names_nobody() -> None:
    assert role_holder(BODY, ["Tom Reyes"], "president", lambda person: None) is None  # "… president,” Reyes"


def test_a_role_given_after_the_name_counts_and_two_holders_are_none() -> None:
    roles = {"Tom Reyes": "the city's mayor"}
    assert role_holder(BODY, PERSONS, "mayor", roles.get) == "Tom Reyes"
    assert role_holder(BODY, PERSONS, "president", {"Tom Reyes": "a former president"}.get) is None
