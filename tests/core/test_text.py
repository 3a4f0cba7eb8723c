"""Cleanup and sentence splitting on the cases news text throws at a splitter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.text import (
    clean_inline,
    drop_pull_quotes,
    join_broken_lines,
    normalized,
    split_paragraph,
    split_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_paragraph(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Putin said no. Mr. Biden said yes.", ["Mr Putin said no.", "Mr. Biden said yes."]),
        (
            "U.S. officials say the war is stuck. The Pentagon disagrees.",
            ["U.S. officials say the war is stuck.", "The Pentagon disagrees."],
        ),
        (
            "Aid came from the U.S. The rest came from Europe.",
            ["Aid came from the U.S.", "The rest came from Europe."],
        ),
        (
            "Russian President Vladimir V. Putin spoke. He was brief.",
            ["Russian President Vladimir V. Putin spoke.", "He was brief."],
        ),
        (
            "The offensive began on Sept. 5 in Kharkiv. It moved fast.",
            ["The offensive began on Sept. 5 in Kharkiv.", "It moved fast."],
        ),
        (
            "“Do you still think that?” asked Ukraine’s president. He laughed.",
            ["“Do you still think that?” asked Ukraine’s president.", "He laughed."],
        ),
        (
            "“Are we safe?” Olena Shevchenko asked. Nobody answered.",
            ["“Are we safe?” Olena Shevchenko asked.", "Nobody answered."],
        ),
        (
            "“It’s volatile,” Ciaramella said. “That’s why we act.”",
            ["“It’s volatile,” Ciaramella said.", "“That’s why we act.”"],
        ),
    ],
)
def test_split_paragraph(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_an_unclosed_mark_cannot_swallow_the_next_paragraph() -> None:
    paragraphs = ["The Kremlin dismissed it as “unacceptable. Nobody was surprised.", "Next paragraph here."]
    split = split_sentences(paragraphs)
    assert [s.paragraph for s in split] == [0, 0, 1]
    body = "\n\n".join(paragraphs)
    assert all(body[s.start : s.end] == s.text for s in split)


def test_clean_inline_keeps_curly_quotes_and_dashes() -> None:
    raw = "**Bold**  words — and “quotes” ‘inner’ stay–as–is ![img](a.jpg) [link](http://x.y) ■"
    assert clean_inline(raw) == "Bold words — and “quotes” ‘inner’ stay–as–is link"


def test_broken_lines_are_rejoined_only_mid_sentence() -> None:
    lines = ["Europeans cannot escape the geography", "of our continent; we are not separated.", "Next one."]
    assert join_broken_lines(lines) == [
        "Europeans cannot escape the geography of our continent; we are not separated.",
        "Next one.",
    ]


def test_pull_quote_repeating_a_body_sentence_is_dropped(corpus) -> None:
    body = corpus.articles["002_ef0831b4358510b1"].paragraphs
    pull = "As long as he believes that military success is possible, Putin will refuse to negotiate."
    assert pull not in body
    assert sum(pull[:-1] in p for p in body) == 1  # the sentence it repeats is still in the text
    kept, dropped = drop_pull_quotes(["A long paragraph says the same words here and more.", "the same words here"])
    assert dropped == 0  # too short to be sure


_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_NEWS_TEXT = st.text(alphabet="aZ9_ ’“—-é\u0130\u00a0\t.", max_size=40)  # \u0130: İ, longer in lower case


@settings(max_examples=1500, deadline=None)
@given(_ANY_TEXT | _NEWS_TEXT)
def test_normalized_is_the_word_characters_lower_cased(text: str) -> None:
    assert normalized(text) == " ".join(re.findall(r"\w+", text.lower()))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="a .!?…”’\"')]\n", max_size=30))
def test_sentence_boundaries_are_the_patterns_matches(text: str) -> None:
    from bot.core.text import _BOUNDARY, boundaries

    assert [m.span() for m in boundaries(text)] == [m.span() for m in _BOUNDARY.finditer(text)]


def test_holes_left_by_lost_link_words_are_marked_not_closed_up() -> None:
    from bot.core.text import mark_gaps

    assert clean_inline("The , which began on September 5th") == "The […], which began on September 5th"
    assert clean_inline("Tens of thousands of  are readying") == "Tens of thousands of […] are readying"
    assert (
        clean_inline("A sentence.  Two spaces after a stop are no hole.")
        == "A sentence. Two spaces after a stop are no hole."
    )
    assert clean_inline("**Bold**  words ![img](a.jpg) [link](http://x.y)") == "Bold words link"  # markup: no hole
    assert mark_gaps("a, b; c") == "a, b; c"


def test_the_seeds_snippets_show_their_holes(corpus) -> None:
    from bot.core.answers.timeline import timeline_reply

    text = "\n".join(p.description for p in timeline_reply(corpus, article="000_8d65afffd99f3673").pages)
    assert "The […], which began on September 5th" in text and "The , which" not in text


def test_a_pull_quote_is_found_inside_any_longer_paragraph_and_nothing_else_is_dropped() -> None:
    body = "The council said the harbour wall would be finished by the spring, the engineers said last week."
    paragraphs = [f"Paragraph {n} is about something else entirely, with its own words." for n in range(300)]
    paragraphs[150] = body
    pulled = "harbour wall would be finished by the spring"  # starts and ends inside the sentence's words
    kept, dropped = drop_pull_quotes([*paragraphs, f"{pulled}.", "Finished by the spring: the harbour"])
    assert dropped == 1 and kept == [*paragraphs, "Finished by the spring: the harbour"]
