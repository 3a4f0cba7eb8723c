"""Descriptions as speakers: who a definite one names ("the president": the one person printed with that
title, or given it as their role), and which person an indefinite one describes ("a deputy mayor")."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.quotes import cues
from bot.core.quotes.source import is_described
from bot.core.quotes.titles import untitled
from bot.core.text import Sentence

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


# Nouns for a person, by the pronoun that fits them: what "a deputy mayor", "one resident" describe.
_SHE = "woman|mother|daughter|sister|wife|widow|grandmother|girl|spokeswoman|councilwoman|congresswoman|chairwoman"
_HE = "man|father|son|brother|husband|widower|grandfather|boy|spokesman|councilman|congressman|chairman|fisherman"
_EITHER = (
    r"official|officer|mayor|minister|senator|lawmaker|legislator|councill?or|spokesperson|aide|advis[eo]r|staffer|"
    r"diplomat|soldier|commander|resident|neighbou?r|parent|teacher|nurse|doctor|worker|employee|driver|farmer|"
    r"owner|manager|analyst|economist|expert|source|witness|voter|supporter|protester|activist|volunteer|student|"
    r"member|executive|director|lawyer|attorney|guard|pilot|engineer|scientist|researcher|historian|professor|"
    r"priest|pastor|survivor|veteran|shopkeeper|vendor|customer|passenger|deputy|delegate|organi[sz]er|negotiator|"
    r"inspector|clerk|reporter|journalist|editor|baker|builder|captain|sailor|surgeon|juror|bystander|onlooker|"
    r"shopper|tourist|visitor|commuter|friend|relative|colleague|landlord|landlady|tenant|campaigner|"
    r"demonstrator|striker|firefighter|paramedic|medic|listener|viewer|reader|caller|person|master|chief|boss|"
    r"keeper|warden|ranger|sheriff|constable|principal|headteacher|chef|waiter|waitress|cashier"
)
_PERSON_NOUN = re.compile(rf"\b(?:(?P<she>{_SHE})|(?P<he>{_HE})|{_EITHER})s?\b")
# "a deputy mayor", "one resident of the tower", "another senior official involved in the talks"
PERSON_DESCRIBED = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,3}}(?:{_SHE}|{_HE}|{_EITHER})\b"
    r"(?:\s+(?:for|of|at|from|in|with|on|involved\s+in)\s+(?:the\s+)?[\w’'-]+)?"
)
# A definite one as the subject of a clause opening the sentence: "When the harbour master came, he said".
_CLAUSE_SUBJECT_DESCRIBED = re.compile(
    rf"(?:When|As|After|Once|Before|While|If)\s+(?P<who>the\s+(?:[\w’'-]+\s+){{0,2}}(?:{_SHE}|{_HE}|{_EITHER}))\b"
)


def description_fits(description: str, gender: str) -> bool:
    """Whether a "he" or "she" can be the person a description describes: "a spokeswoman" is no "he"."""
    noun = _PERSON_NOUN.search(description)
    if noun is None:
        return True
    told = "she" if noun.group("she") else "he" if noun.group("he") else None
    return told is None or told == gender


_A_CLAUSE = re.compile(r"\b(?:he|she|they|we|I|it|when|while|because|if)\b")
_ONE_OF = re.compile(r"^(?:[Oo]ne|[Tt]wo|[Ss]ome|[Ss]everal|[Aa]nother)\s+of\s+(?:the|those|these|its|their)\s+")
# Where a description's head noun ends: before a preposition, a relative pronoun or a participle.
_HEAD_END = re.compile(r"\s(?:for|of|at|from|in|with|on|by|to|who|whose|that|which|[a-z]+ing)\b")
_PERSON_ENDING = re.compile(
    r"(?:[a-z]{2,}(?:er|ist|ian|man|woman|person|ant|[st]or)|donor|governor|mayor|ambassador|councill?or|survivor|"
    r"author|sponsor|vendor|chancellor|republican|democrat|independent|conservative|liberal|progressive|"
    r"american)s?$"
)
_NOT_PEOPLE = frozenset(
    """number letter paper poster matter quarter chapter order border water power center centre corner answer cover
    counter banner dinner summer winter weather theater theatre finger layer offer transfer filter manner barrier
    register character monitor sector factor motor tractor mirror error editorial restaurant plant grant""".split()
)


def describes_somebody(phrase: str) -> bool:
    """Whether an indefinite phrase describes people, who can speak ("a Ukrainian gunner", "one resident of the
    tower", "a woman selling bread"), not a thing ("a claim repeated in Moscow", "a letter from …")."""
    if _A_CLAUSE.search(phrase):
        return False  # "some cheer when he …": a clause, not a description
    phrase = _ONE_OF.sub("a ", phrase)  # "one of the officials": officials
    head = _HEAD_END.split(phrase, maxsplit=1)[0].lower().split()[1:]
    return any(
        _PERSON_NOUN.fullmatch(word) or (_PERSON_ENDING.search(word) and word.rstrip("s") not in _NOT_PEOPLE)
        for word in (w.strip("’'") for w in head)
    )


# Somebody unnamed described by words a name is made of: "another New Hampshire Republican".
_DESCRIBED_BY_TITLE = re.compile(
    r"(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[A-Z][\w.-]*\s+){1,3}(?:Republican|Democrat|Independent|Conservative|"
    r"Liberal|Libertarian|Progressive|American)s?"
)
# A name ending an unnamed-looking phrase after a noun, not a preposition: the subject of a relative clause.
_NOT_BEFORE_A_SUBJECT = (
    "for of to with at from in on by about near under and or the inside outside within across around behind beyond "
    "among between over into onto toward towards against after before during without like both all his her their "
    "its our my your this that these those some many several two three"
).split()
_RELATIVE_SUBJECT = re.compile(rf"\s(?!(?:{'|'.join(_NOT_BEFORE_A_SUBJECT)})\s)[a-z][\w’'-]*\s+(?P<name>{cues.NAME})$")
_AFTER_A_NAME = re.compile(r"[A-Z][\w’'.-]*,\s*$")  # "Ann Roe, a deputy mayor": an apposition


def described_by_title(mention: str) -> bool:
    """Whether a speaker phrase describes somebody by words a name is made of: "another New Hampshire
    Republican"."""
    return bool(_DESCRIBED_BY_TITLE.fullmatch(mention)) and describes_somebody(mention)


def relative_subject(mention: str) -> str | None:
    """The name ending an unnamed-looking phrase as a relative clause's subject: "an honor Donald" (said …)."""
    match = _RELATIVE_SUBJECT.search(mention)
    return match.group("name") if match else None


def described_antecedent(
    body: str, sentences: list[Sentence], sentence_index: int, at: int, gender: str, spoken: list[tuple[int, str]]
) -> tuple[int, str] | None:
    """(offset, description) of the somebody unnamed a "he" or "she" at `at` may go back to: a described
    speaker of the sentence before or this one (`spoken`: "“…,” a soldier said. “…,” he added"), the described
    subject of the sentence before ("An inspector came. He said"), a person described earlier in its own
    sentence ("when I asked a deputy mayor, she said") but not in apposition to a name ("Ann Roe, a deputy
    mayor, said she …"), or the subject of its opening clause ("When the harbour master came, he said"); the
    nearest that fits the pronoun."""
    own, earlier = sentences[sentence_index].start, sentences[max(0, sentence_index - 1)].start
    found = [(where, who) for where, who in spoken if earlier <= where < at and is_described(who)]
    opening = PERSON_DESCRIBED.match(body, earlier) if earlier < own else None
    if opening:
        found.append((opening.start(), opening.group(0)))
    for match in PERSON_DESCRIBED.finditer(body, own, max(own, at)):
        if not _AFTER_A_NAME.search(body, max(0, match.start() - 40), match.start()):
            found.append((match.start(), match.group(0)))
    clause = _CLAUSE_SUBJECT_DESCRIBED.match(body, own, max(own, at))
    if clause:
        found.append((clause.start("who"), clause.group("who")))
    return max(((w, d) for w, d in found if description_fits(d, gender)), default=None)
