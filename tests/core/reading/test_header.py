"""Header lines that are not the article: debris, mastheads, labelled fields."""

from __future__ import annotations

from bot.core.reading.header import clean_headline, is_debris, is_masthead, labelled_field


def test_debris_lines_are_whole_ui_strings_only() -> None:
    for line in ("Skip to main content", "SKIP TO SITE INDEX", "FOR IMMEDIATE RELEASE", "Share this article", "14"):
        assert is_debris(line), line
    assert is_debris("Home > News > Local")
    for line in ("Share prices fell sharply", "Menu prices rise at city cafés", "Follow the money"):
        assert not is_debris(line), line


def test_labelled_fields() -> None:
    assert labelled_field("HED: Heat Forces Schools Online") == ("headline", "Heat Forces Schools Online")
    assert labelled_field("BYLINE: Ada Lin, Staff Writer") == ("author", "Ada Lin")
    assert labelled_field("SLUG: schools-heat") == (None, "schools-heat")
    assert labelled_field("Minister said: no") is None


def test_a_masthead_is_printed_again_elsewhere() -> None:
    text = "The Daily Lantern\nFerry Fares Frozen Again\n...\nSubscribe to The Daily Lantern"
    assert is_masthead("The Daily Lantern", text)
    assert not is_masthead("Ferry Fares Frozen Again", text)


def test_release_labels_and_bracketed_dates_leave_the_headline() -> None:
    assert clean_headline("PRESS RELEASE : New Sea Walls for Two Towns [May 2021]") == "New Sea Walls for Two Towns"


def test_a_short_headline_the_body_repeats_is_no_masthead() -> None:
    text = "Putin's Gamble\n\nMany call the invasion Putin's gamble, and the word has stuck in Kyiv and beyond."
    assert not is_masthead("Putin's Gamble", text)
