"""Whether the words between a speaker's verb and a quotation hand the quotation to somebody else, and which
quotations share one speaker: one over several paragraphs, the earlier ones of a sentence naming it after."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from bot.core.quotes.cues import HANDS_OVER


class Quoted(Protocol):
    """What these rules read of a quotation (bot.core.quotes.quotations.Quote, a frozen dataclass)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_full(self) -> str | None: ...
    @property
    def role(self) -> str | None: ...
    @property
    def attribution(self) -> str | None: ...
    @property
    def who(self) -> str | None: ...


Q = TypeVar("Q", bound=Quoted)  # a quotation, returned as the same kind it came

# Ways a quotation goes on with the speaker of another (the patterns' names, as quotations.py gives them).
CONTINUES = "continues after “…,” X said."
GOES_ON = "X said “…” and “…”"
AFTER_PATTERNS = frozenset({"“…,” said X", "“…,” X said"})
NAMED = re.compile(r"\b[A-Z][a-z]")

# Cue words that are nouns as often as verbs: "a flurry of late-night tweets", "his campaign promises".
_NOUN_OR_VERB = frozenset(
    "tweets posts claims reports notes states remarks demands promises vows jokes boasts answers calls "
    "attacks charges".split()
)
# Words after which a cue word is a noun or a modifier, never a verb: "the reported deal", "Trump's tweets".
_DETERMINERS = frozenset(
    "the a an his her its their our my your this these those of some many several recent earlier new such no "
    "any whose".split()
)
_SUBJECT_LIKE = re.compile(r"(?:[A-Z][\w’'.-]*|he|she|it|they|we|i|you|who|which|that|also|\w+ly)$")
_SAME_SUBJECT = frozenset({"he", "she", "it"})  # "Clinton says she appreciated … what she calls a “…”"
# Links that turn a sentence to another source whatever follows.
_ALWAYS = frozenset({"while", "whereas", "who", "whom", "according"})
_MODALS = frozenset("would will could might should can may".split())
# After "but", words that go on with the subject's own predicate: "…, but was referring to the “…”".
_GOES_ON_WITH_THE_SUBJECT = (
    frozenset(
        "that was is were are had has have did does went got made gave took came kept left thought knew saw felt "
        "also still then added".split()
    )
    | _MODALS
)
_PAST = re.compile(r"[a-z]+ed")
_DASH = re.compile(r"\s(?:--|—|–)\s")
_LAST_WORD = re.compile(r"([\w’'.-]+)\W*$")


def is_a_noun(word: str, previous: str) -> bool:
    """Whether a cue word after `previous` is a noun or a modifier, not a verb: "the reported deal",
    "Trump's tweets", "late-night tweets", "campaign promises"."""
    if previous.lower() in _DETERMINERS or previous.endswith(("’s", "'s")):
        return True
    return word in _NOUN_OR_VERB and not _SUBJECT_LIKE.fullmatch(previous)


