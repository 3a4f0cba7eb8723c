"""People's names: one key per spelling, titles and roles, and the full names an article prints."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.lexicon import lower_case_words
from bot.core.quotes.names import _NAME_WORD, PERSON, full_name, name_key, people_in, same_person, strip_title


def test_keys_titles_and_roles() -> None:
    assert name_key("President Volodymyr Zelenskiy") == name_key("Volodymyr Zelensky") == "volodymyr zelensky"
    assert strip_title("President Vladimir V. Putin") == "Vladimir V. Putin"
    assert same_person("Recep Tayyip Erdoğan", "Erdogan") and not same_person("Olaf Scholz", "Putin")
    people = ["Volodymyr Zelensky", "Olaf Scholz"]
    assert full_name("Ukraine’s president", people) == "Volodymyr Zelensky"
    assert full_name("Mr Scholz", people) == "Olaf Scholz" and full_name("Putin", people) is None


def test_people_in_a_text_skip_what_it_also_prints_in_lower_case() -> None:
    text = "Although Ukraine waited, President Vladimir Putin spoke. Grain Deal talks failed; the grain deal died."
    assert people_in(text, lower_case_words(text)) == ["Vladimir Putin"]
    assert people_in(text, frozenset()) == ["Vladimir Putin", "Grain Deal"]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="AVPZav ék.’'-9\u00a0", max_size=40))
def test_person_pattern_finds_what_its_plain_form_does(text: str) -> None:
    """names.PERSON is written to begin with [A-Z] for speed; it must match as its plain form would."""
    plain = re.compile(rf"\b{_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){{1,5}}\b")
    assert [m.span() for m in PERSON.finditer(text)] == [m.span() for m in plain.finditer(text)]
