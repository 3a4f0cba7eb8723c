"""The review of a corpus: duplicate files, and headlines or standfirsts naming what their text never does."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.core.lexicon import REVIEW_STOPWORDS
from bot.core.reading.places import is_place
from bot.core.text import normalized

if TYPE_CHECKING:
    from bot.core.article import Article

_CONTENT_WORD = re.compile(r"[a-z][a-z'-]+")
_CAPITALISED_LATER = re.compile(r"(?<=\S )[A-Z][\w'’-]+")
_POSSESSIVE_END = re.compile(r"'s$")
_SUFFIX_END = re.compile(r"(?:ing|ed|es|s|ly)$")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_INFLECTED = re.compile(r"(?:s|ed|ing)$")  # "Swallows", "Lifted", "Labelling": a verb or a plural, no name
# A corpus printing at least this many distinct words in lower case has shown its common words: a title-case
# word it never prints in lower case is likely a name. Fewer (one short article), and only known places count.
LARGE_VOCABULARY = 1000
MOSTLY = 0.6  # … and then only in a line most of whose words the body never uses: its own shares a few
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_IN_WORD = _LETTERS | {"'", "-"}  # what _CONTENT_WORD matches after its first letter


def content_words(text: str) -> list[str]:
    return [
        w for w in _CONTENT_WORD.findall(text.lower().replace("’", "'")) if w not in REVIEW_STOPWORDS and len(w) > 2
    ]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    # cached: review_corpus stems every distinct word of the corpus, and news reuses its words
    word = _POSSESSIVE_END.sub("", word)
    return _SUFFIX_END.sub("", word)[:6] if len(word) > 4 else word


def _body_words(lowered: str) -> set[str]:
    """The content words of a lower-cased body (’ as '), and the parts of its hyphenated ones."""
    words = {w for w in _CONTENT_WORD.findall(lowered) if w not in REVIEW_STOPWORDS and len(w) > 2}
    return words.union(*(w.split("-") for w in words if "-" in w))


def _in_body(stem: str, lowered: str) -> bool:
    """Whether a content word of the body, or a part of a hyphenated one, has this stem: whether
    `any(_stem(w) == stem for w in _body_words(lowered))`, found without listing the body's words.

    A stem begins its word, so each place the body prints the stem is tried as the start of a word (where
    _CONTENT_WORD's match begins: the first letter of a run of letters, ' and -) or of a word part (after
    a -); the first that stems to it answers."""
    if not stem:
        return any(_stem(w) == stem for w in _body_words(lowered))
    at = lowered.find(stem)
    while at >= 0:
        if at == 0 or lowered[at - 1] not in _LETTERS:  # a letter before: inside a word, not its start
            run_start = at
            while run_start and lowered[run_start - 1] in _IN_WORD:
                run_start -= 1
            run_end = at
            while run_end < len(lowered) and lowered[run_end] in _IN_WORD:
                run_end += 1
            first = next((i for i in range(run_start, run_end) if lowered[i] in _LETTERS), run_end)  # match start
            word = lowered[first:run_end]
            if first <= at and len(word) > 2 and word not in REVIEW_STOPWORDS:
                candidates = [word] if first == at else []
                if first == at or lowered[at - 1] == "-":
                    end = lowered.find("-", at, run_end)
                    candidates.append(lowered[at : run_end if end < 0 else end])
                if any(_stem(c) == stem for c in candidates):
                    return True
        at = lowered.find(stem, at + 1)
    return False


def _unmentioned(line: str, lowered: str) -> list[str]:
    """Capitalised words of a headline or standfirst (not its first word, capitalised whatever it is, unless a
    known place) that the body (lower-cased, ’ as ') never uses, in any inflection."""
    capitalised = _CAPITALISED_LATER.findall(line)
    first = _WORD.match(line.lstrip("“‘\"'"))
    if first and is_place(first.group(0)):  # a first word is capitalised whatever it is, but a place is a name
        capitalised.insert(0, first.group(0))
    if not capitalised:
        return []
    wanted = {w.lower().replace("’", "'") for w in capitalised}
    missing = {
        word
        for word in content_words(line)
        if word in wanted and not any(_in_body(_stem(part), lowered) for part in (word, *word.split("-")))
    }
    return [w for w in capitalised if w.lower().replace("’", "'") in missing]


def is_title_case(line: str) -> bool:
    """Whether a headline capitalises its words whatever they are (Title Case, or all capitals): then a
    capital says nothing about a word being a name."""
    words = [w for w in _WORD.findall(line)[1:] if len(w) > 3 and w.lower() not in REVIEW_STOPWORDS]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 >= len(words)


@dataclass(frozen=True)
class ReviewFacts:
    """What review_corpus needs from one article, found where the article is parsed (and cached with it),
    so that the corpus-wide review is only set lookups."""

    lower_case_words: str  # the words the body prints in lower case, space-separated (stemmed corpus-wide)
    unmentioned: tuple[tuple[str, tuple[str, ...]], ...]  # (field, its capitalised words the body never uses)
    duplicate_keys: frozenset[str]  # the normalized body's hash, and its opening when the body is long
    title_case: frozenset[str] = frozenset()  # the fields printed in Title Case
    mostly_absent: frozenset[str] = frozenset()  # the fields most of whose capitalised words the body never uses


def review_facts(article: Article) -> ReviewFacts:
    body = article.body
    lowered = article.lowered_body.replace("’", "'")
    unmentioned, title_case, mostly_absent = [], set(), set()
    for name in ("headline", "standfirst"):
        replaced = name in article.replaced
        line = article.replaced[name] if replaced else getattr(article, name)
        if isinstance(line, str) and line and (replaced or article.field_sources.get(name) == "stated"):
            missing = _unmentioned(line, lowered)
            unmentioned.append((name, tuple(missing)))
            if is_title_case(line):
                title_case.add(name)
            capitalised = {w.lower().replace("’", "'") for w in _WORD.findall(line) if w[0].isupper()}
            if len(missing) > MOSTLY * len(capitalised.intersection(content_words(line))):
                mostly_absent.add(name)
    text = normalized(body, article.lowered_body)
    keys = {hashlib.sha1(text.encode()).hexdigest()}
    if len(text) > 200:
        keys.add("head:" + text[:1000])  # the same opening 1,000 characters
    lower_case = " ".join(article.lower_case_words).replace("’", "'")
    return ReviewFacts(lower_case, tuple(unmentioned), frozenset(keys), frozenset(title_case), frozenset(mostly_absent))


def review_corpus(
    articles: list[Article], facts: list[ReviewFacts] | None = None, printed: set[str] | None = None
) -> None:
    """Warnings that need the whole corpus: duplicates, and headlines or standfirsts naming what the text
    never mentions (names from another story, e.g. 'Israel' on an article about Ukraine), unless the corpus
    prints the word in lower case somewhere (then it is a common word). In a Title Case line a capital tells
    nothing: only a known place counts, or, in a corpus large enough to have printed the common words, an
    uninflected word it never prints in lower case. Idempotent, so articles kept in a
    cache can be reviewed again; `facts` are review_facts(article) for each article, when already known, and
    `printed` the union of their lower_case_words, when already made."""
    if facts is None:
        facts = [review_facts(article) for article in articles]
    if printed is None:
        printed = set()
        for fact in facts:
            printed.update(fact.lower_case_words.split())
    common = {_stem(word) for word in printed}  # stems of words the corpus prints in lower case: not names
    corpus_knows_words = len(printed) >= LARGE_VOCABULARY
    first_seen: dict[str, str] = {}
    for article, fact in zip(articles, facts, strict=True):
        article.warnings = [
            w for w in article.warnings if not w.startswith(("duplicate of", "headline names", "standfirst names"))
        ]
        for name, unmentioned in fact.unmentioned:
            foreign = [w for w in unmentioned if _stem(w.lower()) not in common]
            if name in fact.title_case:  # only what is surely a name: a known place, or a word no text uses
                foreign = [
                    w
                    for w in foreign
                    if is_place(w)
                    or (corpus_knows_words and name in fact.mostly_absent and not _INFLECTED.search(w.lower()))
                ]
            if foreign:
                replaced = name in article.replaced
                verdict = "the catalog replaces it" if replaced else "it may belong to another article"
                article.warnings.append(f"{name} names {', '.join(foreign)}, which the text never mentions: {verdict}")
        for key in fact.duplicate_keys:  # the same body, or the same opening
            original = first_seen.setdefault(key, article.id)
            if original != article.id:
                warning = f"duplicate of {original}"
                if warning not in article.warnings:
                    article.warnings.append(warning)
