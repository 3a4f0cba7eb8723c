"""Titles, roles and group words around a name: what a speaker phrase holds besides the name itself, and the name."""

from __future__ import annotations

import re

from bot.core.lexicon import fold
from bot.core.quotes import names
from bot.core.quotes.cues import ROLE_AFTER
from bot.core.quotes.speakers import is_first_name

# Words around a name that are titles or roles, not the name: "party Chairman Joe Park", "Sen. Ann Roe".
_TITLE_WORDS = set(
    """
    mr mrs ms miss dr sen sens rep reps gov gen lt col sgt rev adm prof capt maj cmdr atty amb pres supt det
    insp fr president presidential senator governor mayor chairman chairwoman chair secretary minister
    chancellor speaker representative congressman congresswoman judge justice sheriff chief director leader
    spokesman spokeswoman spokesperson ambassador commander general admiral colonel lieutenant sergeant
    officer host anchor candidate nominee former vice deputy assistant acting prime foreign attorney state captain
    democratic republican democrat libertarian independent gop senior executive founder professor coach
    councillor councilman councilwoman superintendent trustee the a an his her their its rival
    reverend rabbi imam parent local mp del delegate brig cpl pvt retired ceo cfo coo cto chief
    """.split()
)
_NATIONALITIES = set(
    "russian ukrainian american german turkish french british chinese us u.s european polish israeli iranian".split()
)
# Group words that are not one speaker: "Diplomats called it …" names nobody.
GENERIC = set(
    """
    officials diplomats analysts experts critics observers sources leaders people residents some many others
    they we i you it one republicans democrats supporters opponents commentators economists soldiers voters
    the this that americans conservatives liberals independents protesters demonstrators campaigners according
    """.split()
)


def is_title(word: str) -> bool:
    """A title, role or nationality word: "Sen.", "Chairman", "Democratic", "Russian"."""
    folded = fold(word).rstrip(".,")
    return folded in _TITLE_WORDS or folded in _NATIONALITIES


_ROLE_ENDING = re.compile(r"[a-z](?:er|or|ist|ian|ant|ent|ee)$")


def _looks_like_a_role(word: str) -> bool:
    """ "Farmer Noel Grady", "Activist Ana Ruiz": a sentence's first word naming a trade, not a first name."""
    return bool(_ROLE_ENDING.search(word)) and not is_first_name(word)


def untitled(full: str | None) -> str | None:
    """A full name without the titles people_in can leave before it: "Councillor Priya Nair" → "Priya Nair"."""
    if full is None:
        return None
    words = full.split()
    while len(words) > 2 and (is_title(words[0]) or _looks_like_a_role(words[0])):
        words.pop(0)
    return " ".join(words)


_POSSESSIVE = re.compile(r"(’s|'s|’|')$")


def name_in(phrase: str, common: frozenset[str], people: list[str]) -> tuple[str, str | None, str] | None:
    """(name, role words before it, honorific) of a speaker phrase: the last run of capitalized words
    that are not titles, before any "of"-place: "campaign chairman Tom Hale" → Tom Hale (`common`: the words
    the article prints in lower case, `people`: its full names)."""
    tokens = phrase.split()
    if not tokens or _POSSESSIVE.search(tokens[-1]):
        return None  # "Mr Putin’s plans …": whose, not who
    runs: list[list[int]] = [[]]
    for index, word in enumerate(tokens):
        bare = _POSSESSIVE.sub("", word)
        capital = bool(bare) and bare[0].isupper() and not is_title(bare)
        if capital and index == 0 and bare.lower() in common and not names.full_name(bare, people):
            capital = False  # a sentence's first word: "Rival Hillary Clinton"
        if capital and bare != word and index < len(tokens) - 1:
            later = tokens[index + 1 :]
            if not later[0][0].isupper() and not any(w[0].isupper() and not is_title(w) for w in later):
                return None  # "NATO's leaders", "Bell's group": a group, not the person
            capital = False  # "Ukraine’s President Volodymyr Zelenskyy": whose, not who
        if capital:
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    if not runs[-1] and fold(tokens[-1]).rstrip(".,") in _TITLE_WORDS and not tokens[-1][0].islower():
        return None  # "former Pennsylvania Gov." (and …): the name comes after the phrase, not in it
    run = next((r for r in reversed(runs) if r), None)
    if run is None:
        return None
    name = " ".join(_POSSESSIVE.sub("", tokens[i]) for i in run).rstrip(",")
    before = tokens[: run[0]]
    honorific = fold(before[-1]).rstrip(".") if before else ""
    honorific = honorific if honorific in {"mr", "mrs", "ms", "miss", "dr"} else ""
    titled = [w for w in before if is_title(w) and fold(w) not in {"the", "a", "an", "his", "her"}]
    role = " ".join(before).strip(", ") if titled or any(w.islower() for w in before) else None
    if role and fold(role).rstrip(".") in {"the", "a", "an", "mr", "mrs", "ms", "miss", "dr"}:
        role = None
    return name, role, honorific


def role_given(body: str, people: list[str], name: str) -> str | None:
    """The role an article gives a person (`people`: its full names) after their name, anywhere: "Eric
    Ciaramella, a former official …,"."""
    person = next((p for p in people if names.same_person(p, name)), None)
    if person is None:
        return None
    # the first place the name is followed by a role: what re.search(re.escape(person) + ROLE_AFTER)
    # finds, without compiling a pattern for each name
    at, match = body.find(person), None
    while at >= 0 and (match := ROLE_AFTER.match(body, at + len(person))) is None:
        at = body.find(person, at + 1)
    return match.group("role").strip() if match and len(match.group("role").split()) <= 25 else None
