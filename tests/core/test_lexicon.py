"""Folding, one key per spelling, the words a text prints in lower case, and the stop-word lists."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.core.lexicon import (
    NOT_NAME_WORDS,
    REVIEW_STOPWORDS,
    STOPWORDS,
    fold,
    lower_case_words,
    spelling_key,
)
from bot.core.periods import MONTH_NAMES, WEEKDAY_NAMES
from bot.core.quotes.names import name_key, same_person
from bot.core.search.vocabulary import canonical


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Erdoğan’s", "erdogan's"),
        ("Zelenskyy", "zelenskyy"),
        ("ZAPORIŽŽIA", "zaporizzia"),
        ("Straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("Dnipro", "dnipro"),
        ("İstanbul", "istanbul"),
        ("Kyıv", "kyiv"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@settings(max_examples=1500, deadline=None)
@given(st.text())
@example("Ӭ")  # a Cyrillic letter the transliteration lacks, with a mark: "э" once the mark goes
@example("Ки\u0308ев")
def test_folding_is_lower_case_without_marks_and_settles_at_once(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(c) for c in folded) and "’" not in folded


@pytest.mark.parametrize(
    "variants",
    [
        ("Zelensky", "Zelenskiy", "Zelenskyy", "Zelenskyi", "Zelenskii", "Zelenski", "Selenskyj"),
        ("Kiev", "Kyiv"),
        ("Peskov", "Peskoff"),
        ("Gaddafi", "Qaddafi", "Kadhafi"),
    ],
)
def test_one_spelling_key_for_names_and_for_search(variants: tuple[str, ...]) -> None:
    """People and places share one table: the search index and the speaker filter agree on every variant."""
    assert len({spelling_key(fold(v)) for v in variants}) == 1
    assert len({canonical(v) for v in variants}) == 1
    assert len({name_key(f"Someone {v}") for v in variants}) == 1
    assert same_person(f"Muammar {variants[0]}", variants[-1])


def test_words_printed_in_lower_case() -> None:
    words = lower_case_words("Ukraine’s well-armed army said Ukraine’s Army will. A B")
    assert words == {"well-armed", "army", "said", "will"}


def test_the_three_stop_word_lists_keep_their_jobs_apart() -> None:
    assert {"new", "time", "one"} <= REVIEW_STOPWORDS and not {"new", "time", "one"} & STOPWORDS  # still searched
    assert {"all", "other"} <= STOPWORDS and not {"all", "other"} & REVIEW_STOPWORDS
    assert {name.lower() for name in MONTH_NAMES + WEEKDAY_NAMES} <= NOT_NAME_WORDS
    assert {"kremlin", "president", "kyiv"} <= NOT_NAME_WORDS
