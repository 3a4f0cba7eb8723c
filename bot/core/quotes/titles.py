"""Titles, roles and group words around a name: what a speaker phrase holds besides the name itself."""

from __future__ import annotations

import re

from bot.core.lexicon import fold
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
    reverend rabbi imam parent local mp del delegate brig cpl pvt retired
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
