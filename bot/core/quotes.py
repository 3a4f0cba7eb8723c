"""Direct quotations and their speakers, told apart from scare quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.core import names
from bot.core.lexicon import fold
from bot.core.text import PARAGRAPH_SEPARATOR, Sentence

if TYPE_CHECKING:
    from bot.core.article import Article

QuoteKind = Literal["quote", "term"]

# “…” (closing mark missing when the paragraph or the next quotation begins first) or "…".
_CURLY = re.compile(r"“([^“”]*)(”|(?=“)|$)")
_STRAIGHT = re.compile(r"\"([^\"\n]+)(\"|$)")

_VERB = (
    r"(?:said|says|say|asked|asks|added|adds|told\s+(?:\w+\s+){0,2}?\w+|tells\s+\w+|explained|explains|"
    r"noted|notes|argued|argues|warned|warns|insisted|insists|replied|declared|wrote|writes|continued|"
    r"recalled|admitted|acknowledged|conceded|stressed|concluded|observed|remarked|tweeted|posted|"
    r"announced|complained|joked|quipped|cautioned|predicted|claimed|claims|put\s+it)"
)
_NAMING_VERB = (
    r"(?:called|calls|dubbed|dubs|described|describes|termed|labell?ed|branded|dismissed|dismisses)"
)
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


@dataclass(frozen=True)
class Quote:
    """A quotation as it stands in an article, with who said it when the text tells."""

    article_id: str
    text: str  # exactly as printed between the marks
    start: int  # offset of the opening mark in Article.body
    end: int
    sentence: str
    kind: QuoteKind = "quote"
    speaker: str | None = None  # as the article names them near the quote ("Ukraine’s president")
    speaker_full: str | None = None  # the full name the article gives anywhere ("Volodymyr Zelensky")
    role: str | None = None  # "senior fellow in the Russia and Eurasia program at …"
    unclosed: bool = False
    paragraph: int = 0
    attribution: str | None = None  # which pattern named the speaker, for checking

    @property
    def id(self) -> str:
        """Stable key for history: article id and offset."""
        return f"{self.article_id}:{self.start}"

    @property
    def who(self) -> str | None:
        return self.speaker_full or self.speaker

    @property
    def display_text(self) -> str:
        """The words without the comma that belongs to the surrounding sentence (“…,” she said)."""
        return self.text.strip().rstrip(",").strip()


@dataclass
class _Found:
    text: str
    start: int  # offsets within the paragraph
    end: int
    unclosed: bool


def _quotations(paragraph: str) -> list[_Found]:
    found = [_Found(m.group(1), m.start(), m.end(), m.group(2) != "”") for m in _CURLY.finditer(paragraph)]
    for match in _STRAIGHT.finditer(paragraph):
        if not any(f.start <= match.start() < f.end for f in found):  # a nested "…" inside “…” is part of it
            found.append(_Found(match.group(1), match.start(), match.end(), match.group(2) != '"'))
    return sorted((f for f in found if f.text.strip()), key=lambda f: f.start)


class _Attributor:
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

    def resolve(
        self, raw: str, context_before: str, previous: str
    ) -> tuple[str, str | None, str | None] | None:
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
                kind = (
                    "X called it “…”"
                    if _NAMING_VERB_ONLY.fullmatch(match.group("verb"))
                    else "X noted that … “…”"
                )
                return resolved, match.group("role"), kind
        return None


def _sentence_span(sentences: list[Sentence], start: int, end: int) -> tuple[int, int]:
    inside = [s for s in sentences if s.start < end and start < s.end] or [
        min(sentences, key=lambda s: abs(s.start - start))
    ]
    return inside[0].start, inside[-1].end


def extract_quotes(article: Article) -> list[Quote]:
    """Every quotation in the article, with its speaker when the text makes it clear."""
    body = article.body
    if "“" not in body and '"' not in body:
        return []
    attributor = _Attributor(article)
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in article.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    quotes: list[Quote] = []
    offset = 0
    last_sentence_before = ""  # the previous paragraph's last sentence: "Maria Lopez put it bluntly."
    for index, paragraph in enumerate(article.paragraphs):
        sentences = by_paragraph.get(index, [])
        previous_quote: Quote | None = quotes[-1] if quotes and quotes[-1].paragraph == index - 1 else None
        for found in _quotations(paragraph):
            start, end = offset + found.start, offset + found.end
            first, last = (
                _sentence_span(sentences, start, end) if sentences else (offset, offset + len(paragraph))
            )
            before, after = body[first:start], body[end:last]
            earlier = [s for s in sentences if s.end <= first]
            previous = earlier[-1].text if earlier else last_sentence_before
            speaker = full = role = pattern = None
            attributed = attributor.attribute(before, after, previous)
            if attributed:
                (speaker, full, title), role, pattern = attributed
                role = role or title
            elif (
                not before.strip()
                and previous_quote
                and previous_quote.speaker
                and (
                    previous_quote.end >= first - 80
                    if previous_quote.paragraph == index
                    else previous_quote.unclosed
                )
            ):
                # “…,” Ciaramella said. “That’s why …” — the next sentence goes on with the same speaker.
                speaker, full, role = previous_quote.speaker, previous_quote.speaker_full, previous_quote.role
                pattern = "continues after “…,” X said."
            elif (
                not before.strip()
                and not after.strip(" .")
                and previous
                and _SPEECH_CUE.search(previous)
                and "“" not in previous
                and len(attributor.mentioned(previous)) == 1
            ):
                person = attributor.mentioned(previous)[0]
                speaker, full, pattern = (
                    names.strip_title(person),
                    names.full_name(person, attributor.people),
                    "speaker in the previous sentence",
                )
            if speaker and not role:
                role = attributor.role_of(full or speaker)
            words = len(found.text.split())
            says_something = words >= 6 or (words >= 4 and found.text.rstrip(" ,”").endswith((".", "?", "!")))
            kind: QuoteKind = "quote" if speaker or says_something else "term"
            quote = Quote(
                article_id=article.id,
                text=found.text,
                start=start,
                end=end,
                sentence=body[first:last],
                kind=kind,
                speaker=speaker,
                speaker_full=full,
                role=role,
                unclosed=found.unclosed,
                paragraph=index,
                attribution=pattern,
            )
            quotes.append(quote)
            previous_quote = quote
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        last_sentence_before = sentences[-1].text if sentences else ""
    return quotes
