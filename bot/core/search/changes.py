"""What changes an index: the articles added and removed, as the disk engine and its change log take them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.lexicon import STOPWORDS
from bot.core.search.postings import split_tokens
from bot.core.search.rows import publication_span
from bot.core.search.vocabulary import TOKEN, canonical

if TYPE_CHECKING:
    from bot.core.article import Article

STOPWORD = "_"  # what a stopword becomes in an engine text: no term, but a word of the document's length
CACHE_LIMIT = 200_000  # surface tokens whose engine terms are kept (about 20 MB); then the cache starts over
_canonical = canonical.__wrapped__  # the cache below holds each token's terms: lru_cache would hold them twice


class _EngineTerms(dict):
    """A surface token as bytes → its terms as the engine takes them: canonical, stopwords as '_', joined by
    spaces ('kyiv’s' → 'kyiv', 'kyiv—kharkiv' → 'kyiv kharkiv', '»' → '')."""

    def __missing__(self, token: bytes) -> bytes:
        text = token.decode("utf-8", "surrogatepass")
        words = [text] if token.isascii() else TOKEN.findall(text)
        terms = [STOPWORD if (term := _canonical(word)) in STOPWORDS else term for word in words]
        value = " ".join(terms).encode("utf-8", "surrogatepass")
        if len(self) >= CACHE_LIMIT:
            self.clear()
        self[token] = value
        return value


_TERMS = _EngineTerms()


def engine_text(text: str) -> str:
    """A text's canonical terms in order, split by spaces, each stopword a '_': the disk engine splits it on
    whitespace, so its terms are exactly the vocabulary's and a document's length counts every word, as the
    BM25 of bot.core.search.postings does. One C pass per text but for the few tokens not seen before."""
    return b" ".join(map(_TERMS.__getitem__, split_tokens(text))).decode("utf-8", "surrogatepass")


def distinct_terms(engine: str) -> tuple[str, ...]:
    """The distinct terms of an engine text (what its article adds to each term's document frequency)."""
    return tuple(set(engine.split()) - {STOPWORD})


@dataclass(frozen=True)
class Entry:
    """What an index keeps of an added article besides its postings; one record of the change log."""

    id: str
    headline: str
    publication: str
    first_day: int
    last_day: int
    terms: tuple[str, ...]  # distinct, canonical, no stopwords

    @classmethod
    def of(cls, article: Article, terms: tuple[str, ...]) -> Entry:
        first_day, last_day = publication_span(article)
        return cls(article.id, article.headline, article.publication or "", first_day, last_day, terms)


@dataclass
class Change:
    """Articles added to and removed from one view of an index. `added` get the rows from `first_row` on, in
    order; `removed_terms` are the distinct terms of each removed row (to count them out of the vocabulary).

    Only `first_row`, `added`, `removed` and `removed_terms` are logged: `texts` (for the engine), `articles`
    and `speakers` (for the next view) are for the process making the change."""

    first_row: int
    added: list[Entry] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    removed_terms: list[tuple[str, ...]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    speakers: dict[str, list[str]] = field(default_factory=dict)

    def record(self) -> tuple:
        """The change as the log keeps it: plain values only."""
        return (self.first_row, [tuple(vars(e).values()) for e in self.added], self.removed, self.removed_terms)

    @classmethod
    def from_record(cls, record: tuple) -> Change:
        first_row, added, removed, removed_terms = record
        return cls(first_row, [Entry(*values) for values in added], list(removed), list(removed_terms))

    @property
    def rows(self) -> range:
        """The rows of the added articles."""
        return range(self.first_row, self.first_row + len(self.added))
