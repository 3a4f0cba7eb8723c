"""The people an article names, where it names them and whether as he or she: what a pronoun speaker refers to."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from typing import Literal

from bot.core import names
from bot.core.lexicon import STOPWORDS, fold
from bot.core.text import Sentence

Gender = Literal["he", "she"]

# Common first names, to tell "he" from "she" when the article gives no Mr. or Ms.
_HE_NAMES = frozenset(
    """
    aaron adam alan albert alex alexander andrew andriy andy anthony antonio arnold barack ben benjamin bernie
    bill billy bob bobby brad brian bruce carl carlos charles charlie chris christopher chuck cory craig dan daniel
    darrell dave david dennis donald doug douglas ed eddie edward elijah emmanuel eric evan frank fred gary george
    gerald greg gregory harry henrik henry herman howard ian igor ivan jack jacob jake james jared jason jeb jeff
    jeffrey jerry jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan julian julien keith
    ken kenneth kevin larry lee len leon lindsey louis luis marco marcus mark martin matt matthew max michael
    mike mitch mitt nathan neil nick nicholas olaf omar oleg owen pat patrick paul pete peter petro phil philip
    ralph ray recep reince rex richard rick rob robert roger ron ronald roy rudy rudolph russell ryan sam samuel
    scott sean sergei sergey stephen steve steven ted terry thomas tim timothy todd tom tony trey victor vince
    vladimir volodymyr walter wayne will william xi yuri
    """.split()
)
_SHE_NAMES = frozenset(
    """
    abby alice alicia amanda amy ana andrea angela ann anna anne barbara betsy betty carla carly carol caroline
    catherine chelsea christina christine claire clara dana debbie deborah diana diane donna dorothy elena
    elizabeth ellen emily emma erin eva gina grace gwen hana hannah heather heidi helen hillary hope huma ines
    irina ivanka jane janet jean jennifer jessica jill joan joanna joni josephine joy judy julia julie karen kate
    katherine kathleen kathy kayleigh kellyanne kelly kim kirsten klara kristen laura lauren linda lisa liz
    loretta lucy lynn margaret maria marie marina marsha martha mary maxine megyn melania melanie meryl mia
    michelle monica nadia nancy natalia natalie nikki nina nora olena olga oksana pam pamela patricia paula
    priya rachel rebecca rita rosa ruth samantha sandra sara sarah sofia sophie stephanie susan susana suzanne
    tammy teresa theresa tina tulsi ursula valerie vanessa victoria virginia wendy yulia zoe
    """.split()
)
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_GENDERED_ROLE = re.compile(
    r"\b(?:(?P<she>congresswoman|chairwoman|spokeswoman|businesswoman|councilwoman|wife|mother|daughter|"
    r"sister|widow|grandmother|actress|first lady)|(?P<he>congressman|chairman|spokesman|businessman|"
    r"councilman|husband|father|son|brother|widower|grandfather|actor))\s*,?\s*$",
    re.I,
)
_ADDRESSED = {"president", "speaker", "chairman", "secretary", "mayor", "governor", "senator", "ambassador"}
_INITIAL = re.compile(r"[A-Z]\.")
_SENTENCES_BACK = 8  # how far back a pronoun's person may be named
_WORD = re.compile(r"[A-Z][\w’'-]+")
_POSSESSIVE = re.compile(r"(’s|'s)$")
# Capitalized words that open a sentence, not a name: "Without Paul, we …".
_HONORIFIC_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+([A-Z][\w’'-]+)")
_ORGANISATION_WORDS = set(
    """Journal Times Post News Street House Party University College Institute Foundation Council Committee
    Department Ministry Agency Center Centre Court Company Group Network Press Review Magazine Daily Tribune
    Herald Fund Bank Association Union Commission Office Service Senate Congress Church School Hospital
    State States Hill Korea Square Avenue Park City County Island Valley River Bay Room Hall""".split()
)
_NOT_FIRST_NAMES = STOPWORDS | set("without unlike despite like even just also thanks dear".split())


def is_first_name(word: str) -> bool:
    """Whether a word is a common first name."""
    folded = fold(word)
    return folded in _HE_NAMES or folded in _SHE_NAMES


class Cast:
    """The people of one article, each with the offsets where it names them and the pronoun that fits them."""

    def __init__(self, body: str, people: list[str], quoted: list[tuple[int, int]]) -> None:
        self.body = body
        self.people = people
        self.quoted = quoted  # spans inside quotation marks: a person named in a quotation is not its speaker
        self._ambiguous: list[tuple[int, tuple[str, ...]]] = []  # surnames several people share, by offset

    @cached_property
    def mentions(self) -> list[tuple[int, str]]:
        """(offset, full name) of every place a person is named outside quotation marks: by full name, then
        by surname alone ("Mr. Lund", "Lund said") where no full name covers it."""
        found: dict[int, str] = {}
        people = self.persons
        covered: list[tuple[int, int]] = []
        for person in people:
            at = self.body.find(person)
            while at >= 0:
                found[at] = person
                covered.append((at, at + len(person)))
                at = self.body.find(person, at + len(person))
        surnames: dict[str, list[str]] = {}
        for person in people:
            surnames.setdefault(names.surname_key(person), []).append(person)
        for match in _WORD.finditer(self.body):
            holders = surnames.get(names.name_key(_POSSESSIVE.sub("", match.group(0))))
            if not holders or any(a <= match.start() < b for a, b in covered):
                continue
            if len(holders) > 1:  # "Bill Clinton" and "Hillary Clinton": the first name before, if any
                before = self.body[max(0, match.start() - 30) : match.start()].split()
                first = names.name_key(before[-1]) if before else ""
                holders = [p for p in holders if names.name_key(p).split()[0] == first] or holders
            if len(holders) == 1:
                found[match.start()] = holders[0]
            elif not self._in_quotation(match.start()):
                self._ambiguous.append((match.start(), tuple(holders)))
        return sorted((at, who) for at, who in found.items() if not self._in_quotation(at))

    def _one_of(self, holders: tuple[str, ...], gender: Gender) -> str | None:
        """The one holder of a shared surname ("Trump": Donald, Ivanka) the pronoun's gender fits, if one."""
        fitting = [p for p in holders if self.genders.get(p) == gender]
        return fitting[0] if len(fitting) == 1 else None

    @cached_property
    def persons(self) -> list[str]:
        """The people that can speak: full names that are not organisations ("Wall Street Journal") nor a
        sentence's first word and a name ("Without Paul"), and surnames printed only after Mr. or Ms."""
        people = [
            p
            for p in self.people
            if fold(p.split()[0]) not in _NOT_FIRST_NAMES
            and not any(w in _ORGANISATION_WORDS for w in p.split())
            and not _INITIAL.fullmatch(p.split()[0])  # "N. Korea"
        ]
        surnames = {names.surname_key(p) for p in people}
        for match in _HONORIFIC_SURNAME.finditer(self.body):
            key = names.name_key(match.group(2))
            if key and key not in surnames and fold(match.group(2)) not in _ADDRESSED:  # not "Mr. President"
                surnames.add(key)
                people.append(match.group(2))
        return people

    def _in_quotation(self, at: int) -> bool:
        return any(a <= at < b for a, b in self.quoted)

    @cached_property
    def genders(self) -> dict[str, Gender]:
        """Each person's pronoun, when the article tells: Mr./Ms., a gendered role, a common first name."""
        told: dict[str, Gender] = {}
        for at, person in self.mentions:
            before = self.body[max(0, at - 40) : at]
            honorific = _HONORIFIC_BEFORE.search(before)
            role = _GENDERED_ROLE.search(before)
            if honorific:
                told.setdefault(person, "he" if honorific.group(1) == "Mr" else "she")
            elif role:
                told.setdefault(person, "she" if role.group("she") else "he")
        for person in self.persons:
            first = fold(person.split()[0])
            if person not in told and (first in _HE_NAMES) != (first in _SHE_NAMES):
                told[person] = "he" if first in _HE_NAMES else "she"
        return told

    def compatible(self, person: str, pronoun: Gender) -> bool:
        return self.genders.get(person, pronoun) == pronoun

    def known(self, person: str) -> bool:
        return person in self.genders

    def referent(
        self, pronoun: str, at: int, sentences: list[Sentence], sentence_index: int, speakers: list[tuple[int, str]]
    ) -> str | None:
        """The person a "he" or "she" at `at` refers to: in the nearest sentence before it (its own sentence
        first) naming someone of that gender, or where an earlier quotation of such a person stands
        (`speakers`: offset, full name), the first such person (the sentence's subject, most often). A
        person of the other gender, by Mr./Ms., a gendered role or a first name, is passed over. None when
        nobody is found nearby."""
        gender: Gender = "she" if pronoun.lower() == "she" else "he"
        mentions, persons = self.mentions, set(self.persons)  # mentions first: they list the shared surnames
        shared = [(where, one) for where, holders in self._ambiguous if (one := self._one_of(holders, gender))]
        named = sorted(mentions + shared + [(at, who) for at, who in speakers if who in persons])
        offsets = [m[0] for m in named]
        for index in range(sentence_index, max(-1, sentence_index - _SENTENCES_BACK), -1):
            sentence = sentences[index]
            end = min(sentence.end, at)
            if end <= sentence.start:
                continue
            lo, hi = bisect_left(offsets, sentence.start), bisect_left(offsets, end)
            candidates = [person for _, person in named[lo:hi] if self.compatible(person, gender)]
            if candidates:  # the nearest sentence naming anyone who fits: its first, most often its subject
                return candidates[0]
        return None
