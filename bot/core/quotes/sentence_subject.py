"""Who speaks a quotation its own sentence reports: the subject of the cue verb, of a later clause, of a
participle, of a colon's paraphrase, of a claim; a group at a meeting; the subject of any verb; or whom a colon
introduces: a name after its title, whose reply, a name right before the colon."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from bot.core.quotes import cues, names
from bot.core.quotes.handover import handed_over
from bot.core.quotes.nobody import opens_on_nobody
from bot.core.quotes.source import Speaker, is_described, with_role


class Attributor(Protocol):
    """What the subject rules ask of the article's attributor (bot.core.quotes.attribution.Attributor)."""

    people: list[str]

    def resolve_match(
        self, match: re.Match[str], at: int, sentence_index: int, ends_at_quotation: bool = True
    ) -> Speaker | None: ...

    def hands_over(self, rest: str) -> bool: ...

    def resolve(self, raw: str, at: int = -1, sentence_index: int = -1) -> Speaker | None: ...

    def a_person(self, resolved: Speaker | None) -> Speaker | None: ...

    def mentioned(self, text: str) -> list[str]: ...


# Words after which a quotation may be somebody else's: "… a coach who is “working the referees”".
_ELSEWHERE = re.compile(
    r"\b(?:who|whom|whose|which|what|so-called|claim|claims|called|known|as|by|about|phoney|phony|alleged|"
    r"supposed|self-styled|dubbed|termed)\b"
)


# A whole quotation earlier in the sentence, which the patterns read past as a plain object.
_EARLIER_QUOTATION = re.compile(r"“[^“”]{1,200}”|\"[^\"“”]{1,200}\"|''(?:[^'“”\"]|'(?!')){1,200}''")


def _object(quotation: re.Match[str]) -> str:
    """A plain object in a quotation's place, as long as it (offsets into the sentence stay true)."""
    width = len(quotation.group(0))
    return ("something" if width >= 9 else "it").ljust(width)


def _someone(attributor: Attributor, resolved: Speaker | None, match: re.Match[str]) -> Speaker | None:
    """A speaker found inside a sentence, after a comma or a conjunction, only if it is somebody for sure:
    a person the article names in full (or by a surname of such a person), a pronoun's referent, a body,
    or nobody named ("…, Sumter, South Carolina, says …" has no speaker "South Carolina")."""
    if resolved is None or resolved.speaker is None or resolved.full or resolved.pattern == "pronoun":
        return resolved
    if is_described(resolved.speaker):
        return resolved  # "…, one resident said"
    if any(names.same_person(person, resolved.speaker) for person in attributor.people):
        return resolved
    return resolved if cues.BODY_ONLY.fullmatch(match.group("speaker")) else None


def _somebody_first(before: str, *patterns: re.Pattern[str]) -> re.Match[str] | None:
    """The first pattern's match whose speaker is somebody: "Earlier this week, Clinton shared …" is read
    from after its opening when read from the start it makes "Earlier this week, Clinton" the speaker."""
    for pattern in patterns:
        match = pattern.match(before)
        if match and not opens_on_nobody(match.group("speaker")):
            return match
    return None


def _matches(
    whole: re.Pattern[str], clause: re.Pattern[str], before: str, clauses: list[int]
) -> Iterator[re.Match[str]]:
    """A pattern's matches from the sentence's start (`whole`), then from each clause start (`clause`)."""
    for match in (whole.match(before), *(clause.match(before, start) for start in clauses)):
        if match:
            yield match


def speaker(attributor: Attributor, before: str, near: str, at: int, sentence_index: int) -> Speaker | None:
    """The speaker the sentence around a quotation names as its subject (`before`: the sentence up to the
    quotation, `near`: the text before it, `at`, `sentence_index`: where it stands), or the one a colon
    introduces, or None."""
    colon = near.endswith(":", 0, len(near.rstrip()))
    titled = cues.TITLED_COLON.match(before) if colon else None
    if titled and (resolved := attributor.a_person(attributor.resolve(titled.group("speaker")))):
        return with_role(resolved, None, "title X: “…”")  # "Passenger association chair Dan Mercer: “…”"
    subject = _subject(attributor, before, near, at, sentence_index)
    return _introduced_by_colon(attributor, near, at, sentence_index) if subject is None and colon else subject


