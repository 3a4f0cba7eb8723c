"""Ranking articles: BM25F in numpy over corrected query terms, headlines reranked with rapidfuzz."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.core.lexicon import QUERY_FILLER, STOPWORDS
from bot.core.script import has_cyrillic, plain_typed, readings
from bot.core.search.english import inflections, is_real_word
from bot.core.search.postings import TokenCounter, build_postings
from bot.core.search.suggest import HeadlineSuggester
from bot.core.search.vocabulary import TOKEN, Vocabulary, canonical, tokens
from bot.core.thresholds import HEADLINE_TYPED, TYPO_EDITS

if TYPE_CHECKING:
    from bot.core.article import Article

# BM25F: a word in the headline counts as four in the body, in standfirst, rubric or a speaker's name as two.
FIELD_WEIGHTS = {"headline": 4, "standfirst": 2, "rubric": 2, "speakers": 2, "places": 1}
INFLECTION_WEIGHT = 0.8  # another form of a typed word (drone → drones) counts a little less than the form typed
RERANK = 100  # candidates whose headlines rapidfuzz compares with the query
_MODEL_NAME = re.compile(r"([a-z]{1,4})(\d{1,4})")
_PLACE = re.compile(r" (?:in|near|around|outside|from) ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})")


def indexed_text(article: Article, speakers: list[str]) -> str:
    """The text BM25F indexes: the body, then each field repeated as many times as it weighs."""
    body = article.body
    fields = [
        (article.headline, FIELD_WEIGHTS["headline"]),
        (article.standfirst or "", FIELD_WEIGHTS["standfirst"]),
        (article.rubric or "", FIELD_WEIGHTS["rubric"]),
        (" ".join(speakers), FIELD_WEIGHTS["speakers"]),
        (" ".join(_PLACE.findall(body)), FIELD_WEIGHTS["places"]),
    ]
    return "\n".join([body] + [text for text, weight in fields if text for _ in range(weight)])


def _letters_and_digits(word: str) -> list[str] | None:
    """'f16' → ['f', '16'], 'su27' → ['su', '27']: a model name typed without its hyphen."""
    match = _MODEL_NAME.fullmatch(word)
    return [match.group(1), match.group(2)] if match else None


def headline_key(text: str) -> str:
    """A headline as typed, whatever its apostrophes, dashes and case."""
    return " ".join(tokens(text))


@dataclass(frozen=True)
class Hit:
    """One ranked article with the passage that best matches the query."""

    article_id: str
    score: float
    passage: str
    matched: tuple[str, ...]  # the words of the passage that matched, for bolding


@dataclass
class QueryPlan:
    """A query as the index understands it: groups of alternative terms, and the spellings it corrected."""

    text: str
    groups: list[list[tuple[int, float]]] = field(default_factory=list)  # per query word: (term id, weight)
    corrections: dict[str, str] = field(default_factory=dict)  # typed word → corpus word
    readings: dict[str, str] = field(default_factory=dict)  # a word typed in Cyrillic → how it was read
    unknown: list[str] = field(default_factory=list)  # words with no match in the corpus at all
    key: str = ""  # the headline key of the whole query

    @property
    def term_ids(self) -> set[int]:
        return {term_id for group in self.groups for term_id, _ in group}

    def corrected_text(self) -> str:
        read = [self.readings.get(w, w) for w in TOKEN.findall(self.text.lower())]
        return " ".join(self.corrections.get(w, w) for w in read)


def _span(article: Article) -> tuple[int, int]:
    """The days an article's publication date covers, as ordinals; (-1, -1) when undated."""
    if article.published is None:
        return -1, -1
    period = article.published.period()
    return period.first.toordinal(), period.last.toordinal()


