"""Direct quotations in an article, told apart from scare quotes, each with its speaker when the text tells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.core.lexicon import TITLE_ABBREVIATIONS
from bot.core.quotes.attribution import Attributor
from bot.core.quotes.cues import (
    AFTER_SPEAKER_FIRST,
    AFTER_VERB_FIRST,
    AND_SAID,
    FRAGMENT_END,
    HANDS_OVER,
    NAMING_VERB,
    PARTICIPLE,
    VERB,
)
from bot.core.quotes.handover import (
    AFTER_PATTERNS,
    CONTINUES,
    GOES_ON,
    NAMED,
    Outer,
    one_speaker_per_quotation,
)
from bot.core.quotes.marks import Found, find_quotations
from bot.core.quotes.source import Speaker, corrected, speaker_turns
from bot.core.text import PARAGRAPH_SEPARATOR, Sentence

if TYPE_CHECKING:
    from bot.core.article import Article

QuoteKind = Literal["quote", "term"]


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


def _sentence_span(sentences: list[Sentence], start: int, end: int) -> tuple[int, int, int, int]:
    """(first offset, last offset, indexes in `sentences` of the first and the last) of the sentences a
    quotation spans."""
    inside = [i for i, s in enumerate(sentences) if s.start < end and start < s.end] or [
        min(range(len(sentences)), key=lambda i: abs(sentences[i].start - start))
    ]
    return sentences[inside[0]].start, sentences[inside[-1]].end, inside[0], inside[-1]


# Ways a quotation goes on with the speaker of the one before it.


def _same_sentence_goes_on(previous: _Previous, first: int, body: str, start: int, attributor: Attributor) -> bool:
    """A second quotation in the sentence of X's first, nobody else handed the words between: "Trump told
    them to “go …” and then “go pick …”"."""
    quote = previous.quote
    if quote.who is None or quote.paragraph != quote.paragraph or body.find(quote.sentence) != first:
        return False
    between = body[quote.end : start]
    if AND_SAID.match(between):
        return True
    cue = AFTER_VERB_FIRST.match(between) or AFTER_SPEAKER_FIRST.match(between)
    if quote.attribution in AFTER_PATTERNS and cue:  # “…,” Tester said, referring to the excuse, “…”
        rest = between[cue.end() :]
        if _GOING_ON.match(rest):  # “…,” Trump said, adding later, “…”
            return True
        return len(rest) < 80 and not _CLAUSE.search(rest) and not attributor.mentioned(rest)
    if len(between) < 40 and not _CUE_VERB.search(between) and not attributor.mentioned(between):
        return True  # “Cruz called Trump a “liar” who is “utterly amoral,” a “bully” …”
    return len(between) < 200 and not HANDS_OVER.search(between) and not NAMED.search(between)


# Where a sentence ends inside the text before a quotation, when the splitter kept two together:
# "… said Mike Schmidt. ''That's what …''" (a sentence opening with two apostrophes).
# Not after a title or an initial: "called Mr. Obama's remarks “…”" is one sentence.
_ABBREVIATED = "".join(rf"(?<!\b{a}\.)" for a in (*TITLE_ABBREVIATIONS, "Jr", "Sr", "St"))
# The stop first, then what may not stand before it: the engine skips to the next stop at C speed.
_SENTENCE_END = re.compile(rf"[.!?](?<!\b[A-Z]\.){_ABBREVIATED}[”\"’']*\s+(?=[A-Z“\"'‘`]|$)")


def _only_names_its_speaker(sentence: str) -> bool:
    """Whether the sentence after a quotation only says who spoke it: "“… missing.” Trump said." (and not
    "Trump said that …", a new statement)."""
    cue = AFTER_SPEAKER_FIRST.match(sentence) or AFTER_VERB_FIRST.match(sentence)
    return cue is not None and FRAGMENT_END.match(sentence, cue.end()) is not None


