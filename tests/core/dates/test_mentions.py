"""The trigger pre-filter: rules tried only where their words are find what trying them everywhere finds."""

from __future__ import annotations

import re
import sys

import pytest

from bot.archive.files import read_article
from bot.core.corpus import Corpus
from bot.core.dates import mentions
from bot.core.dates.mentions import find_mentions, sentence_mentions
from bot.core.dates.rules import RULES
from bot.core.text import split_sentences
from tests.conftest import FIXTURES

DATES = FIXTURES / "dates"


def test_mentions_found_body_wide_are_those_found_sentence_by_sentence(corpus: Corpus) -> None:
    """sentence_mentions searches each trigger word once per body; it must find what each sentence holds."""
    articles = list(corpus.articles.values()) + [read_article(path) for path in sorted(DATES.glob("*.txt"))]
    # a dotted capital İ is two characters in lower case, which shifts every later offset
    shifted = ["İstanbul talks began on 3 March 2022.", "Nothing dated here. Not a thing.", "By May 5th, 1990s"]
    bodies = [(a.body, a.sentences) for a in articles] + [("\n\n".join(shifted), split_sentences(shifted))]
    found = 0
    for body, sentences in bodies:
        expected = [(sentence, find_mentions(sentence.text)) for sentence in sentences]
        assert list(sentence_mentions(body, sentences)) == expected
        found += sum(len(mentions) for _, mentions in expected)
    assert found > 40


def test_the_pre_filter_skips_no_match_a_rule_would_make(corpus: Corpus) -> None:
    """Every match of every rule, run on every sentence without the pre-filter, is a candidate it allows."""
    tried = 0
    for article in corpus.articles.values():
        for sentence in article.sentences:
            text, lowered = sentence.text, sentence.text.lower()
            for (pattern, _, needs), (_, _, names) in zip(mentions._RULES, RULES, strict=True):
                if pattern.search(text):
                    tried += 1
                    assert all(t.search(text, lowered) for t in needs), names
    assert tried > 20  # the test saw real matches


@pytest.mark.skipif(sys.maxunicode < 0x10FFFF, reason="needs the whole of Unicode")
def test_time_expression_triggers_searched_in_lower_case_are_exact() -> None:
    """A trigger searched in lower-cased text must find every match its case-insensitive rule can make:
    each of its letters may match, under re.I, only characters whose lower case is that letter."""
    cased = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if chr(c).lower() != chr(c) or chr(c).upper() != chr(c) or chr(c).casefold() != chr(c)
    ]
    for trigger in mentions.ON_LOWERED:
        for letter in set(re.sub(r"[^a-z]", "", trigger.pattern.pattern)):
            partners = [c for c in cased if re.fullmatch(letter, c, re.I)]
            assert all(c.lower() == letter for c in partners), (trigger.pattern.pattern, letter, partners)
