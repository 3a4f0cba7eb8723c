"""Direct quotations in an article, told apart from scare quotes, each with its speaker when the text tells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.core.attribution import Attributor
from bot.core.text import PARAGRAPH_SEPARATOR, Sentence

if TYPE_CHECKING:
    from bot.core.article import Article

QuoteKind = Literal["quote", "term"]

# “…” (closing mark missing when the paragraph or the next quotation begins first) or "…".
_CURLY = re.compile(r"“([^“”]*)(”|(?=“)|$)")
_STRAIGHT = re.compile(r"\"([^\"\n]+)(\"|$)")


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
    attributor = Attributor(article)
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
            first, last = _sentence_span(sentences, start, end) if sentences else (offset, offset + len(paragraph))
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
                and (previous_quote.end >= first - 80 if previous_quote.paragraph == index else previous_quote.unclosed)
            ):
                # “…,” Ciaramella said. “That’s why …” — the next sentence goes on with the same speaker.
                speaker, full, role = previous_quote.speaker, previous_quote.speaker_full, previous_quote.role
                pattern = "continues after “…,” X said."
            elif not before.strip() and not after.strip(" .") and (said := attributor.from_previous_sentence(previous)):
                (speaker, full), pattern = said, "speaker in the previous sentence"
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
