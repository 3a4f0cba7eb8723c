"""Autocomplete choices on the seeds: what a user typing into an option is offered first."""

from __future__ import annotations

import pytest

from bot.core.answers.complete import choices


@pytest.mark.parametrize(
    "typed, first",
    [
        ("zel", "Volodymyr Zelensky"),
        ("zelenskyy", "Volodymyr Zelensky"),  # spelling variants are one speaker
        ("kadirov", "Ramzan Kadyrov"),
        ("ciaramela", "Eric Ciaramella"),
        ("kof", "Michael Kofman"),
    ],
)
def test_speaker_choices_put_the_person_meant_first(corpus, typed, first):
    offered = choices(corpus, "speaker", typed)
    assert offered and offered[0][0] == first


def test_speaker_choices_offer_names_first_and_no_long_descriptions(corpus):
    offered = [name for name, _ in choices(corpus, "speaker", "")]
    assert "Volodymyr Zelensky" in offered and "the Kremlin" in offered
    assert offered.index("the Kremlin") == len(offered) - 1  # a body after the people it names
    assert not any(len(name.split()) > 3 and name[:1].islower() for name in offered)  # "leaders at last year's …"


def test_article_choices_are_within_discord_limits_and_newest_first_when_empty(corpus):
    offered = choices(corpus, "article", "")
    assert 0 < len(offered) <= 25
    assert all(1 <= len(name) <= 100 and 1 <= len(value) <= 100 for name, value in offered)
    assert offered[0][1] == "001_56f617656db8bfc2"  # 19 Nov 2024, the newest dated article


def test_query_choices_offer_the_corrected_spelling_first(corpus):
    assert choices(corpus, "query", "zelenksy")[0][0] == "zelensky"


def test_unknown_options_offer_nothing(corpus):
    assert choices(corpus, "colour", "red") == []
