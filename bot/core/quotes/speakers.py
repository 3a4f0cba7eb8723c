"""The people an article names, where it names them and whether as he or she: what a pronoun speaker refers to."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from typing import Literal

from bot.core.lexicon import STOPWORDS, fold
from bot.core.quotes import names
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
_EITHER = frozenset("lee kelly jordan taylor robin jean leslie dana pat chris alex sam jamie casey".split())
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
# Where a sentence's subject stands: first, or after an opening clause, then titles and role words, no
# verb ("While …, Ham also noted", "Conservative economist Aparna Mathur").
_SUBORDINATE = r"(?:While|When|If|Although|Though|Because|As|After|Before|Since|Unless|Until|Once|Whether)\b"
_SUBJECT_PLACE = re.compile(
    r"(?:[^,“”\"]{0,120},\s+)?"
    rf"(?:(?:(?!{_SUBORDINATE})[A-Z][\w.’'-]*|(?![a-z]+(?:ed|s)\b|told\b)[a-z][\w’'-]*)\s+){{0,4}}"
)
# A mention that is a possessor or modifies another name ("Trump's microphone", "Trump campaign
# spokesman Jason Miller"): not the subject.
_ROLE_NOUN = (
    r"(?!(?:said|says|told|tells|asked|asks|from|of|to|with|at|in|for|by|about|on|and|or|is|was)\b)(?![a-z]+ed\b)"
)
_MODIFIER = re.compile(rf"\S*(?:’s|'s)\b|\S*\s+(?:{_ROLE_NOUN}[a-z][\w-]*\s+){{1,3}}[A-Z]")
_PRONOUN_SUBJECT = {
    "he": re.compile(r"(?:[^,“”\"]{0,120},\s+)?(?:He|he)\b"),
    "she": re.compile(r"(?:[^,“”\"]{0,120},\s+)?(?:She|she)\b"),
}
_SURNAME_SPEAKS = re.compile(
    r"(?<![\w’'.] )(?<!\w)([A-Z][a-z][\w’'-]+)\s+(?:said|says|told|added|asked|argued|wrote)\b"
    r"|\b(?:said|says|added|asked)\s+([A-Z][a-z][\w’'-]+)\b(?![\s\w]*?[A-Z])[.,]"
)
_PARTICIPLE_FIRST = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed)")
_WORD = re.compile(r"[A-Z][\w’'-]+")
_POSSESSIVE = re.compile(r"(’s|'s)$")
# Capitalized words that open a sentence, not a name: "Without Paul, we …".
_HONORIFIC_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+([A-Z][\w’'-]+)")
_ORGANISATION_WORDS = set(
    """Journal Times Post News Street House Party University College Institute Foundation Council Committee
    Department Ministry Agency Center Centre Court Company Group Network Press Review Magazine Daily Tribune
    Herald Fund Bank Association Union Commission Office Service Senate Congress Church School Hospital
    State States Hill Korea Square Avenue Park City County Island Valley River Bay Room Hall Act Society Care
    Law Plan Program Programme Project Movement Coalition Alliance Agreement Treaty Initiative Caucus
    Club Museum Forum Summit Star""".split()
)
_NOT_FIRST_NAMES = STOPWORDS | set("without unlike despite like even just also thanks dear".split())


def first_name_gender(word: str) -> Gender | None:
    """ "he" or "she" for a common first name that is only one of them, else None."""
    folded = fold(word)
    if (folded in _HE_NAMES) == (folded in _SHE_NAMES) or folded in _EITHER:
        return None
    return "he" if folded in _HE_NAMES else "she"


def is_first_name(word: str) -> bool:
    """Whether a word is a common first name."""
    folded = fold(word)
    return folded in _HE_NAMES or folded in _SHE_NAMES


class Cast:
    """The people of one article, each with the offsets where it names them and the pronoun that fits them."""

    def __init__(
        self, body: str, people: list[str], quoted: list[tuple[int, int]], common: frozenset[str] = frozenset()
    ) -> None:
        self.body = body
        self.common = common  # the words the article also prints in lower case
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
            and not any(p.endswith(" " + q) for q in self.people)  # "Republican Donald Trump" is Donald Trump
            and not _PARTICIPLE_FIRST.fullmatch(p.split()[0])  # "Injecting Clinton", "Crooked Hillary Clinton"
        ]
        surnames = {names.surname_key(p) for p in people}
        for match in _SURNAME_SPEAKS.finditer(self.body):  # "Rendell said", "said Rendell": a person
            word = match.group(1) or match.group(2)
            key = names.name_key(word)
            if key and key not in surnames and fold(word) not in self.common and fold(word) not in _NOT_FIRST_NAMES:
                surnames.add(key)
                people.append(word)
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

    def referent(
        self, pronoun: str, at: int, sentences: list[Sentence], sentence_index: int, speakers: list[tuple[int, str]]
    ) -> str | None:
        """The person a "he" or "she" at `at` refers to, looking back sentence by sentence (its own first,
        eight at most) to the nearest one that names someone of that gender: its subject (named first, or
        first after an opening clause), else the last quotation's speaker if named there too (`speakers`:
        offset, name of the quotations attributed so far: "“…,” Kamin said. … he added"), else the one
        such person it names. None when that sentence names several and none is its subject or the last
        speaker, or names a surname several people share: a wrong speaker is worse than none. A person
        of the other gender, by Mr./Ms., a gendered role or a first name, is passed over."""
        gender: Gender = "she" if pronoun.lower() == "she" else "he"
        mentions = self.mentions  # first: it lists the shared surnames
        quoted = [(where, self._as_person(who)) for where, who in speakers if where < at]
        named = sorted(mentions + quoted)
        offsets = [m[0] for m in named]
        first = sentences[max(0, sentence_index - _SENTENCES_BACK + 1)].start
        last_speaker = next((p for where, p in reversed(quoted) if where >= first and self.fits(p, gender)), None)
        for index in range(sentence_index, max(-1, sentence_index - _SENTENCES_BACK), -1):
            sentence = sentences[index]
            end = min(sentence.end, at)
            if end <= sentence.start:
                continue
            lo, hi = bisect_left(offsets, sentence.start), bisect_left(offsets, end)
            fitting = [(where, p) for where, p in named[lo:hi] if self.fits(p, gender)]
            shared: list[tuple[str, ...]] = []
            for where, holders in self._ambiguous:
                one = [p for p in holders if self.fits(p, gender)] if sentence.start <= where < end else []
                if len(one) == 1 and self._is_subject(sentence.start, where):  # "Trump said": Donald, for a "he"
                    fitting.append((where, one[0]))
                elif one:
                    shared.append(holders)
            fitting.sort()
            if index < sentence_index and _PRONOUN_SUBJECT[gender].match(self.body, sentence.start, end):
                continue  # "However, he could not explain …": the same person again, named further back
            if not fitting and not shared:
                continue
            subject = next((p for where, p in fitting if self._is_subject(sentence.start, where)), None)
            if subject:
                return subject
            people = list(dict.fromkeys(p for _, p in fitting))
            if last_speaker and any(
                names.same_person(last_speaker, p) for p in people + [q for h in shared for q in h]
            ):
                return last_speaker
            if shared or len(people) != 1:
                return None
            return people[0]
        return None

    def _is_subject(self, start: int, where: int) -> bool:
        """Whether the mention at `where` is its sentence's subject: first, or after an opening clause and
        role words ("Conservative economist Aparna Mathur, who …"), and not a modifier of another name
        ("Trump campaign spokesman Jason Miller") or a possessor ("Trump's microphone")."""
        if not _SUBJECT_PLACE.fullmatch(self.body, start, where) or _MODIFIER.match(self.body, where):
            return False
        return not self.body[max(start, where - 4) : where].lower().endswith(("the ", "a "))  # "the Clinton campaign"

    def _as_person(self, name: str) -> str:
        """A speaker's name as one of the article's people when it is one of them ("Obama" → "Barack Obama")."""
        matches = [p for p in self.persons if names.same_person(p, name)]
        return matches[0] if len(matches) == 1 else name

    def fits(self, person: str, gender: Gender) -> bool:
        """Whether a "he" or "she" can be this person: the gender the article tells, and a person's name
        when it tells none, not beginning with a word the article also prints in lower case ("Poor Mexico"
        is a saying, not a person)."""
        told = self.genders.get(person)
        if told is not None:
            return told == gender
        return fold(person.split()[0]) not in self.common
