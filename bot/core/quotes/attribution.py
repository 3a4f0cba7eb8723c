"""Who speaks a quotation: the source a cue pattern points at, resolved to the name the article gives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core.lexicon import fold
from bot.core.quotes import cues, names, sentence_subject
from bot.core.quotes.descriptions import PERSON_DESCRIBED, describes_somebody, description_fits, role_holder
from bot.core.quotes.handover import handed_over, is_a_noun
from bot.core.quotes.nobody import names_nobody, opens_on_nobody
from bot.core.quotes.source import Speaker, described, is_described, with_role
from bot.core.quotes.speakers import Cast, first_name_gender
from bot.core.quotes.titles import is_title, untitled
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
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it"}
# Somebody unnamed described by words a name is made of: "another New Hampshire Republican".
_DESCRIBED_BY_TITLE = re.compile(
    r"(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[A-Z][\w.-]*\s+){1,3}(?:Republican|Democrat|Independent|Conservative|"
    r"Liberal|Libertarian|Progressive|American)s?"
)
_NAMED_BEFORE = re.compile(rf"(?<![\w’'])(?P<name>{cues.NAME})(?:,|\s+[—–-]+)\s*$")
_NAMED_AFTER = re.compile(rf",\s+(?P<name>{cues.NAME})(?=\s*[,.;]|\s*$|\s+{cues.VERB}\b)")
# A name ending an unnamed-looking phrase after a noun, not a preposition: the subject of a relative clause.
_PREPOSITIONS = (
    "for of to with at from in on by about near under and or the inside outside within across around behind beyond "
    "among between over into onto toward towards against after before during without like both all his her their "
    "its our my your this that these those some many several two three"
).split()
_RELATIVE_SUBJECT = re.compile(rf"\s(?!(?:{'|'.join(_PREPOSITIONS)})\s)[a-z][\w’'-]*\s+(?P<name>{cues.NAME})$")
_AFTER_A_NAME = re.compile(r"[A-Z][\w’'.-]*,\s*$")  # "Ann Roe, a deputy mayor": an apposition
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
        if name in self.roles:
            return self.roles[name]
        person = next((p for p in self.people if names.same_person(p, name)), None)
        if person is None:
            return None
        # the first place the name is followed by a role: what re.search(re.escape(person) + ROLE_AFTER)
        # finds, without compiling a pattern for each name
        at, match = self.body.find(person), None
        while at >= 0 and (match := cues.ROLE_AFTER.match(self.body, at + len(person))) is None:
            at = self.body.find(person, at + 1)
        return match.group("role").strip() if match and len(match.group("role").split()) <= 25 else None

    def _name_in(self, phrase: str) -> tuple[str, str | None, str] | None:
        """(name, role words before it, honorific) of a speaker phrase: the last run of capitalized words
        that are not titles, before any "of"-place: "campaign chairman Tom Hale" → Tom Hale."""
        tokens = phrase.split()
        if not tokens or _POSSESSIVE.search(tokens[-1]):
            return None  # "Mr Putin’s plans …": whose, not who
        runs: list[list[int]] = [[]]
        for index, word in enumerate(tokens):
            bare = _POSSESSIVE.sub("", word)
            capital = bool(bare) and bare[0].isupper() and not is_title(bare)
            if capital and index == 0 and bare.lower() in self.common and not names.full_name(bare, self.people):
                capital = False  # a sentence's first word: "Rival Hillary Clinton"
            if capital and bare != word and index < len(tokens) - 1:
                later = tokens[index + 1 :]
                if not later[0][0].isupper() and not any(w[0].isupper() and not is_title(w) for w in later):
                    return None  # "NATO's leaders", "Bell's group": a group, not the person
                capital = False  # "Ukraine’s President Volodymyr Zelenskyy": whose, not who
            if capital:
                runs[-1].append(index)
            elif runs[-1]:
                runs.append([])
        run = next((r for r in reversed(runs) if r), None)
        if run is None:
            return None
        name = " ".join(_POSSESSIVE.sub("", tokens[i]) for i in run).rstrip(",")
        before = tokens[: run[0]]
        honorific = fold(before[-1]).rstrip(".") if before else ""
        honorific = honorific if honorific in {"mr", "mrs", "ms", "miss", "dr"} else ""
        titled = [w for w in before if is_title(w) and fold(w) not in {"the", "a", "an", "his", "her"}]
        role = " ".join(before).strip(", ") if titled or any(w.islower() for w in before) else None
        if role and fold(role).rstrip(".") in {"the", "a", "an", "mr", "mrs", "ms", "miss", "dr"}:
            role = None
        return name, role, honorific

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
        if _DESCRIBED_BY_TITLE.fullmatch(mention) and describes_somebody(mention):
            return described(mention)  # "another New Hampshire Republican"
        if cues.ANONYMOUS_ONLY.fullmatch(mention) and not self._named_after_comma(mention):
            clause = _RELATIVE_SUBJECT.search(mention)
            if clause:  # "an honor Donald said he hoped would be …": Donald's words
                return self.resolve(clause.group("name"), at, sentence_index)
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
        """The somebody unnamed a "he" or "she" at `at` goes back to, when no person of that gender is named
        between: a described speaker of the sentence before or this one ("“…,” a soldier said. “…,” he
        added"), the described subject of the sentence before ("An inspector came. He said"), or a person
        described earlier in its own sentence ("when I asked a deputy mayor, she said") but not in apposition to
        a name ("Ann Roe, a deputy mayor, said she …")."""
        own, earlier = self.sentences[sentence_index].start, self.sentences[max(0, sentence_index - 1)].start
        found = [(w, who) for w, who in self.spoken if earlier <= w < at and is_described(who)]
        opening = PERSON_DESCRIBED.match(self.body, earlier) if earlier < own else None
        if opening:  # "An inspector came on day three. He looked at the queue and said, “…”"
            found.append((opening.start(), opening.group(0)))
        for match in PERSON_DESCRIBED.finditer(self.body, own, max(own, at)):
            if not _AFTER_A_NAME.search(self.body, max(0, match.start() - 40), match.start()):
                found.append((match.start(), match.group(0)))
        found = [(where, who) for where, who in found if description_fits(who, gender)]
        if not found:
            return None
        where, description = max(found)
        if any(where < named < at and self.cast.fits(person, gender) for named, person in self.cast.mentions):
            return None
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
        attempts = (
            (None if listed else cues.AFTER_VERB_FIRST.match(after), "“…,” said X"),
            (None if listed else cues.AFTER_SPEAKER_FIRST.match(after), "“…,” X said"),
            (cues.AFTER_ACCORDING.match(after), "“…,” according to X"),
            (intro, "X said: “…”"),
            (cues.BEFORE_ACCORDING.search(near), "according to X, “…”"),
            (cues.BEFORE_PARENTHESIS.search(before), "…, X said, “…”"),
            (cues.STATEMENT.search(near) if cues.STATEMENT_NOUN.search(near) else None, "X's statement said “…”"),
            (cues.CLAIM_THAT.search(near) if cues.CLAIM_NOUN.search(near) else None, "X's claim that … “…”"),
            (
                cues.SHOWN_SAYING.search(near) if cues.PARTICIPLE_CUE.search(near[-40:]) else None,
                "footage of X saying “…”",
            ),
            (cues.BEFORE_INVERTED.search(near), "Said X: “…”"),
            (cues.AFTER_DASH.match(rest or after), "“…” ― X"),
            (cues.TRAILING.match(after), "“…” of it, X said."),
            (cues.TRAILING_SAID.match(after), "“…” of it, said X."),
            (cues.AFTER_DIALOGUE_SPEAKER_FIRST.match(after) if dialogue else None, "“…!” X beamed"),
            (cues.AFTER_DIALOGUE_VERB_FIRST.match(after) if dialogue else None, "“…!” beamed X"),
            (cues.SUBJECT_SAYING.search(before) if cues.SAYING_END.search(near[-60:]) else None, "X …, saying “…”"),
        )
        for match, pattern in attempts:
            if match:
                ahead = match.string is after or match.string is rest  # the speaker follows the quotation
                resolved = self.resolve_match(match, at, sentence_index, ends_at_quotation=not ahead)
                if resolved:
                    return with_role(resolved, match.groupdict().get("role"), pattern)
        titled = cues.TITLED_COLON.match(before) if before.endswith(":", 0, len(before.rstrip())) else None
        if titled and (resolved := self._a_person(self.resolve(titled.group("speaker")))):
            return with_role(resolved, None, "title X: “…”")
        subject = sentence_subject.speaker(self, before, near, at, sentence_index)
        if subject is None and near.rstrip().endswith(":"):
            return self._introduced_by_colon(near, at, sentence_index)
        return subject

    def _a_person(self, resolved: Speaker | None) -> Speaker | None:
        """The resolved speaker if it is one of the article's people by their full name, else None."""
        if resolved and resolved.full and any(names.same_person(p, resolved.full) for p in self.cast.persons):
            return resolved
        return None

    def _introduced_by_colon(self, near: str, at: int, sentence_index: int) -> Speaker | None:
        """The speaker a colon opening the words names: whose reply it is ("Her reply, in full:", "Roe's answer:")
        or the person named right before it ("… doesn't surprise pollster Daron Shaw:", "HEADLINE - Ann Roe:")."""
        match = cues.POSSESSIVE_INTRO.search(near)
        if match:
            whose = match.group("speaker")
            pronoun = _POSSESSIVE_PRONOUNS.get(whose.lower())
            if pronoun or _POSSESSIVE.search(whose):
                raw = pronoun or _POSSESSIVE.sub("", whose)
                where = at - len(near) + match.start("speaker") if at >= 0 else at
                resolved = self.resolve(raw, where, sentence_index)
                if resolved:
                    return with_role(resolved, None, "her reply: “…”")
        match = cues.NAMED_COLON.search(near)
        if match is None or (match.group("word") and cues.NOT_BEFORE_A_SPEAKER.fullmatch(match.group("word"))):
            return None
        resolved = self._a_person(self.resolve(match.group("speaker")))
        return with_role(resolved, match.group("role"), "title X: “…”") if resolved else None

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
