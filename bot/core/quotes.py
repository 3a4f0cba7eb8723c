"""Direct quotations and their speakers, told apart from scare quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from bot.core.articles import Article

QuoteKind = Literal["quote", "term"]

_QUOTED = re.compile(r"“([^“”]+)(”|$)|\"([^\"]+)\"")
_SAID_AFTER = re.compile(
    r"^[,\s]*(?:said|says|asked|added|told \w+)\s+((?:[A-Z][\w’'.-]+\s?){1,4})|^[,\s]*((?:[A-Z][\w’'.-]+\s?){1,4})\s(?:said|says|asked|added)"
)


@dataclass(frozen=True)
class Quote:
    """A quotation as it stands in an article, with who said it when the text tells."""

    article_id: str
    text: str
    start: int  # offset of the opening mark in Article.body
    end: int
    sentence: str
    kind: QuoteKind = "quote"
    speaker: str | None = None  # as the article names them near the quote ("Ukraine’s president")
    speaker_full: str | None = None  # the full name the article gives anywhere ("Volodymyr Zelensky")
    role: str | None = None  # "senior fellow in the Russia and Eurasia program at …"
    unclosed: bool = False

    @property
    def id(self) -> str:
        """Stable key for history: article id and offset."""
        return f"{self.article_id}:{self.start}"

    @property
    def who(self) -> str | None:
        return self.speaker_full or self.speaker


def extract_quotes(article: Article) -> list[Quote]:
    """Every quotation in the article; short ones without a speaker are kept as terms."""
    body = article.body
    quotes: list[Quote] = []
    for sentence in article.sentences:
        for match in _QUOTED.finditer(sentence.text):
            text = (match.group(1) or match.group(3) or "").strip()
            unclosed = match.group(1) is not None and match.group(2) == ""
            after = sentence.text[match.end():]
            said = _SAID_AFTER.search(after)
            speaker = None
            if said:
                speaker = (said.group(1) or said.group(2) or "").strip() or None
            words = len(text.split())
            kind: QuoteKind = "quote" if speaker and words >= 4 else "term"
            start = sentence.start + match.start()
            quotes.append(Quote(
                article_id=article.id, text=text, start=start, end=sentence.start + match.end(),
                sentence=sentence.text, kind=kind, speaker=speaker, unclosed=unclosed,
            ))
    assert all(body[q.start] in "“\"" for q in quotes)
    return quotes
