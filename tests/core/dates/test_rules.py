"""The time-expression rules: what each finds in a sentence, and the fast forms of the busiest."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.dates import rules
from bot.core.dates.mentions import find_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on 2024-11-19.", "2024-11-19"),
        ("Filed Sep 15th 2022 in London.", "Sep 15th 2022"),
        ("Signed on September 30, 2022, in Kyiv.", "September 30, 2022"),
        ("Talks resume in mid-March.", "mid-March"),
        ("Costs rose 2000 percent.", None),
        ("He bought 2024 shells.", None),
        ("It may rain.", None),
        ("They will march on Monday", "Monday"),
    ],
)
def test_single_expressions(text: str, expected: str | None) -> None:
    found = [m.text for m in find_mentions(text)]
    assert found == ([expected] if expected else [])


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="12098 ,.$£No.Thethisnextlast weekyear%-éTHIS\u017f\u212a", max_size=30))
def test_fast_rule_patterns_match_as_their_plain_forms(text: str) -> None:
    """timex writes two busy rules to begin with a character class; they must find what the plain forms do."""
    pairs = [
        (
            rf"(?<![\d,.$£€#-])(?<!No\. )\b{rules._YEAR}\b{rules._NOT_A_YEAR_AFTER}",
            rf"{rules._YEAR_ALONE}\b{rules._NOT_A_YEAR_AFTER}",
            0,
        ),
        (r"(?<!\bthe )\b(?P<rel>this|last|next)\s+(?P<unit>week|weekend|month|year)\b", rules._THIS_UNIT, re.I),
    ]
    for plain, fast, flags in pairs:
        expected = [(m.span(), m.groupdict()) for m in re.finditer(plain, text, flags)]
        assert [(m.span(), m.groupdict()) for m in re.finditer(fast, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The offer expires at 5 p.m. EST Tuesday.", "5 p.m. EST Tuesday"),
        ("It had been due to expire at midnight Friday.", "midnight Friday"),
        ("Orders for October rose.", "October"),
        ("He voted for May in the leadership race.", None),
    ],
)
def test_clock_times_fold_into_their_day_and_months_after_for(text: str, expected: str | None) -> None:
    assert [m.text for m in find_mentions(text)] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Baker, speaking on ABC\'s "This Week," said so.', None),  # a programme's title
        ("This week, talks resumed.", "This week"),
        ("He would choose the people of tomorrow.", None),
        ("They meet tomorrow.", "tomorrow"),
    ],
)
def test_titles_and_generic_tomorrow_are_not_dates(text: str, expected: str | None) -> None:
    assert [m.text for m in find_mentions(text)] == ([expected] if expected else [])
