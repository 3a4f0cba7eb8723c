"""General English: real words are known offline, and a word's inflections are found by suffix rules."""

from __future__ import annotations

import pytest

from bot.core.search.english import inflections, is_real_word


@pytest.mark.parametrize("word", ["tell", "happened", "everyone", "bold", "threats", "drones", "harbour", "winning"])
def test_words_of_english_are_real(word: str) -> None:
    assert is_real_word(word)


@pytest.mark.parametrize("word", ["zelenksy", "missles", "tarus", "countroffensive", "kharkov1", "ukrane"])
def test_typos_and_junk_are_not(word: str) -> None:
    assert not is_real_word(word)


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("threats", "threat"),
        ("happened", "happen"),
        ("drone", "drones"),
        ("used", "use"),
        ("parties", "party"),
        ("shelling", "shell"),
        ("raising", "raise"),
        ("ally", "allies"),
        ("annexed", "annexing"),
    ],
)
def test_inflections_reach_the_other_forms_of_a_word(word: str, form: str) -> None:
    assert form in inflections(word)


def test_short_words_and_numbers_take_no_inflections() -> None:
    assert inflections("us") == [] and inflections("f16") == []
    assert "threats" not in inflections("threats")
