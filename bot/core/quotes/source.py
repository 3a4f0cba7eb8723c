"""A quotation's source as the attribution rules resolve it: as named, the full name, a role, the pattern."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    """A quotation's source: as named near it, the full name the article gives, a role; or nobody named."""

    speaker: str | None  # None: an anonymous source ("a spokesman said"), which names nobody
    full: str | None = None
    role: str | None = None
    pattern: str = ""


ANONYMOUS = Speaker(None, pattern="anonymous source")


def with_role(resolved: Speaker, role: str | None, pattern: str) -> Speaker:
    """The resolved speaker with the role the pattern found around it and the pattern's name."""
    if resolved.speaker is None:
        return resolved
    kept_role = role.strip() if role and not role.startswith("who ") else None
    return Speaker(resolved.speaker, resolved.full, kept_role or resolved.role, pattern)
