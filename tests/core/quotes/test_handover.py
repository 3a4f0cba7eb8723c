"""Whether the words between a subject's cue and its quotation hand the quotation to somebody else."""

from __future__ import annotations

import pytest

from bot.core.quotes.handover import handed_over, is_a_noun


@pytest.mark.parametrize(
    "rest",
    [
        " a flurry of late-night tweets from her challenger was ",  # a cue word used as a noun
        " Mr. Lund's remarks on Saturday ",
        " she hopes to win, but she knows that ",  # the subject goes on as "she"
        " it would tell the story of the town, one of ",  # a modal: what the subject says will be
        " the museum would honour the crews who are often forgotten -- ",  # the who-clause is closed
        " he was tired, going on to say that the town has spent ",
    ],
)
def test_words_that_keep_the_quotation_the_subjects(rest: str) -> None:
    assert not handed_over(rest, names_someone=False)


@pytest.mark.parametrize(
    ("rest", "names_someone"),
    [
        (" the harbour master told reporters ", False),  # another subject's cue
        (" Lund said ", True),
        (" the coach, who is ", False),  # a relative clause left open
        (" the plan works, according to ", False),
        (" she liked Ann Lee, who says ", True),
        (" she met Ann Lee and she said ", True),  # "she" may be Ann Lee
        (" the deal was done, while the union ", False),
    ],
)
def test_words_that_hand_the_quotation_over(rest: str, names_someone: bool) -> None:
    assert handed_over(rest, names_someone)


def test_a_cue_word_is_a_noun_after_a_determiner_a_possessive_or_a_modifier() -> None:
    assert is_a_noun("reported", "the")
    assert is_a_noun("tweets", "Trump's")
    assert is_a_noun("tweets", "late-night")
    assert not is_a_noun("tweets", "Trump")
    assert not is_a_noun("said", "late-night")  # an unambiguous verb stays a verb
