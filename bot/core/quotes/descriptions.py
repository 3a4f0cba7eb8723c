"""Who a definite description names ("the president", "the Vermont senator"): the one person printed with
that title, or given it as their role."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.quotes.titles import untitled

_ABBREVIATIONS = {
    "governor": ("gov",),
    "senator": ("sen",),
    "congressman": ("rep",),
    "congresswoman": ("rep",),
    "general": ("gen",),
    "doctor": ("dr",),
}
_LOWER_WORD = re.compile(r"[a-z]+")
# Where a clause or sentence ends, but not a title's full stop ("Sen. Carl Ito", "Gov. Rita Salas").
_PUNCTUATION = re.compile(r"[,;:!?“”\"()]|(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<!\b[A-Z])\.")
_NOT_A_TITLE = frozenset("and or but to with for from by than said told asked says tells asks the a an".split())


def role_holder(body: str, persons: list[str], role: str, role_of: Callable[[str], str | None]) -> str | None:
    """The one person of `persons` printed with a role word in `body` ("Ruth Adler, the transport
    minister" by `role_of`, "Gov. Rita Salas", "President Obama") that a definite description ("the
    minister", "the president") names; None when not exactly one."""
    wanted = {role, *_ABBREVIATIONS.get(role, ())}
    holders = set()
    for person in persons:
        if wanted & set(_LOWER_WORD.findall((role_of(person) or "").lower())):
            holders.add(person)
            continue
        for match in re.finditer(rf"\b{re.escape(person.split()[-1])}\b", body):
            # the words just before a name, back to a clause word: "President Barack", "Gov."
            window = _PUNCTUATION.split(body[max(0, match.start() - 40) : match.start()])[-1]
            before = _LOWER_WORD.findall(window.lower())[-3:]
            cut = max((i + 1 for i, word in enumerate(before) if word in _NOT_A_TITLE), default=0)
            if wanted & set(before[cut:]):
                holders.add(person)
                break
    return untitled(holders.pop()) if len(holders) == 1 else None
