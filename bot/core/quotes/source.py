"""A quotation's source as the attribution rules resolve it: as named, the full name, a role, the pattern."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    """A quotation's source: as named near it, the full name the article gives, a role; or nobody named."""

    speaker: str | None  # None: nobody; a description when the article names nobody ("a spokesman")
    full: str | None = None
    role: str | None = None
    pattern: str = ""


DESCRIBED = "described speaker"
_INDEFINITE = frozenset("a an one another two three four several some".split())


def described(phrase: str, pattern: str = DESCRIBED) -> Speaker:
    """Somebody the article describes without naming them, as it describes them: "a senior official involved in
    the talks", "one resident" (never a name printed nearby, never nobody)."""
    words = " ".join(phrase.split()).rstrip(" ,—–-")
    return Speaker(words[0].lower() + words[1:], pattern=pattern)


def is_described(name: str) -> bool:
    """Whether a speaker is a description, not a name: "a deputy mayor", "two officials"."""
    return name.split(" ", 1)[0] in _INDEFINITE


def with_role(resolved: Speaker, role: str | None, pattern: str) -> Speaker:
    """The resolved speaker with the role the pattern found around it and the pattern's name."""
    if resolved.speaker is None:
        return resolved
    kept_role = role.strip() if role and not role.startswith("who ") else None
    return Speaker(resolved.speaker, resolved.full, kept_role or resolved.role, pattern)
