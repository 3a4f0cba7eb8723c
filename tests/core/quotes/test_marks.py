"""Quotation marks of every convention, paired as a reader pairs them, inner quotations included."""

from __future__ import annotations

import pytest

from bot.core.quotes.marks import OPENING_MARKS, find_quotations


def _texts(paragraph: str) -> list[tuple[str, bool, bool]]:
    return [(found.text, found.unclosed, found.inner) for found in find_quotations(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "words"),
    [
        ("“The dam will hold,” said the engineer.", "The dam will hold,"),
        ('"The dam will hold," said the engineer.', "The dam will hold,"),
        ("``The dam will hold,'' said the engineer.", "The dam will hold,"),
        ("''The dam will hold,'' said the engineer.", "The dam will hold,"),
        ("«The dam will hold», said the engineer.", "The dam will hold"),
        ("„The dam will hold“, said the engineer.", "The dam will hold"),
        ('The engineer said the dam "will hold for a century” at least.', "will hold for a century"),
    ],
    ids=["curly", "straight", "wire backticks", "wire apostrophes", "guillemets", "german", "straight-curly"],
)
def test_each_convention_gives_the_words_between_its_marks(paragraph: str, words: str) -> None:
    assert _texts(paragraph) == [(words, False, False)]


def test_straight_marks_pair_by_position_and_wire_quotes_keep_apostrophes() -> None:
    assert _texts('"We sell," he said. "They buy."') == [("We sell,", False, False), ("They buy.", False, False)]
    assert _texts("''We're not done,'' she said.") == [("We're not done,", False, False)]


def test_an_unclosed_quotation_runs_to_the_end_of_its_paragraph() -> None:
    assert _texts("She read from her notes: “The law asks too much.") == [("The law asks too much.", True, False)]


def test_inner_quotations_are_their_own_and_apostrophes_are_not_marks() -> None:
    found = _texts("“The sign said ‘Keep out,’ and nobody’s listening,” he said.")
    assert found == [
        ("The sign said ‘Keep out,’ and nobody’s listening,", False, False),
        ("Keep out,", False, True),
    ]
    straight = _texts("\"My father said, 'Stay low,' and I did,\" she said.")
    assert straight[1] == ("Stay low,", False, True)
    assert _texts("“Russia’s army isn’t ready,” he said.") == [("Russia’s army isn’t ready,", False, False)]


def test_offsets_point_at_the_marks() -> None:
    paragraph = "He said ``we agree'' and « nous aussi »."
    for found in find_quotations(paragraph):
        assert paragraph.startswith(OPENING_MARKS, found.start)
        assert paragraph[found.text_start : found.text_start + len(found.text)] == found.text
