"""Text in any script as the archive reads it: Cyrillic in Latin letters, invisible and full-width forms made plain."""

from __future__ import annotations

import re
import unicodedata

from translitua import RussianInternationalPassport1997, UkrainianKMU, translit

_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff\u0500-\u052f][\u0400-\u052f’'ʼ]*")
_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_RUSSIAN_ONLY = frozenset("ыэёъЫЭЁЪ")
# What a transliteration table writes for a soft or hard sign: no English spelling keeps it ('Mariupol').
_SIGNS = str.maketrans("", "", "'ʼ’ʹʺ")
# Variation selectors and (below) format characters — zero-width space and joiners, the soft hyphen, direction
# marks, the byte-order mark: invisible in what a user typed, but they split or change every word they sit in.
_VARIATION_SELECTORS = re.compile(r"[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def _reading(word: str, russian: bool) -> str:
    return translit(word, RussianInternationalPassport1997 if russian else UkrainianKMU).translate(_SIGNS)


def readings(word: str) -> tuple[str, ...]:
    """A Cyrillic word in Latin letters, most likely first: Ukrainian by the national system (Київ → Kyiv, as
    the English-language press writes Ukrainian names), Russian by the passport system (Путин → Putin). Letters
    only one of the two languages has decide; a word either could be gets both readings, Ukrainian first."""
    letters = set(word)
    if letters & _RUSSIAN_ONLY:
        return (_reading(word, russian=True),)
    if letters & _UKRAINIAN_ONLY:
        return (_reading(word, russian=False),)
    return tuple(dict.fromkeys((_reading(word, russian=False), _reading(word, russian=True))))


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC_WORD.search(text) is not None


def latin(text: str) -> str:
    """Every Cyrillic word of a text in its likeliest Latin reading; other text as it is."""
    return _CYRILLIC_WORD.sub(lambda match: readings(match.group())[0], text)


# The Ukrainian apostrophe is a letter of its word ('Куп'янськ'); left in, it would split the word in two.
_APOSTROPHE_IN_CYRILLIC = re.compile(r"(?<=[\u0400-\u052f])['’ʼ](?=[\u0400-\u052f])")


def plain_typed(text: str) -> str:
    """What a user typed, as they see it: compatibility forms folded (full-width '２０２２' → '2022', 'ﬁ' → 'fi'),
    invisible characters dropped (a zero-width space copied in with a name), and apostrophes inside Cyrillic
    words joined to them."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", _VARIATION_SELECTORS.sub("", text))
    text = _APOSTROPHE_IN_CYRILLIC.sub("", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf")