def _own_sentence(before: str) -> str:
    """The text before a quotation from the start of the sentence it opens or stands in."""
    if "." not in before and "?" not in before and "!" not in before:
        return before
    ends = list(_SENTENCE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


_THIRD_PERSON_CUE = re.compile(rf"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b[^“”\"]*\b{VERB}\b")  # in a turn, somebody else's
_GOING_ON = re.compile(rf"^[\s,]*(?:continuing|{PARTICIPLE})\b[^“”\"]{{0,100}}$")  # “…,” X said, adding, “…”
_CUE_VERB = re.compile(rf"\b(?:{VERB}|{NAMING_VERB})\b")
_CLAUSE = re.compile(r"\b(?:and|but|while|as|when|then)\b")
_SIGNED = re.compile(r"[”\"'’]\s*[―—]\s*[A-Z]")  # “…” ― Name: the paragraph names its own speaker


def _continues(
    previous: _Previous | None, found: Found, paragraph: int, sentence_index: int, sentences: list[Sentence]
) -> bool:
    """Whether a quotation with no cue of its own goes on with the previous quotation's speaker: in the next
    sentence (“…,” X said. “…”), after sentences of the paragraph that are about X alone (“…,” X said.
    He did not say more. “…”), or opening a paragraph after one that ended with X's quotation."""
    if previous is None or previous.quote.who is None:
        return False
    if previous.quote.paragraph == paragraph:
        if sentence_index <= previous.sentence_index + 1:
            return True
        between = sentences[previous.sentence_index + 1 : sentence_index]
        return len(between) <= 2 and all(
            _ABOUT_THE_SPEAKER.match(s.text) and not _MARKS.search(s.text) for s in between
        )
    return previous.quote.paragraph == paragraph - 1 and found.start == 0 and (previous.quote.unclosed or previous.last)


# A sentence about the last speaker alone, between two of their quotations: "He didn't suggest retaliation."
_ABOUT_THE_SPEAKER = re.compile(r"(?:He|She)\s+[a-z][^A-Z]*$")
_PREDICATE = re.compile(r"\s+(?:is|was|are|were|has|had|became|remains)\b")
_MARKS = re.compile(r"[“”\"]|''")


@dataclass
class _Previous:
    """The last outer quotation, with where it stands."""

    quote: Quote
    sentence_index: int  # of the last sentence it spans
    last: bool  # it stands in its paragraph's last sentence


def extract_quotes(article: Article) -> list[Quote]:
    """Every quotation in the article, with its speaker when the text makes it clear."""
    body = article.body
    if not any(mark in body for mark in ('"', "“", "''", "``", "«", "„")):
        return []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in article.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    index_of = {id(s): i for i, s in enumerate(article.sentences)}
    located: list[tuple[int, int, Found]] = []  # paragraph index, its offset, quotation
    offset = 0
    for index, paragraph in enumerate(article.paragraphs):
        located.extend((index, offset, found) for found in find_quotations(paragraph))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    attributor = Attributor(article, [(o + f.start, o + f.end) for _, o, f in located if not f.inner])
    labelled = sum(":" in paragraph[:80] for paragraph in article.paragraphs) >= 2  # most articles have no turns
    turns = speaker_turns(article.paragraphs, body, attributor.people) if labelled else []
    labels = []
    for index, turn in enumerate(turns):
        if turn and turn.speaker.full and turn.speaker.role:
            attributor.roles.setdefault(turn.speaker.full, turn.speaker.role)  # "The Minister for Transport"
        if turn and turn.label_end:
            start = sum(len(p) + len(PARAGRAPH_SEPARATOR) for p in article.paragraphs[:index])
            labels.append((start, start + turn.label_end))
    attributor.ignore(labels)  # "Omar Fitch:" is no "he" in the guest's answer
    quotes: list[Quote] = []
    outer: list[Outer] = []
    previous: _Previous | None = None
    for index, offset, found in located:
        sentences = by_paragraph.get(index, [])
        paragraph_end = offset + len(article.paragraphs[index])
        start, end = offset + found.start, offset + found.end
        if sentences:
            first, last, at, until = _sentence_span(sentences, start, end)
            sentence_index, last_index = index_of[id(sentences[at])], index_of[id(sentences[until])]
        else:
            first, last, sentence_index, last_index = offset, paragraph_end, -1, -1
        said: Speaker | None = None
        turn = turns[index] if turns else None
        words = len(found.text.split())
        says_something = words >= 6 or (words >= 4 and found.text.rstrip(" ,”’'").endswith((".", "?", "!")))
        if turn and turn.quoted and found.start == 0 and not found.inner:
            said = turn.speaker  # “PIKE: I will publish …”: the label inside the opening mark
        elif not found.inner:
            # a turn's label is no part of its first sentence: "HALE: As I told the council, “…”"
            before = _own_sentence(body[max(first, offset + turn.label_end if turn else 0) : start])
            after = body[end:last]
            if not after.strip() and until + 1 < len(sentences):
                following = body[end : sentences[until + 1].end]
                ending = found.text.rstrip("”’'\" ")
                if ending.endswith(("?", "!")) or (
                    ending.endswith(".") and not before.strip() and _only_names_its_speaker(following)
                ):
                    after = following  # “… too big to fail?” Vitter demanded. / “… missing.” Trump said.
            said = attributor.attribute(before, after, start, sentence_index, body[end:paragraph_end], found.text)
            if said is None and previous and _same_sentence_goes_on(previous, first, body, start, attributor):
                said = Speaker(previous.quote.speaker, previous.quote.speaker_full, previous.quote.role, GOES_ON)
            elif (
                said is None
                and not before.strip()
                and not _PREDICATE.match(after)  # “American Skin” was written by …: a title, not words
                and _continues(previous, found, index, sentence_index, article.sentences)
                and not _SIGNED.search(article.paragraphs[index])
            ):
                assert previous is not None
                said = Speaker(previous.quote.speaker, previous.quote.speaker_full, previous.quote.role, CONTINUES)
            elif said is None and not before.strip() and not after.strip(" ."):
                earlier = [s for s in article.sentences[: max(sentence_index, 0)] if s.end <= first][-1:]
                if earlier:
                    said = attributor.from_previous_sentence(earlier[0].text, earlier[0].end, sentence_index - 1)
            if said is None and turn and says_something and not _THIRD_PERSON_CUE.search(before):
                said = turn.speaker  # words of the turn's speaker's own, no cue handing them to anybody else
        if said and said.speaker:
            attributor.note(start, said)
        speaker, full, role, pattern = (said.speaker, said.full, said.role, said.pattern) if said else (None,) * 4
        if speaker and not role:
            role = attributor.role_of(full or speaker)
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
        if not found.inner:
            opens = not article.paragraphs[index][: found.start].strip()
            outer.append(Outer(len(quotes) - 1, index, opens, found.unclosed))
        if not found.inner and (quote.who or kind == "quote"):  # a title in quotation marks passes nothing on
            previous = _Previous(quote, last_index, last == paragraph_end)
    one_speaker_per_quotation(quotes, outer, body)
    return corrected(quotes, article.paragraphs, attributor.people)
