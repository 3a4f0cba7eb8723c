"""People's names: spelling variants as one key, and full names found in an article's own text."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.lexicon import NOT_NAME_WORDS, TITLE_ABBREVIATIONS, fold, spelling_key
from bot.core.quotes.cues import INVERTED_VERBS

# Office-holders a role phrase names. Used only when the article itself prints that person's name,
# so a role is never turned into a name the text does not give.
ROLE_HOLDERS = {
    "ukraine's president": "Volodymyr Zelensky",
    "ukrainian president": "Volodymyr Zelensky",
    "ukraine's leader": "Volodymyr Zelensky",
    "russia's president": "Vladimir Putin",
    "russian president": "Vladimir Putin",
    "the russian president": "Vladimir Putin",
    "the man in the kremlin": "Vladimir Putin",
    "germany's chancellor": "Olaf Scholz",
    "the german chancellor": "Olaf Scholz",
    "turkey's president": "Recep Tayyip Erdogan",
}

_LOWER = "a-zà-öø-ÿğışçüöâêîôû’'-"
# A capitalized word, capitals inside allowed ("McCaskill", "DeNiro", "LaBelle"), or an initial.
_NAME_WORD = rf"(?:[A-Z][{_LOWER}]+(?:[A-Z][{_LOWER}]+)*|[A-Z]\.)"
_INVERTED_VERBS = frozenset(INVERTED_VERBS)
_POSSESSIVE_END = re.compile(r"(’s|'s)$")
# Two to six capitalised words, allowing initials: "Vladimir V. Putin", "Recep Tayyip Erdogan". That is
# \b{_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD}){1,5}\b, written to begin with [A-Z]: the regex engine then skips
# at C speed to the next capital, instead of trying every position of a body (40% faster).
PERSON = re.compile(rf"[A-Z](?<!\w[A-Z])(?:[{_LOWER}]+(?:[A-Z][{_LOWER}]+)*|\.)(?:[ \u00a0]+{_NAME_WORD}){{1,5}}\b")
TITLES = re.compile(
    r"^(?:(?:the\s+)?(?:former\s+)?(?:President|Prime Minister|Chancellor|Mayor|Governor|Mr|Mrs|Ms|Dr|Gen|"
    r"General|Senator|"
    r"Sen|Rep|Gov|Secretary|Foreign Minister|Minister|Ambassador|Admiral|Colonel|Col|Lt|Lieutenant)\.?\s+)+"
)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """One key for every spelling of a name: 'Volodymyr Zelenskiy' and 'Volodymyr Zelensky' match."""
    words = re.findall(r"[a-z]+", fold(TITLES.sub("", name.strip())))
    return " ".join(spelling_key(word) for word in words if len(word) > 1 or len(words) == 1)


def surname_key(name: str) -> str:
    key = name_key(name)
    return key.rsplit(" ", 1)[-1] if key else ""


def strip_title(name: str) -> str:
    """'President Vladimir V. Putin' → 'Vladimir V. Putin'; 'Mr Putin' → 'Putin'."""
    return TITLES.sub("", name.strip()).strip()


def people_in(text: str, common: frozenset[str]) -> list[str]:
    """Full personal names printed in a text, in order of first appearance, titles removed; `common`: the
    words the text also prints in lower case (lexicon.lower_case_words), which start no name."""
    found: dict[str, str] = {}

    def cannot_start(word: str) -> bool:
        return (
            fold(word).rstrip(".") in NOT_NAME_WORDS
            or word.endswith(("’s", "'s"))
            or word.lower() in common
            or word in _INVERTED_VERBS  # "Continued Stone: “…”" names Stone
        )

    for match in PERSON.finditer(text):
        words = match.group(0).split()
        # Drop leading words that cannot start a name ("President Vladimir Putin" → "Vladimir Putin",
        # "Although Ukraine" → nothing: a sentence's first word is capitalised but common).
        while words and cannot_start(words[0]):
            words = words[1:]
        while words and fold(words[-1]).rstrip(".") in NOT_NAME_WORDS:
            words = words[:-1]
        if words and words[-1] in TITLE_ABBREVIATIONS and text.startswith(".", match.end()):
            words = words[:-1]  # "Retired Lt. Gen. Mia Ford": "Retired Lt" is no name
        if len(words) < 2 or any(fold(w).rstrip(".") in NOT_NAME_WORDS for w in words):
            continue
        if words[-1].endswith((".", "’s", "'s")):
            words[-1] = _POSSESSIVE_END.sub("", words[-1])
            if words[-1].endswith("."):
                continue
        name = " ".join(words)
        found.setdefault(name_key(name), name)
    return list(found.values())


def full_name(mention: str, people: list[str]) -> str | None:
    """The article's full name for a mention: a surname, a full name or a role ('Ukraine's president')."""
    key = name_key(mention)
    if not key:
        return None
    for person in people:
        if name_key(person) == key:
            return person
    holder = ROLE_HOLDERS.get(fold(mention.strip()))
    if holder:
        return next((p for p in people if surname_key(p) == surname_key(holder)), None)
    if " " not in key:
        matches = {p for p in people if surname_key(p) == key}
        if len(matches) == 1:  # an ambiguous surname stays a surname
            return matches.pop()
    return None


def same_person(a: str, b: str) -> bool:
    """Whether two names can be the same person: equal keys, or one is the other's surname."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    return key_a == key_b or key_a.endswith(" " + key_b) or key_b.endswith(" " + key_a)
