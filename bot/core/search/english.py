"""General English: whether a word is a real word, and the inflections a query word may take in the corpus."""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

# A word used at least this often in general English (zipf 2.5: about 3 per million words) is a real word,
# never a typo to correct. Typos score 0–1.5; rare real words ('kursk', 'scholz') are corpus words anyway.
REAL_WORD_ZIPF = 2.5
# Words used this often (zipf 5.5: 300 per million — 'around', 'week', 'people') name no topic of a message.
EVERYDAY_ZIPF = 5.5


@lru_cache(maxsize=65_536)
def is_real_word(word: str) -> bool:
    """Whether a lower-case word is a word of general English (wordfreq's lexicon, offline)."""
    return zipf_frequency(word, "en") >= REAL_WORD_ZIPF


@lru_cache(maxsize=65_536)
def is_everyday_word(word: str) -> bool:
    """Whether a word is so common in English that it tells nothing of what a text is about."""
    return zipf_frequency(word, "en") >= EVERYDAY_ZIPF


def inflections(word: str) -> list[str]:
    """Other forms of the same word by English suffix rules: threats → threat, happened → happen,
    annexed → annexing, drone → drones. Only forms of three letters or more; the word itself is left out."""
    if len(word) < 3 or not word.isalpha():
        return []
    stems = [word]
    for suffix, replacements in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stems.extend(word[: -len(suffix)] + r for r in replacements)
    forms = [*stems]
    for stem in stems:
        if stem.endswith("y"):
            forms.extend((stem[:-1] + "ies", stem[:-1] + "ied"))
        bare = stem[:-1] if stem.endswith("e") else stem
        forms.extend((stem + "s", stem + "es", bare + "ed", bare + "ing"))
    return [form for form in dict.fromkeys(forms) if form != word and len(form) >= 3]


# suffix → what may stand in its place ('' = the bare stem)
_SUFFIXES = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
)
