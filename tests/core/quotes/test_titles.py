"""Titles and roles around a name are not the name; a trade word opening a sentence is not a first name."""

from __future__ import annotations

import pytest

from bot.core.quotes.titles import GENERIC, is_title, untitled


@pytest.mark.parametrize("word", ["Sen.", "Rep", "Chairman", "Democratic", "Russian", "Gov."])
def test_titles_roles_and_nationalities(word: str) -> None:
    assert is_title(word)


@pytest.mark.parametrize("word", ["King", "Ann", "Lund", "Pope"])
def test_surnames_and_first_names_are_not_titles(word: str) -> None:
    assert not is_title(word)


def test_untitled_drops_titles_and_trades_before_a_full_name_only() -> None:
    assert untitled("Councillor Priya Nair") == "Priya Nair"
    assert untitled("Farmer Noel Grady") == "Noel Grady"
    assert untitled("Peter Farmer") == "Peter Farmer"  # two words: a name, whatever its words
    assert untitled("Jennifer Lopez Garcia") == "Jennifer Lopez Garcia"  # a first name, not a trade
    assert untitled(None) is None


def test_groups_are_nobody_in_particular() -> None:
    assert {"officials", "diplomats", "campaigners"} <= GENERIC
