"""Who speaks a quotation: the source a cue pattern points at, resolved to the name the article gives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core.lexicon import fold
from bot.core.quotes import cues, names, sentence_subject
from bot.core.quotes.descriptions import (
    described_antecedent,
    described_by_title,
    describes_somebody,
    relative_subject,
    role_holder,
)
from bot.core.quotes.handover import handed_over, is_a_noun
from bot.core.quotes.nobody import names_nobody, opens_on_nobody
from bot.core.quotes.source import Speaker, described, is_described, with_role
from bot.core.quotes.speakers import Cast, first_name_gender
from bot.core.quotes.titles import name_in, role_given, untitled
from bot.core.text import Sentence

if TYPE_CHECKING:
    from bot.core.article import Article


_PREVIOUS_SENTENCE = "speaker in the previous sentence"

_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_PLACE_SPLIT = re.compile(r"\s+(?:of|from|at|for|with|in)\s+")
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
_MENTION = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]+")
_HONORIFIC_START = re.compile(r"(?:Mr|Mrs|Ms|Dr)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z&]+")
_GENDERED = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_NAMED_BEFORE = re.compile(rf"(?<![\w’'])(?P<name>{cues.NAME})(?:,|\s+[—–-]+)\s*$")
_NAMED_AFTER = re.compile(rf",\s+(?P<name>{cues.NAME})(?=\s*[,.;]|\s*$|\s+{cues.VERB}\b)")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[a-z][^,;“”\"]{1,60},")


class Attributor:
    """Finds who speaks a quotation, from the patterns journalists use; says nothing when unsure."""

    def __init__(self, article: Article, quoted: list[tuple[int, int]] | None = None) -> None:
        self.body = article.body
        self.common = article.lower_case_words
        self.people = names.people_in(self.body, self.common)
        self.sentences: list[Sentence] = article.sentences
        self._quoted = quoted or []
        self._cast: Cast | None = None
        self.spoken: list[tuple[int, str]] = []  # (offset, full name) of the quotations attributed so far
        self.roles: dict[str, str] = {}  # roles the layout gives: a record's "The Minister for Transport (Ann Roe):"

    def ignore(self, spans: list[tuple[int, int]]) -> None:
        """Spans whose names are no pronoun's referent, as quotations' are not: a transcript's speaker labels."""
        self._quoted = sorted(self._quoted + spans)

    def note(self, at: int, speaker: Speaker) -> None:
        """Record who spoke the quotation at `at`: a later "he said" may go on with them."""
        person = speaker.full or speaker.speaker
        if person:
            self.spoken.append((at, person))

    @property
    def cast(self) -> Cast:
        """Where each person is named, made only when a pronoun needs it."""
        if self._cast is None:
            self._cast = Cast(self.body, self.people, self._quoted, self.common)
        return self._cast

    def role_of(self, name: str) -> str | None:
        """The role the article gives a person anywhere: 'Eric Ciaramella, a former official …,'."""
        return self.roles[name] if name in self.roles else role_given(self.body, self.people, name)

    def _name_in(self, phrase: str) -> tuple[str, str | None, str] | None:
        return name_in(phrase, self.common, self.people)

    def resolve_match(
        self, match: re.Match[str], at: int, sentence_index: int, ends_at_quotation: bool = True
    ) -> Speaker | None:
        """resolve() for a pattern's "speaker" group; a pronoun looks back from where it stands (in a text
        that ends at the quotation at `at` when `ends_at_quotation`), not from the quotation: in "He said
        Putin has “…”", "He" is not Putin."""
        where = at - len(match.string) + match.start("speaker") if ends_at_quotation and at >= 0 else at
        mention = match.group("speaker")
        head = cues.HEAD_NOUN_AFTER.match(match.string, match.end("speaker"))
        if head and mention.lower().startswith("the "):  # "The Florida" of "The Florida senator"
            return self.resolve(mention + head.group(0), where, sentence_index)
        resolved = self.resolve(mention, where, sentence_index)
        if resolved and resolved.speaker and is_described(resolved.speaker):
            named = _NAMED_BEFORE.search(match.string, 0, match.start("speaker")) or _NAMED_AFTER.match(
                match.string, match.end("speaker")
            )
            if named:  # "Maria Lopez, a grain trader, put it", "a fraternity brother, Stuart Oltchick, said"
                person = self.resolve(named.group("name"))
                if person and person.speaker and not is_described(person.speaker):
                    return Speaker(person.speaker, person.full, resolved.speaker, person.pattern)
        return resolved

    def resolve(self, raw: str, at: int = -1, sentence_index: int = -1) -> Speaker | None:
        """A speaker phrase as a Speaker (as described for somebody unnamed), None when it names nobody for sure."""
        mention = _PARENTHESIS.sub("", raw).strip().rstrip(",")
        if not mention or opens_on_nobody(mention):
            return None  # "After the Paris attacks, …", "Those stances …", "I'm old enough …"
        if cues.PRONOUN_ONLY.fullmatch(mention):
            return self._pronoun(mention, at, sentence_index)
        if described_by_title(mention):
            return described(mention)  # "another New Hampshire Republican"
        if cues.ANONYMOUS_ONLY.fullmatch(mention) and not self._named_after_comma(mention):
            name = relative_subject(mention)
            if name:  # "an honor Donald said he hoped would be …": Donald's words
                return self.resolve(name, at, sentence_index)
            return described(mention) if describes_somebody(mention) else None
        if cues.ROLE_PHRASE_ONLY.fullmatch(mention):
            return Speaker(mention, names.full_name(mention, self.people), mention)
        if cues.BODY_ONLY.fullmatch(mention) and not self._person_in(mention):
            return Speaker(mention[0].lower() + mention[1:] if mention.startswith("The ") else mention)
        definite = cues.DESCRIPTION_ONLY.fullmatch(mention)
        if definite:  # "the minister": the one person the article gives that role
            person = role_holder(self.body, self.cast.persons, definite.group(1), self.role_of)
            return Speaker(mention[0].lower() + mention[1:], person, mention) if person else None
        description, _, tail = mention.rpartition(", ")
        for part in [tail, mention] if description else [mention]:
            # the name before an "of"-place ("Rep. Carl Ito of Nevada"), else after a title's "of"
            # ("Former Secretary of State Madeleine Albright")
            pieces = _PLACE_SPLIT.split(part)
            titled = len(pieces) > 1 and pieces[0].split()[-1][:1].isupper()  # "Secretary of", not "general of"
            found = next((f for f in map(self._name_in, pieces if titled else pieces[:1]) if f), None)
            if found:
                name, role, honorific = found
                if description and part == tail:
                    role = description  # "the running mate, Gov. Lee Wong"
                return self._named(name, role, honorific)
        return None

    def _described(self, name: str) -> bool:
        """Whether the article gives a one-word name a role as a person's: "Sanders, a ferry pilot,"."""
        at = self.body.find(name)
        return at >= 0 and bool(_APPOSITION.match(self.body, at + len(name)))

    def _proper(self, name: str) -> bool:
        """Whether the article prints a word capitalized inside a sentence, as a name: "the latest Reuters poll"."""
        return re.search(rf"[a-z,;]\s+{re.escape(name)}\b", self.body) is not None

    def _named_after_comma(self, mention: str) -> bool:
        return ", " in mention and self._name_in(mention.rpartition(", ")[2]) is not None

    def _person_in(self, mention: str) -> bool:
        found = self._name_in(mention)
        return bool(found) and names.full_name(found[0], self.people) is not None

    def _named(self, name: str, role: str | None, honorific: str) -> Speaker | None:
        if names_nobody(name):
            return None  # "Officials", "Though she called …", "Following a meeting, …", "In August, …"
        full = untitled(names.full_name(name, self.people))
        if full and " " not in name and not self._titled_alike(full, honorific):
            full = None  # "Mr. Obama" in an article that names only Michelle Obama in full
        if " " not in name and not (full or honorific or role):
            if _ACRONYM.fullmatch(name):
                return Speaker(name)  # a body by its initials: "MSNBC said"
            common = name.endswith("s") or name.lower() in self.body
            if common and not self._described(name) and not self._proper(name):
                return None  # "Diplomats", "Officials": a common word, but "Sanders, a ferry pilot,"
        return Speaker(name, full, role)

    def _titled_alike(self, full: str, honorific: str) -> bool:
        """Whether a surname printed with an honorific can be the article's person of that surname: "Mr."
        is not a woman's first name, nor "Ms." a man's ("Mr. Obama" is not Michelle Obama)."""
        gender = first_name_gender(full.split()[0])
        return not (honorific in _GENDERED and gender and gender != _GENDERED[honorific])

    def _pronoun(self, pronoun: str, at: int, sentence_index: int) -> Speaker | None:
        if sentence_index < 0:
            return None
        if fold(pronoun) == "it":
            return self._body_before(sentence_index)
        unnamed = self._described_antecedent("she" if fold(pronoun) == "she" else "he", at, sentence_index)
        if unnamed:
            return unnamed
        person = self.cast.referent(pronoun, at, self.sentences, sentence_index, self.spoken)
        if person is None:
            return None
        person = untitled(person) or person
        return Speaker(names.strip_title(person), person, pattern="pronoun")

    def _described_antecedent(self, gender: str, at: int, sentence_index: int) -> Speaker | None:
        """descriptions.described_antecedent, when no person of that gender is named since the description."""
        found = described_antecedent(self.body, self.sentences, sentence_index, at, gender, self.spoken)
        if found is None:
            return None
        where, description = found
        if any(where < named < at and self.cast.fits(person, gender) for named, person in self.cast.mentions):
            return None
        if description.startswith("the "):  # "the senator": the one the article names so, else as described
            return self.resolve(description) or Speaker(description, pattern="pronoun")
        return described(description, "pronoun")

    def _body_before(self, sentence_index: int) -> Speaker | None:
        """What an "it said" refers to: the first body named in the nearest sentence before naming one."""
        for index in range(sentence_index - 1, max(-1, sentence_index - 3), -1):
            match = cues.BODY_ONLY.search(self.sentences[index].text)
            if match:
                body = match.group(0)
                return Speaker(body[0].lower() + body[1:] if body.startswith("The ") else body, pattern="pronoun")
        return None

    def attribute(
        self, before: str, after: str, at: int = -1, sentence_index: int = -1, rest: str = "", quoted: str = ""
    ) -> Speaker | None:
        """The speaker the text around one quotation (its words: `quoted`) names (`rest`: the paragraph after
        it), or None."""
        listed = bool(cues.IN_A_LIST.search(before[-12:]))
        dialogue = not before.strip() and quoted.rstrip("”’'\" ").endswith((",", "!", "?"))  # “…!” beamed X
        near = before[-320:]  # a speaker, its role and the verb: the end-anchored patterns need no more
        intro = cues.BEFORE_INTRO.search(near) if cues.ENDS_WITH_CUE.search(near[-100:]) else None
        if intro and is_a_noun(intro.group("verb"), intro.group("speaker").rsplit(None, 1)[-1]):
            intro = None  # "a flurry of late-night tweets …": no speaker, no verb
        ending = near.rstrip()[-1:]  # a comma or colon before the words, for the patterns that end so
        attempts = (  # each tried only when the ones before it found nobody
            (lambda: None if listed else cues.AFTER_VERB_FIRST.match(after), "“…,” said X"),
            (lambda: None if listed else cues.AFTER_SPEAKER_FIRST.match(after), "“…,” X said"),
            (lambda: cues.AFTER_ACCORDING.match(after), "“…,” according to X"),
            (lambda: intro, "X said: “…”"),
            (lambda: cues.BEFORE_ACCORDING.search(near), "according to X, “…”"),
            (lambda: cues.BEFORE_PARENTHESIS.search(before), "…, X said, “…”"),
            (
                lambda: cues.BEFORE_INVERTED_PARENTHESIS.search(near) if ending == "," else None,
                "…, explained X, “…”",
            ),
            (lambda: cues.AFTER_AS.match(after), "“…,” as X said"),
            (
                lambda: cues.STATEMENT.search(near) if cues.STATEMENT_NOUN.search(near) else None,
                "X's statement said “…”",
            ),
            (lambda: cues.CLAIM_THAT.search(near) if cues.CLAIM_NOUN.search(near) else None, "X's claim that … “…”"),
            (
                lambda: cues.SHOWN_SAYING.search(near) if cues.PARTICIPLE_CUE.search(near[-40:]) else None,
                "footage of X saying “…”",
            ),
            (lambda: cues.BEFORE_INVERTED.search(near) if ending in ",:" else None, "Said X: “…”"),
            (lambda: cues.AFTER_DASH.match(rest or after), "“…” ― X"),
            (lambda: cues.TRAILING.match(after), "“…” of it, X said."),
            (lambda: cues.TRAILING_SAID.match(after) if "," in after else None, "“…” of it, said X."),
            (lambda: cues.AFTER_DIALOGUE_SPEAKER_FIRST.match(after) if dialogue else None, "“…!” X beamed"),
            (lambda: cues.AFTER_DIALOGUE_VERB_FIRST.match(after) if dialogue else None, "“…!” beamed X"),
            (
                lambda: cues.SUBJECT_SAYING.search(before) if cues.SAYING_END.search(near[-60:]) else None,
                "X …, saying “…”",
            ),
        )
        for attempt, pattern in attempts:
            match = attempt()
            if match:
                ahead = match.string is after or match.string is rest  # the speaker follows the quotation
                resolved = self.resolve_match(match, at, sentence_index, ends_at_quotation=not ahead)
                if resolved:
                    return with_role(resolved, match.groupdict().get("role"), pattern)
        return sentence_subject.speaker(self, before, near, at, sentence_index)

    def a_person(self, resolved: Speaker | None) -> Speaker | None:
        """The resolved speaker if it is one of the article's people by their full name, else None."""
        if resolved and resolved.full and any(names.same_person(p, resolved.full) for p in self.cast.persons):
            return resolved
        return None

    def hands_over(self, rest: str) -> bool:
        """Whether the words between a cue and a quotation hand it to somebody else (handover.handed_over)."""
        return bool(cues.HANDS_OVER.search(rest)) and handed_over(rest, bool(self.mentioned(rest)))

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

    def from_previous_sentence(self, previous: str, at: int = -1, sentence_index: int = -1) -> Speaker | None:
        """The speaker when the sentence before a bare quotation (`at`, `sentence_index`: where that sentence
        ends, which it is) announces one person speaking: "Maria Lopez put it bluntly.", "He concluded:" """
        if not previous or not cues.SPEECH_CUE.search(previous) or "“" in previous or '"' in previous:
            return None
        intro = cues.INTRODUCES.match(previous) or cues.BEFORE_INVERTED.search(previous)
        if intro:  # "Caddell continued:", "The governor added:", "He concluded:"
            resolved = self.resolve(intro.group("speaker"), at, sentence_index)
            if resolved:
                return with_role(resolved, intro.group("role"), _PREVIOUS_SENTENCE)
        if previous.rstrip().endswith(":"):  # "Ann Roe, 81, said that given the choices:": the words go on
            resolved = self.attribute(previous, "", at, sentence_index)
            if resolved:
                return with_role(resolved, None, _PREVIOUS_SENTENCE)
        unnamed = cues.ANONYMOUS_SAYS.search(previous) if cues.ANONYMOUS_ONLY.search(previous) else None
        if unnamed and describes_somebody(unnamed.group("speaker")):  # "A woman selling bread put it simply:"
            return described(unnamed.group("speaker"), _PREVIOUS_SENTENCE)
        trailing = cues.TRAILING.search(previous)
        if trailing:  # "…, Schiff said."
            resolved = self.resolve_match(trailing, at, sentence_index)
            if resolved and resolved.speaker:
                return with_role(resolved, None, _PREVIOUS_SENTENCE)
        people = self.mentioned(previous)
        if len(people) != 1:
            return None
        person = people[0]
        return Speaker(names.strip_title(person), names.full_name(person, self.people), None, _PREVIOUS_SENTENCE)
