"""Who speaks a quotation: the patterns journalists use to name a speaker, and the names they resolve to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core import names
from bot.core.lexicon import fold

if TYPE_CHECKING:
    from bot.core.article import Article

_VERB = (
    r"(?:said|says|say|asked|asks|added|adds|told\s+(?:\w+\s+){0,2}?\w+|tells\s+\w+|explained|explains|"
    r"noted|notes|argued|argues|warned|warns|insisted|insists|replied|declared|wrote|writes|continued|"
    r"recalled|admitted|acknowledged|conceded|stressed|concluded|observed|remarked|tweeted|posted|"
    r"announced|complained|joked|quipped|cautioned|predicted|claimed|claims|put\s+it)"
)
_NAMING_VERB = r"(?:called|calls|dubbed|dubs|described|describes|termed|labell?ed|branded|dismissed|dismisses)"
_NAME_WORD = r"(?:[A-Z][\w’'-]*|[A-Z]\.)"
_BODY = (
    r"(?:[Tt]he\s+(?:Kremlin|White\s+House|Pentagon|State\s+Department|Foreign\s+Office|Elysée|Élysée|"
    r"Vatican|Commission|Foreign\s+Ministry|Defen[cs]e\s+Ministry)|Downing\s+Street|NATO|Nato|Hamas|Moscow|Kyiv)"
)
_ROLE_PHRASE = (
    r"(?:(?:[Tt]he\s+)?[A-Z][\w’']+(?:’s|'s)?\s+(?:president|prime\s+minister|chancellor|"
    r"foreign\s+minister|defen[cs]e\s+minister|spokesman|spokeswoman|spokesperson|leader))"
)
_PRONOUN = r"(?:[Hh]e|[Ss]he)"
_SPEAKER = rf"(?P<speaker>{_ROLE_PHRASE}|{_BODY}|{_PRONOUN}|(?:{_NAME_WORD}\s+){{0,4}}{_NAME_WORD})"
# A role set off by commas after a name: ", senior fellow at …," / ", a fearsome Chechen warlord whose …,".
_ROLE = (
    r"(?P<role>(?!(?:as|who|which|when|while|after|before|adding|in|on|at|according|but|and|because|if)\b)"
    r"[a-z][^,;“”\"]{2,160}?)"
)

_AFTER_VERB_FIRST = re.compile(rf"^[,\s]*{_VERB}\s+{_SPEAKER}(?:,\s+{_ROLE}(?=,|\.|;|$))?")
_AFTER_SPEAKER_FIRST = re.compile(rf"^[,\s]*{_SPEAKER}\s+(?:has\s+|had\s+)?{_VERB}\b")
_BEFORE_INTRO = re.compile(
    rf"{_SPEAKER}(?:,\s+{_ROLE},)?\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?{_VERB}(?:\s+that)?\s*[:,]?\s*$"
)
_BEFORE_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+{_SPEAKER}(?:,\s+{_ROLE})?,\s*$")
_BEFORE_PARENTHESIS = re.compile(rf",\s+{_SPEAKER}\s+{_VERB},\s")
# The sentence's subject speaks or names something; the quotation comes later in the same sentence.
_SUBJECT_VERB = re.compile(
    rf"^(?:[^,“”\"]{{0,40}},\s+)?{_SPEAKER}(?:,\s+{_ROLE},)?\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?"
    rf"(?P<verb>{_VERB}|{_NAMING_VERB})\b(?P<rest>[^“”\"]*)$"
)
# compiled once: each is tried on every quotation
_MENTION = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]+")
_POSSESSIVE = re.compile(r"(’s|'s)$")
_HONORIFIC_START = re.compile(r"(?:Mr|Mrs|Ms|Dr)\b")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov)\.?")
_PRONOUN_ONLY, _BODY_ONLY, _ROLE_PHRASE_ONLY = re.compile(_PRONOUN), re.compile(_BODY), re.compile(_ROLE_PHRASE)
_NAMING_VERB_ONLY = re.compile(_NAMING_VERB)
_HANDS_OVER = re.compile(rf"\b(?:{_VERB}|{_NAMING_VERB}|but|while|whereas)\b")  # words that pass a quotation on
_ROLE_AFTER = re.compile(rf",\s+{_ROLE}(?:,|\.|;|$)", re.M)  # after a name: ", a former official,"
_SPEECH_CUE = re.compile(rf"\b{_VERB}\b|:\s*$")
_TITLE_WORDS = {
    "president",
    "chancellor",
    "prime",
    "minister",
    "foreign",
    "former",
    "the",
    "mayor",
    "governor",
    "senator",
    "general",
    "gen",
    "commander",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "secretary",
}
_NATIONALITIES = {
    "russian",
    "ukrainian",
    "american",
    "german",
    "turkish",
    "french",
    "british",
    "chinese",
    "us",
    "u.s",
    "european",
    "polish",
    "israeli",
    "iranian",
}
# Group words that are not one speaker: "Diplomats called it …" names nobody.
_GENERIC = {
    "officials",
    "diplomats",
    "analysts",
    "experts",
    "critics",
    "observers",
    "sources",
    "leaders",
    "people",
    "residents",
    "some",
    "many",
    "others",
    "they",
    "we",
    "i",
    "you",
    "it",
    "one",
    "republicans",
    "democrats",
    "supporters",
    "opponents",
    "commentators",
    "economists",
    "soldiers",
    "voters",
    "the",
    "this",
    "that",
}


class Attributor:
    """Finds who speaks a quotation, from the patterns journalists use; says nothing when unsure."""

    def __init__(self, article: Article) -> None:
        self.body = article.body
        self.people = names.people_in(self.body, article.lower_case_words)

    def role_of(self, name: str) -> str | None:
        """The role the article gives a person anywhere: 'Eric Ciaramella, a former official …,'."""
        person = next((p for p in self.people if names.same_person(p, name)), None)
        if person is None:
            return None
        # the first place the name is followed by a role: what re.search(re.escape(person) + _ROLE_AFTER)
        # finds, without compiling a pattern for each name
        at, match = self.body.find(person), None
        while at >= 0 and (match := _ROLE_AFTER.match(self.body, at + len(person))) is None:
            at = self.body.find(person, at + 1)
        return match.group("role").strip() if match and len(match.group("role").split()) <= 25 else None

    def mentioned(self, text: str) -> list[str]:
        """Distinct people (full names when known) a text mentions, by surname or title."""
        found: list[str] = []
        for match in _MENTION.finditer(text):
            word = _POSSESSIVE.sub("", match.group(0))
            person = names.full_name(word, self.people)
            if person is None and _HONORIFIC_START.match(word):
                person = names.strip_title(word)
            if person and not any(names.same_person(person, f) for f in found):
                found.append(person)
        return found

    def resolve(self, raw: str, context_before: str, previous: str) -> tuple[str, str | None, str | None] | None:
        """(speaker, full name, role from a title) for a speaker phrase, or None when it names nobody."""
        mention = raw.strip()
        if _PRONOUN_ONLY.fullmatch(mention):
            people = self.mentioned(context_before) or self.mentioned(previous)
            if len(people) != 1:
                return None
            person = people[0]
            return names.strip_title(person), names.full_name(person, self.people) or person, None
        if _BODY_ONLY.fullmatch(mention):
            return (mention[0].lower() + mention[1:] if mention.startswith("The ") else mention), None, None
        if _ROLE_PHRASE_ONLY.fullmatch(mention):
            return mention, names.full_name(mention, self.people), mention
        words = mention.split()
        title_words: list[str] = []
        while words and (
            words[0].endswith(("’s", "'s"))
            or fold(words[0]).rstrip(".") in _TITLE_WORDS
            or fold(words[0]).rstrip(".") in _NATIONALITIES
        ):
            title_words.append(words.pop(0))
        honorific = bool(words) and bool(_HONORIFIC.fullmatch(words[0]))
        name = names.strip_title(" ".join(words))
        if not name or fold(name) in _GENERIC or fold(name.split()[0]) in _GENERIC:
            return None
        full = names.full_name(name, self.people)
        if " " not in name and not (full or honorific or title_words):
            if name.endswith("s") or name.lower() in self.body:  # "Diplomats", "Officials": a common word
                return None
        titled = any(fold(w).rstrip(".") in _TITLE_WORDS for w in title_words)
        role = " ".join(title_words) if titled else None  # "Ukraine’s President", "Mayor"
        return name, full, role

    def attribute(
        self, before: str, after: str, previous: str
    ) -> tuple[tuple[str, str | None, str | None], str | None, str] | None:
        """((speaker, full, title), role, pattern) from the text around one quotation."""
        attempts = (
            (_AFTER_VERB_FIRST.match(after), "“…,” said X"),
            (_AFTER_SPEAKER_FIRST.match(after), "“…,” X said"),
            (_BEFORE_INTRO.search(before), "X said: “…”"),
            (_BEFORE_ACCORDING.search(before), "according to X, “…”"),
            (_BEFORE_PARENTHESIS.search(before), "…, X said, “…”"),
        )
        for match, pattern in attempts:
            if match:
                resolved = self.resolve(match.group("speaker"), before[: match.start("speaker")], previous)
                if resolved:
                    return resolved, match.groupdict().get("role"), pattern
        match = _SUBJECT_VERB.search(before)
        # Only when nothing between the verb and the quotation could hand the words to someone else.
        if match and not _HANDS_OVER.search(match.group("rest")):
            resolved = self.resolve(match.group("speaker"), "", previous)
            if resolved:
                kind = "X called it “…”" if _NAMING_VERB_ONLY.fullmatch(match.group("verb")) else "X noted that … “…”"
                return resolved, match.group("role"), kind
        return None

    def from_previous_sentence(self, previous: str) -> tuple[str, str | None] | None:
        """(speaker, full name) when the sentence before a bare quotation announces one person speaking:
        "Maria Lopez put it bluntly." """
        if not previous or not _SPEECH_CUE.search(previous) or "“" in previous:
            return None
        people = self.mentioned(previous)
        if len(people) != 1:
            return None
        return names.strip_title(people[0]), names.full_name(people[0], self.people)
