"""General English: whether a word is a real word, and the inflections a query word may take in the corpus."""

from __future__ import annotations

from functools import lru_cache

# A word used at least this often in general English (zipf 2.5: about 3 per million words) is a real word,
# never a typo to correct. Typos score 0–1.5; rare real words ('kursk', 'scholz') are corpus words anyway.
REAL_WORD_ZIPF = 2.5
# Words used this often (zipf 5.5: 300 per million — 'around', 'week', 'people') name no topic of a message.
EVERYDAY_ZIPF = 5.5


@lru_cache(maxsize=65_536)
def is_real_word(word: str) -> bool:
    """Whether a lower-case word is a word of general English (wordfreq's lexicon, offline)."""
    return _zipf(word) >= REAL_WORD_ZIPF


@lru_cache(maxsize=65_536)
def is_everyday_word(word: str) -> bool:
    """Whether a word is so common in English that it tells nothing of what a text is about."""
    return _zipf(word) >= EVERYDAY_ZIPF


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # imported when first asked (a third of a second), not at every start

    return zipf_frequency(word, "en")


# The past forms of irregular verbs that news reports events with, which no suffix rule makes: a question asked
# with the verb's base ('when did the offensive begin') is answered by the sentence that says 'began'. Only
# from the base: 'left' or 'found' typed as words of their own must not turn into 'leave' or 'find'.
_IRREGULAR_PAST = {
    base: tuple(forms.split(","))
    for base, forms in (
        entry.split(":")
        for entry in """arise:arose,arisen begin:began,begun blow:blew,blown break:broke,broken bring:brought
        build:built buy:bought catch:caught choose:chose,chosen come:came deal:dealt draw:drew,drawn
        drive:drove,driven fall:fell,fallen fight:fought find:found fly:flew,flown freeze:froze,frozen
        give:gave,given go:went,gone grow:grew,grown hold:held keep:kept know:knew,known lead:led leave:left
        lose:lost make:made meet:met pay:paid rise:rose,risen run:ran seek:sought sell:sold send:sent
        shake:shook,shaken shoot:shot sink:sank,sunk speak:spoke,spoken spend:spent stand:stood steal:stole,stolen
        strike:struck swear:swore,sworn take:took,taken tear:tore,torn think:thought throw:threw,thrown
        undertake:undertook,undertaken win:won withdraw:withdrew,withdrawn write:wrote,written""".split()
    )
}


def inflections(word: str) -> list[str]:
    """Other forms of the same word by English suffix rules: threats → threat, happened → happen,
    annexed → annexing, drone → drones, and an irregular verb's past: begin → began, begun. Only forms of
    three letters or more; the word itself is left out."""
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
    forms.extend(_IRREGULAR_PAST.get(word, ()))
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