def _introduced_by_colon(attributor: Attributor, near: str, at: int, sentence_index: int) -> Speaker | None:
    """The speaker a colon opening the words names: whose reply it is ("Her reply, in full:", "Roe's answer:")
    or the person named right before it ("… doesn't surprise pollster Daron Shaw:", "HEADLINE - Ann Roe:")."""
    match = cues.POSSESSIVE_INTRO.search(near)
    if match:
        whose = match.group("speaker")
        pronoun = _POSSESSIVE_PRONOUNS.get(whose.lower())
        if pronoun or _POSSESSIVE.search(whose):
            where = at - len(near) + match.start("speaker") if at >= 0 else at
            resolved = attributor.resolve(pronoun or _POSSESSIVE.sub("", whose), where, sentence_index)
            if resolved:
                return with_role(resolved, None, "her reply: “…”")
    match = cues.NAMED_COLON.search(near)
    if match is None or (match.group("word") and cues.NOT_BEFORE_A_SPEAKER.fullmatch(match.group("word"))):
        return None
    resolved = attributor.a_person(attributor.resolve(match.group("speaker")))
    return with_role(resolved, match.group("role"), "title X: “…”") if resolved else None


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it"}
_POSSESSIVE = re.compile(r"(’s|'s)$")


def _subject(attributor: Attributor, before: str, near: str, at: int, sentence_index: int) -> Speaker | None:
    """The speaker the sentence names as its subject, with a cue verb, a participle, a colon, a claim."""
    before = _EARLIER_QUOTATION.sub(_object, before)  # “Trump said he won “every debate” because …”
    match = _somebody_first(before, cues.SUBJECT_VERB, cues.SUBJECT_VERB_LATER)
    # Only when nothing between the verb and the quotation could hand the words to someone else.
    if match and not attributor.hands_over(match.group("rest")):
        resolved = attributor.resolve_match(match, at, sentence_index)
        if resolved:
            naming = cues.NAMING_VERB_ONLY.fullmatch(match.group("verb"))
            return with_role(resolved, match.group("role"), "X called it “…”" if naming else "X noted that … “…”")
    clauses = [m.end() for m in cues.CLAUSE_START.finditer(before)][-1:-6:-1]  # the last five, last first
    for start in clauses:
        match = cues.CLAUSE_SUBJECT_VERB.match(before, start)
        if match and not attributor.hands_over(match.group("rest")):
            resolved = _someone(attributor, attributor.resolve_match(match, at, sentence_index), match)
            if resolved:
                return with_role(resolved, match.group("role"), "…, when X said that … “…”")
    if cues.PARTICIPLE_CUE.search(before):
        for match in _matches(cues.SUBJECT_PARTICIPLE, cues.CLAUSE_PARTICIPLE, before, clauses):
            # The participle is the subject's, unless a clause between hands the sentence to somebody else.
            if not handed_over(match.group("first"), True) and not attributor.hands_over(match.group("rest")):
                resolved = attributor.resolve_match(match, at, sentence_index)
                if resolved and (match.start("speaker") == 0 or _someone(attributor, resolved, match)):
                    return with_role(resolved, match.group("role"), "X did something, saying that … “…”")
    if before.rstrip().endswith(":"):
        for match in _matches(cues.COLON_INTRO, cues.CLAUSE_COLON_INTRO, before, clauses):
            resolved = attributor.resolve_match(match, at, sentence_index)
            if resolved:
                return with_role(resolved, match.group("role"), "X did something: “…”")
    match = cues.CLAIM.search(near)
    if match and (resolved := attributor.resolve_match(match, at, sentence_index)):
        return with_role(resolved, None, "X's claim is that “…”")
    match = cues.GROUP_AT.search(near)
    if match:  # a group as printed, with the meeting that places it
        return Speaker(f"{match.group('group')} at {match.group('place')}", pattern="a group at a meeting")
    match = _somebody_first(before, cues.SUBJECT_ANY_VERB, cues.SUBJECT_ANY_VERB_LATER)
    # A named subject's words quoted in its own sentence, when no cue, relative clause or other person
    # in between could make them somebody else's: "Cruz exhorted Republicans to “vote your conscience”".
    if match and not attributor.hands_over(match.group("rest")) and not _ELSEWHERE.search(match.group("rest")):
        if not attributor.mentioned(match.group("rest")):
            resolved = attributor.resolve_match(match, at, sentence_index)
            if resolved and resolved.speaker and resolved.pattern != "pronoun" and not is_described(resolved.speaker):
                return with_role(resolved, match.group("role"), "X did something with “…”")
    return None
