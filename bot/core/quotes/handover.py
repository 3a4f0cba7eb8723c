"""Whether the words between a speaker's verb and a quotation hand the quotation to somebody else."""

from __future__ import annotations

import re

from bot.core.quotes.cues import HANDS_OVER

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
        if word in {"who", "whom"} and _DASH.search(rest, match.end()):
            continue  # "… the stories of Americans who are often overlooked -- “…”": the clause is closed
        if word in _ALWAYS:
            return True
        before = _LAST_WORD.search(rest, 0, match.start())
        if before is None:
            continue  # the words begin with the subject's own verb: "wrote to investors, telling them …"
        previous = before.group(1)
        folded = previous.lower()
        if word == "but":
            following = [word.strip(",:;") for word in rest[match.end() :].split()[:1]]
            if following and following[0] in _SAME_SUBJECT and not names_someone:
                continue  # "…, but she knows that “…”": the subject goes on
            if following and HANDS_OVER.fullmatch(following[0]):
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
