"""Words a speaker phrase can begin with that name nobody."""

from __future__ import annotations

import pytest

from bot.core.quotes.nobody import names_nobody, opens_on_nobody


@pytest.mark.parametrize("name", ["Officials", "Though", "Following", "August", "Tuesday", "In August"])
def test_names_that_are_nobody(name: str) -> None:
    assert names_nobody(name)


@pytest.mark.parametrize("name", ["Ann Roe", "Reuters", "April Ryan", "King", "Mayor Lund"])
def test_names_that_are_somebody(name: str) -> None:
    assert not names_nobody(name)


def test_a_phrase_opening_on_a_clause_word_is_nobody() -> None:
    assert opens_on_nobody("After the Paris attacks")
    assert opens_on_nobody("Meanwhile")
    assert opens_on_nobody("I'm")
    assert not opens_on_nobody("Ann Roe")
    assert not opens_on_nobody("The Kremlin")
