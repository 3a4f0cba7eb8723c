"""Any script: Cyrillic read in the Latin spellings articles print, and invisible or full-width forms made plain."""

from __future__ import annotations

import pytest

from bot.core.lexicon import fold
from bot.core.script import latin, plain_typed, readings
from bot.core.search.vocabulary import canonical


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Львів", "lviv"),  # Ukrainian: its own letters decide the Ukrainian national system
        ("Запоріжжя", "zaporizhzhia"),
        ("Миколаїв", "mykolaiv"),
        ("Сирський", "syrsky"),  # a surname's -skyi ending shares its key with -skiy and -sky
        ("Сырский", "syrsky"),  # Russian: 'ы' is Russian only
        ("Львов", "lviv"),  # the Russian spelling of a Ukrainian city reaches the Ukrainian one's key
        ("ХЕРСОН", "kherson"),
    ],
)
def test_cyrillic_words_share_the_key_of_their_latin_spelling(typed: str, key: str) -> None:
    assert canonical(fold(typed)) == key


def test_a_word_either_language_could_write_has_both_readings_ukrainian_first() -> None:
    assert readings("Гриценко") == ("Hrytsenko", "Gritsenko")
    assert readings("Путин") == ("Putyn", "Putin")
    assert readings("Київ") == ("Kyiv",)  # 'ї' is Ukrainian only: one reading
    assert readings("Навальный") == ("Navalnyy",)  # 'ы' is Russian only


def test_soft_signs_leave_no_apostrophe_that_would_split_a_word() -> None:
    assert latin("Маріуполь і Запорожье") == "Mariupol i Zaporozhe"
    assert "'" not in fold("Мариуполь") and fold("Мариуполь").isalpha()


def test_latin_text_is_left_as_it_is() -> None:
    assert latin("Erdoğan’s Kyiv, 2022") == "Erdoğan’s Kyiv, 2022"
    assert fold("Erdoğan’s") == "erdogan's"


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("\u200bKyiv", "Kyiv"),  # zero-width space
        ("Ky\u200civ", "Kyiv"),  # zero-width non-joiner
        ("Kyi\u00adv", "Kyiv"),  # soft hyphen
        ("\ufeffkharkiv\u2060", "kharkiv"),  # byte-order mark, word joiner
        ("\u200fbakhmut\u200e", "bakhmut"),  # direction marks
        ("２０２２", "2022"),  # full-width digits
        ("Ｋｙｉｖ", "Kyiv"),  # full-width letters
        ("2022 🎉\ufe0f", "2022 🎉"),  # a variation selector goes, the emoji stays (dates drop it themselves)
        ("Куп'янськ", "Купянськ"),  # the Ukrainian apostrophe belongs to its word
        ("Kyiv's", "Kyiv's"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_what_a_user_typed_is_made_plain(typed: str, plain: str) -> None:
    assert plain_typed(typed) == plain