class SearchIndex:
    """An inverted index in compressed-sparse-row numpy arrays: term → (document rows, BM25F weights).

    The commonest terms are dense rows of weights instead (see bot.core.search.postings).
    """

    def __init__(
        self, articles: list[Article], speakers: dict[str, list[str]] | None = None, counted: TokenCounter | None = None
    ) -> None:
        """`counted`: the indexed_text of each article, in order, already added (as the start-up does)."""
        speakers = speakers or {}
        self.articles = {a.id: a for a in articles}
        self.ids = [a.id for a in articles]
        self.headlines = [a.headline for a in articles]
        self.headline_keys = [headline_key(a.headline) for a in articles]
        spans = [_span(a) for a in articles]
        self.first_day = np.asarray([s[0] for s in spans], dtype=np.int32)
        self.last_day = np.asarray([s[1] for s in spans], dtype=np.int32)
        self.publications = sorted({a.publication for a in articles if a.publication})
        codes = {name: i for i, name in enumerate(self.publications)}
        self.publication_code = np.asarray([codes.get(a.publication, -1) for a in articles], dtype=np.int32)
        self._build(articles, speakers, counted)
        newest = np.argsort(-self.first_day, kind="stable")  # newest first; ties keep corpus order
        self.suggester = HeadlineSuggester(self.headlines, self.headline_keys, newest, self.vocabulary)
        # Passages are picked from the same few articles again and again: keep their sentences' term ids,
        # for a bounded number of articles, instead of tokenising every sentence on every query.
        self._sentence_terms = functools.lru_cache(maxsize=4096)(self._terms_of_sentences)

    def _build(self, articles: list[Article], speakers: dict[str, list[str]], counted: TokenCounter | None) -> None:
        if counted is None:
            postings = build_postings((indexed_text(a, speakers.get(a.id, [])) for a in articles), len(articles))
        else:
            postings = counted.postings(len(articles))
        self.idf, self.pointers = postings.idf, postings.pointers
        self.rows, self.weights = postings.rows, postings.weights
        self.dense = postings.dense
        self.dense_row = np.full(len(postings.terms), -1, dtype=np.int32)
        self.dense_row[postings.dense_terms] = np.arange(len(postings.dense_terms), dtype=np.int32)
        self.vocabulary = Vocabulary(postings.terms, postings.df)

    # ---- queries -------------------------------------------------------------------------------------
    def plan(self, query: str) -> QueryPlan:
        """Map each query word to corpus terms: itself and its inflections, its spelling key, or (only for a
        word that is no word of English) its nearest corpus words, reported as a correction."""
        plan = QueryPlan(query, key=headline_key(query))
        typed = TOKEN.findall(plain_typed(query).lower())
        words = [canonical(w) for w in typed]
        # a Cyrillic word either language could write ('путин', 'киев') has a second reading to try
        other_readings = {canonical(w): [canonical(r) for r in readings(w)[1:]] for w in typed if has_cyrillic(w)}
        plan.readings = {w: canonical(w) for w in typed if has_cyrillic(w)}
        read_from_cyrillic = set(plan.readings.values())
        content = (
            [w for w in words if w not in STOPWORDS and w not in QUERY_FILLER]
            or [w for w in words if w not in STOPWORDS]
            or words
        )
        vocabulary = self.vocabulary
        for position, word in enumerate(content):
            if word not in vocabulary:
                known = [r for r in other_readings.get(word, ()) if r in vocabulary]
                if known:
                    plan.readings = {t: known[0] if r == word else r for t, r in plan.readings.items()}
                    word = known[0]
                    read_from_cyrillic.add(word)
            forms = [(vocabulary.ids[form], INFLECTION_WEIGHT) for form in inflections(word) if form in vocabulary]
            if word in vocabulary:
                group = [(vocabulary.ids[word], 1.0), *forms]
            elif forms:  # 'threats' finds 'threat': the same word, not a correction
                group = [(term_id, 1.0) for term_id, _ in forms]
            elif (parts := _letters_and_digits(word)) and all(p in vocabulary for p in parts):
                group = [(vocabulary.ids[p], 1.0) for p in parts]  # 'f16' is how 'F-16' is typed
            elif is_real_word(word):  # 'tell', 'bold': real words are never 'corrected' into others
                plan.unknown.append(word)
                continue
            else:
                parts = vocabulary.split_compound(word)
                nearest = [] if parts else vocabulary.nearest(word)
                if word in read_from_cyrillic:  # a reading is not a typo: one letter off at most ('izium' → 'izyum')
                    nearest = [(t, w) for t, w in nearest if OSA.distance(word, t) <= TYPO_EDITS]
                if parts:
                    plan.corrections[word] = " ".join(parts)
                    group = [(vocabulary.ids[p], 1.0) for p in parts]
                elif nearest:
                    plan.corrections[word] = nearest[0][0]
                    group = [(vocabulary.ids[t], weight) for t, weight in nearest]
                else:
                    plan.unknown.append(word)
                    continue
            if position + 1 < len(content):  # 'counter offensive' also finds 'counteroffensive'
                joined = vocabulary.ids.get(word + content[position + 1])
                if joined is not None:
                    group.append((joined, 1.0))
            plan.groups.append(group)
        return plan

    def rank(
        self,
        query: str | QueryPlan,
        limit: int = 10,
        start: dt.date | None = None,
        end: dt.date | None = None,
        publication: str | None = None,
    ) -> list[tuple[int, float]]:
        """(row, score) of the best articles, best first; filters by publication date and outlet."""
        plan = query if isinstance(query, QueryPlan) else self.plan(query)
        scores = np.zeros(len(self.ids), dtype=np.float32)
        query_weight = 0.0
        for group in plan.groups:
            for term_id, weight in group:
                dense = self.dense_row[term_id]
                if dense >= 0:  # a term in a quarter of the articles or more: one vector addition
                    scores += weight * self.dense[dense]
                    continue
                lo, hi = self.pointers[term_id], self.pointers[term_id + 1]
                scores[self.rows[lo:hi]] += weight * self.weights[lo:hi]
            query_weight += max(float(self.idf[term_id]) for term_id, _ in group)
        exact = self.suggester.rows_with_key(plan.key) if plan.key else []
        for row in exact:
            scores[row] += 1.0  # so an exact headline is a candidate even when every word is a stopword
        allowed = self._filter(start, end, publication)
        if allowed is not None:
            scores[~allowed] = 0
        candidates = np.flatnonzero(scores) if len(scores) <= RERANK else None
        if candidates is None:
            # partitioning the negated scores dodges numpy's slow path when most scores are 0
            top = np.argpartition(-scores, RERANK - 1)[:RERANK]
            candidates = top[scores[top] > 0]
        ranked = []
        for row in candidates.tolist():
            score = float(scores[row])
            similarity = fuzz.ratio(plan.key, self.headline_keys[row])
            if similarity > HEADLINE_TYPED:  # a headline typed nearly in full, typos and all, beats body matches
                score += 2 * query_weight * ((similarity - HEADLINE_TYPED) / (100 - HEADLINE_TYPED)) ** 2
            if row in exact:
                score += 1000
            ranked.append((row, round(score, 3)))
        ranked.sort(key=lambda pair: (-pair[1], pair[0]))  # ties in corpus order, whatever the partition left
        return ranked[:limit]

    def _filter(self, start: dt.date | None, end: dt.date | None, publication: str | None) -> np.ndarray | None:
        allowed = None
        if start is not None:
            allowed = self.last_day >= start.toordinal()
        if end is not None:
            before = (self.first_day <= end.toordinal()) & (self.first_day >= 0)
            allowed = before if allowed is None else allowed & before
        if publication:
            wanted = publication.strip().lower()
            codes = [i for i, name in enumerate(self.publications) if name.lower() == wanted]
            outlet = np.isin(self.publication_code, codes)
            allowed = outlet if allowed is None else allowed & outlet
        return allowed

    def search(
        self,
        query: str | QueryPlan,
        limit: int = 5,
        start: dt.date | None = None,
        end: dt.date | None = None,
        publication: str | None = None,
    ) -> list[Hit]:
        """The best articles for a query, each with the passage that matches it best."""
        plan = query if isinstance(query, QueryPlan) else self.plan(query)
        ranked = self.rank(plan, limit, start, end, publication)
        return [self._hit(row, score, plan.term_ids) for row, score in ranked]

    def rows_with_all(self, plan: QueryPlan) -> set[int]:
        """The rows of the articles that hold some term of every group of the plan (no ranking)."""
        found: set[int] | None = None
        for group in plan.groups:
            rows: set[int] = set()
            for term_id, _ in group:
                dense = self.dense_row[term_id]
                if dense >= 0:
                    rows.update(np.flatnonzero(self.dense[dense]).tolist())
                else:
                    rows.update(self.rows[self.pointers[term_id] : self.pointers[term_id + 1]].tolist())
            found = rows if found is None else found & rows
            if not found:
                return set()
        return found or set()

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        del state["_sentence_terms"]  # a cache of bound-method results: rebuilt empty, never pickled
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._sentence_terms = functools.lru_cache(maxsize=4096)(self._terms_of_sentences)

    def _terms_of_sentences(self, row: int) -> tuple[frozenset[int], ...]:
        ids = self.vocabulary.ids
        return tuple(frozenset(ids.get(t, -1) for t in tokens(s.text)) for s in self.articles[self.ids[row]].sentences)

    def _hit(self, row: int, score: float, term_ids: set[int]) -> Hit:
        """The one or two neighbouring sentences whose matched words weigh most (by idf)."""
        article = self.articles[self.ids[row]]
        ids = self.vocabulary.ids
        best, best_value = 0, -1.0
        for index, terms in enumerate(self._sentence_terms(row)):
            found = terms & term_ids
            value = float(sum(self.idf[t] for t in found))
            if value > best_value:
                best, best_value = index, value
        chosen = article.sentences[best : best + 1] if article.sentences else []
        following = article.sentences[best + 1] if best + 1 < len(article.sentences) else None
        if chosen and following and len(chosen[0].text) < 160 and following.paragraph == chosen[0].paragraph:
            chosen.append(following)
        passage = " ".join(s.text for s in chosen) or article.headline
        matched = tuple(
            dict.fromkeys(w for w in TOKEN.findall(passage) if ids.get(canonical(w.lower()), -1) in term_ids)
        )
        return Hit(self.ids[row], score, passage, matched)

    # ---- autocomplete ---------------------------------------------------------------------------------
    def suggest(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """(headline, article id) pairs for autocomplete; newest first for empty input."""
        return [(self.headlines[row], self.ids[row]) for row in self.suggester.suggest(prefix, limit)]

    def suggest_publications(self, prefix: str, limit: int = 25) -> list[str]:
        wanted = prefix.strip().lower()
        return [name for name in self.publications if wanted in name.lower()][:limit]