def handed_over(rest: str, names_someone: bool) -> bool:
    """Whether `rest`, the words between a sentence's subject's cue verb and its quotation, hand the
    quotation to another source: another cue verb with a subject of its own ("…, said Kim told him “…”"),
    a relative clause, a contrast, an "according to". A cue word used as a noun ("a flurry of late-night
    tweets was “…”") hands nothing over, and neither does "he"/"she"/"it" going on with the subject ("Clinton
    says she knows that “…”") unless `names_someone`: another person is named in `rest`, whom the pronoun
    may mean."""
    for match in HANDS_OVER.finditer(rest):
        word = match.group(0)
        following = [w.strip(",:;") for w in rest[match.end() :].split()[:1]]
        if word in {"who", "whom"} and (_DASH.search(rest, match.end()) or not following):
            continue  # "Americans who are often overlooked -- “…”", "regulators who “…”": the clause is closed
        before = _LAST_WORD.search(rest, 0, match.start())
        if word in {"while", "whereas"} and before and before.group(1).lower() == "that":
            continue  # "said that while he fears comparisons, “…”": the clause is what the subject says
        if word in _ALWAYS:
            return True
        if before is None:
            continue  # the words begin with the subject's own verb: "wrote to investors, telling them …"
        previous = before.group(1)
        folded = previous.lower()
        if word == "but":
            if not following or following[0] in _GOES_ON_WITH_THE_SUBJECT:
                continue  # "said he had offers, but “…”", "…, but that “…”", "…, but went on to say, “…”"
            if following[0] in _SAME_SUBJECT and not names_someone:
                continue  # "…, but she knows that “…”": the subject goes on
            if HANDS_OVER.fullmatch(following[0]) or _PAST.fullmatch(following[0]):
                continue  # "… said she thinks so but said “…”": the same subject's second verb
            return True
        if is_a_noun(word, previous):
            continue
        if folded in {"and", "but"}:
            continue  # "… and said", "… but said": the subject's own second verb
        if folded in _MODALS:
            continue  # "said it would tell an American story": what the subject says will be
        if folded in _SAME_SUBJECT and not names_someone:
            continue
        if folded == "to" and rest[: match.start()].rstrip().endswith(" on to"):
            continue  # "…, going on to say that …": the subject again
        return True
    return False


@dataclass(frozen=True)
class Outer:
    """Where an outer quotation stands: its index in the article's quotations, its paragraph, whether it opens
    the paragraph and whether the paragraph ends with it still open."""

    index: int
    paragraph: int
    opens: bool
    unclosed: bool


# Patterns that borrow a speaker from another quotation rather than find one around their own.
BORROWED = frozenset({CONTINUES, GOES_ON, None})
ONE_QUOTATION = "one quotation over several paragraphs"
_SPEAKER_AFTER = frozenset(
    {
        *AFTER_PATTERNS,
        "“…,” according to X",
        "“…” ― X",
        "“…” of it, X said.",
        "“…” of it, said X.",
        "“…!” X beamed",
        "“…!” beamed X",
    }
)


def one_speaker_per_quotation(quotes: list[Q], outer: list[Outer], body: str) -> None:
    """A quotation over several paragraphs (one left open at its paragraph's end, the next paragraph opening
    with a mark) has one speaker wherever its cue stands: the first part's with a cue of its own gives it to
    the parts without. And a quotation of a sentence whose speaker is named after a later quotation of it,
    nobody else handed the words between, is that speaker's: "Guns are “a crisis” and “a plague,” X said."""
    chains: list[list[Outer]] = []
    for place in outer:
        last = chains[-1][-1] if chains else None
        if last and last.unclosed and place.opens and place.paragraph == last.paragraph + 1:
            chains[-1].append(place)
        else:
            chains.append([place])
    for chain in chains:
        source = next((quotes[p.index] for p in chain if quotes[p.index].attribution not in BORROWED), None)
        if source is None or len(chain) < 2:
            continue
        for place in chain:
            if quotes[place.index].attribution in BORROWED:
                quotes[place.index] = _spoken_as(quotes[place.index], source, ONE_QUOTATION)
    for here, later in reversed(list(zip(outer, outer[1:], strict=False))):
        quote, next_quote = quotes[here.index], quotes[later.index]
        between = body[quote.end : next_quote.start]
        if (
            quote.attribution is None
            and next_quote.attribution in _SPEAKER_AFTER | {_GOES_BACK}
            and quote.sentence == next_quote.sentence
            and len(between) < 120
            and not HANDS_OVER.search(between)
            and not NAMED.search(between)
        ):
            quotes[here.index] = _spoken_as(quote, next_quote, _GOES_BACK)


_GOES_BACK = "“…” and “…,” X said"


def _spoken_as(quote: Q, source: Q, pattern: str) -> Q:
    """The quotation with the speaker of another one."""
    kind = "quote" if source.who else quote.kind
    return replace(
        quote,
        speaker=source.speaker,
        speaker_full=source.speaker_full,
        role=source.role,
        kind=kind,
        attribution=pattern,
    )
