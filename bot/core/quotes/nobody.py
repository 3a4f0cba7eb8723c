"""Words a speaker phrase can begin with that name nobody: clause openers, participles, dates, groups."""

from __future__ import annotations

from bot.core.lexicon import fold
from bot.core.periods import MONTH_NAMES, WEEKDAY_NAMES
from bot.core.quotes.titles import GENERIC

# The first word of a name that is a clause's or a preposition's, not a person's: "Though she called …".
_OPENS_A_CLAUSE = frozenset(
    "though although whereas however thus despite unlike while when because since after before if as unless "
    "until yet so in on at by for from with during over under into through within without about".split()
)
# Participles that open sentences ("Following a meeting, the board …"), which no speaker is called.
_PARTICIPLES = frozenset(
    """following speaking asked according during including responding addressing citing noting referring
    pointing pressed given based added reached contacted interviewed testifying appearing campaigning writing
    standing sitting questioned challenged visiting touring arriving leaving returning""".split()
)
# The first word of a speaker phrase that makes it nobody's: "After the Paris attacks, …", "Those stances",
# "I'm old enough", "Meanwhile, it …".
_NOBODY_FIRST = frozenset(
    "after before amid during since while when although though because those these this what i i'm i’m we "
    "despite unlike if unless until meanwhile however still yet instead also later earlier now then today "
    "yesterday separately similarly finally indeed moreover furthermore nonetheless nevertheless otherwise "
    "overall initially previously recently currently ultimately accordingly likewise besides afterward "
    "afterwards here there my our your".split()
)
_CALENDAR = frozenset((*MONTH_NAMES, *WEEKDAY_NAMES))
# Places a speaker phrase may end on that name nobody: "Stacy Baker of Columbia, South Carolina says".
_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    washington wisconsin wyoming america europe""".split()
)
_PLACE_FIRST = frozenset("new north south east west san los las santa saint st. fort port lake mount".split())
# A capitalized word alone that is nobody's name: "But", "Each" opening a sentence.
_NOT_A_NAME = frozenset("but and or nor so each every both all most many few none neither either another".split())


def opens_on_nobody(phrase: str) -> bool:
    """Whether a speaker phrase opens with a word that makes it nobody: "After the Paris attacks"."""
    return fold(phrase.split()[0]) in _NOBODY_FIRST


def names_nobody(name: str) -> bool:
    """Whether a name found as a speaker is nobody: a group ("Officials"), a clause opener ("Though"), a
    sentence's participle ("Following"), a month or weekday ("August"), a state or a place ("South Carolina")."""
    first = fold(name.split()[0])
    return (
        fold(name) in GENERIC
        or fold(name) in _NOT_A_NAME
        or fold(name) in _STATES
        or (first in _PLACE_FIRST and len(name.split()) == 2)  # "South Carolina", "San Diego", "New Hampshire"
        or first in GENERIC
        or first in _OPENS_A_CLAUSE
        or first in _PARTICIPLES
        or name in _CALENDAR
    )
