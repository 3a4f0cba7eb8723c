"""Ranking articles: BM25F over corrected query terms, headlines reranked with rapidfuzz; one view at a time."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from bot.core.search.changes import Change, Entry, distinct_terms, engine_text
from bot.core.search.planner import QueryPlan, plan_query
from bot.core.search.postings import TokenCounter, build_postings
from bot.core.search.rows import Rows, headline_key
from bot.core.search.scorer import Groups, MemoryScorer, Scorer
from bot.core.search.suggest import HeadlinePart, HeadlineSuggester
from bot.core.search.vocabulary import TOKEN, Vocabulary, canonical, tokens
from bot.core.thresholds import HEADLINE_TYPED

if TYPE_CHECKING:
    from bot.core.article import Article

__all__ = ["Hit", "QueryPlan", "SearchIndex", "headline_key", "indexed_text"]

# BM25F: a word in the headline counts as four in the body, in standfirst, rubric or a speaker's name as two.
FIELD_WEIGHTS = {"headline": 4, "standfirst": 2, "rubric": 2, "speakers": 2, "places": 1}
RERANK = 100  # candidates whose headlines rapidfuzz compares with the query
PASSAGE_CACHE = 4096  # articles whose sentences' term ids are kept for picking passages
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


@dataclass(frozen=True)
class Hit:
    """One ranked article with the passage that best matches the query."""

    article_id: str
    score: float
    passage: str
    matched: tuple[str, ...]  # the words of the passage that matched, for bolding


class SearchIndex:
    """The bot's query understanding (bot.core.search.planner), scored by a Scorer, reranked by headline.

    An index is a view of one moment: `prepare` and `applied` give the view after some articles are added or
    removed, and this one keeps answering as before. Built from articles, it scores with the postings in
    memory (bot.core.search.scorer.MemoryScorer); bot.archive.search.disk gives views scored on disk."""

    def __init__(
        self, articles: list[Article], speakers: dict[str, list[str]] | None = None, counted: TokenCounter | None = None
    ) -> None:
        """`counted`: the indexed_text of each article, in order, already added (as the start-up does)."""
        speakers = speakers or {}
        rows = Rows.of(articles)
        if counted is None:
            postings = build_postings((indexed_text(a, speakers.get(a.id, [])) for a in articles), len(articles))
        else:
            postings = counted.postings(len(articles))
        vocabulary = Vocabulary(postings.terms, postings.df, len(articles))
        suggester = HeadlineSuggester(rows.headlines, rows.keys, rows.newest, vocabulary)
        self._assemble({a.id: a for a in articles}, rows, vocabulary, suggester, MemoryScorer(postings, rows), speakers)

    def _assemble(
        self,
        articles: Mapping[str, Article],
        rows: Rows,
        vocabulary: Vocabulary,
        suggester: HeadlineSuggester,
        scorer: Scorer,
        speakers: dict[str, list[str]] | None,
        passages: dict[int, tuple[frozenset[int], ...]] | None = None,
    ) -> None:
        self.articles, self.rows, self.vocabulary = articles, rows, vocabulary
        self.suggester, self.scorer = suggester, scorer
        self.speakers = speakers  # kept only when scoring in memory, whose postings are rebuilt on a change
        # Passages are picked from the same few articles again and again: their sentences' term ids are kept
        # (a row names one article for good and term ids never change, so every later view shares them).
        self._passages = {} if passages is None else passages

    @classmethod
    def from_state(cls, state: dict, scorer: Scorer, articles: Mapping[str, Article]) -> SearchIndex:
        """An index as `state()` saved it, scored by `scorer` (a view of the engine the state was saved with)."""
        index = cls.__new__(cls)
        rows, vocabulary = Rows.from_state(state["rows"]), Vocabulary.from_state(state["vocabulary"])
        part = HeadlinePart.from_state(state["headlines"])
        suggester = HeadlineSuggester(rows.headlines, rows.keys, rows.newest, vocabulary, [part])
        index._assemble(articles, rows, vocabulary, suggester, scorer, None)
        return index

    def state(self) -> dict:
        """The query side as plain lists and arrays (the engine keeps the postings)."""
        part = self.suggester.merged().parts[0]
        return {"rows": self.rows.state(), "vocabulary": self.vocabulary.state(), "headlines": part.state()}

    @property
    def ids(self) -> list[str]:
        return self.rows.ids

    @property
    def headlines(self) -> list[str]:
        return self.rows.headlines

    @property
    def publications(self) -> list[str]:
        return self.rows.publications

    @property
    def idf(self) -> np.ndarray:
        return self.vocabulary.idf

    # ---- changes ----------------------------------------------------------------------------------------
    def prepare(self, added: Sequence[tuple[Article, list[str]]] = (), removed: Iterable[str] = ()) -> Change:
        """The change that adds these (article, speakers) and removes these article ids. An added article the
        index holds already replaces it (a new row); ids it does not hold are left alone. A removed article's
        terms are counted out of the vocabulary as this view's `articles` give it: remove an article before
        its new version replaces it there."""
        change = Change(len(self.rows))
        for article_id in dict.fromkeys([*removed, *(article.id for article, _ in added)]):
            row = self.rows.row_of.get(article_id)
            if row is not None:
                change.removed.append(row)
                article = self.articles.get(article_id)
                text = indexed_text(article, (self.speakers or {}).get(article_id, [])) if article else ""
                change.removed_terms.append(distinct_terms(engine_text(text)))
        for article, speakers in added:
            change.texts.append(engine_text(indexed_text(article, speakers)))
            change.added.append(Entry.of(article, distinct_terms(change.texts[-1])))
            change.articles.append(article)
            change.speakers[article.id] = speakers
        return change

    def applied(
        self, change: Change, scorer: Scorer | None = None, articles: Mapping[str, Article] | None = None
    ) -> SearchIndex:
        """The view after `change` (prepared from this view, or read from a log). `scorer`: the engine's view
        with the change in it; None to rebuild the postings in memory. `articles`: the new view's articles;
        by default this view's: a copy with the change's added and without its removed when it is a dict,
        else the same mapping."""
        if change.first_row != len(self.rows):
            raise ValueError(f"a change from row {change.first_row} does not follow a view of {len(self.rows)} rows")
        rows = self.rows.added(change.added).removed(change.removed)
        vocabulary = self.vocabulary.counted([e.terms for e in change.added], change.removed_terms)
        suggester = self.suggester.changed(rows.headlines, rows.keys, rows.newest, vocabulary)
        if articles is None and isinstance(self.articles, dict):
            articles = dict(self.articles)
            for row in change.removed:
                articles.pop(self.rows.ids[row], None)
            articles.update((a.id, a) for a in change.articles)
        elif articles is None:  # a mapping of the caller's own (loading on demand, say): it knows the change
            articles = self.articles
        speakers = None if self.speakers is None else {**self.speakers, **change.speakers}
        if scorer is None:
            if speakers is None:
                raise ValueError("this index is scored by an engine: apply changes through it")
            live = np.flatnonzero(rows.alive).tolist()
            texts = (indexed_text(articles[rows.ids[r]], speakers.get(rows.ids[r], [])) for r in live)
            scorer = MemoryScorer(build_postings(texts, len(live)), rows, live)
        view = self.__class__.__new__(self.__class__)
        view._assemble(articles, rows, vocabulary, suggester, scorer, speakers, self._passages)
        return view

    def changed(self, added: Sequence[tuple[Article, list[str]]] = (), removed: Iterable[str] = ()) -> SearchIndex:
        """The view with these articles added and removed, its postings rebuilt in memory (small corpora)."""
        return self.applied(self.prepare(added, removed))

    def reading(self, articles: Mapping[str, Article]) -> SearchIndex:
        """The same view, reading passages from these articles (the same ones, their text kept elsewhere)."""
        view = self.__class__.__new__(self.__class__)
        view._assemble(articles, self.rows, self.vocabulary, self.suggester, self.scorer, self.speakers, self._passages)
        return view

    def compacted(self, scorer: Scorer | None = None) -> SearchIndex:
        """The same view with the terms and headlines added one at a time merged into the sorted arrays."""
        view = self.__class__.__new__(self.__class__)
        vocabulary = self.vocabulary.compacted()
        rows, parts = self.rows, self.suggester.merged().parts
        suggester = HeadlineSuggester(rows.headlines, rows.keys, rows.newest, vocabulary, parts)
        view._assemble(
            self.articles, self.rows, vocabulary, suggester, scorer or self.scorer, self.speakers, self._passages
        )
        return view

    # ---- queries -------------------------------------------------------------------------------------
    def plan(self, query: str) -> QueryPlan:
        """Map each query word to corpus terms: itself and its inflections, its spelling key, or (only for a
        word that is no word of English) its nearest corpus words, reported as a correction."""
        return plan_query(self.vocabulary, query)

    def _groups(self, plan: QueryPlan) -> Groups:
        terms = self.vocabulary.terms
        return [[(terms[term_id], weight) for term_id, weight in group] for group in plan.groups]

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
        idf = self.vocabulary.idf
        query_weight = sum(max(float(idf[term_id]) for term_id, _ in group) for group in plan.groups)
        # an exact headline scores 1 besides, so it is a candidate even when every word is a stopword
        exact = self.suggester.rows_with_key(plan.key) if plan.key else []
        found = self.scorer.top(self._groups(plan), exact, self.rows.where(start, end, publication), RERANK)
        rows = np.asarray([row for row, _ in found], dtype=np.int64)
        scores = np.asarray([score for _, score in found], dtype=np.float64)
        known = rows < len(self.rows)  # a view of the engine a moment newer than these rows, or older
        known[known] = self.rows.alive[rows[known]]
        rows, scores = rows[known], scores[known]
        if not len(rows):
            return []
        keys = [self.rows.keys[row] for row in rows.tolist()]
        similarity = process.cdist([plan.key], keys, scorer=fuzz.ratio, dtype=np.float64)[0]
        # a headline typed nearly in full, typos and all, beats body matches
        typed = np.maximum(similarity - HEADLINE_TYPED, 0) / (100 - HEADLINE_TYPED)
        scores += 2 * query_weight * typed**2
        if exact:
            scores[np.isin(rows, exact)] += 1000
        scores = np.round(scores, 3)
        order = np.lexsort((rows, -scores))[:limit]  # ties in row order, whatever the engine's order
        return [(int(rows[i]), float(scores[i])) for i in order.tolist()]

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
        return self.scorer.rows_with_all(self._groups(plan)) if plan.groups else set()

    def __getstate__(self) -> dict:
        if not isinstance(self.scorer, MemoryScorer):
            raise TypeError("an index scored on disk is opened from its folder, not pickled")
        return {**self.__dict__, "_passages": {}}  # the passage cache is rebuilt as it is used

    def _sentence_terms(self, row: int) -> tuple[frozenset[int], ...]:
        found = self._passages.get(row)
        if found is None:
            ids = self.vocabulary.ids
            sentences = self.articles[self.rows.ids[row]].sentences
            found = tuple(frozenset(ids.get(t, -1) for t in tokens(s.text)) for s in sentences)
            if len(self._passages) >= PASSAGE_CACHE:
                try:  # the oldest entry; another thread may have taken it already
                    del self._passages[next(iter(self._passages))]
                except (KeyError, RuntimeError, StopIteration):
                    pass
            self._passages[row] = found
        return found

    def _hit(self, row: int, score: float, term_ids: set[int]) -> Hit:
        """The one or two neighbouring sentences whose matched words weigh most (by idf)."""
        article = self.articles[self.rows.ids[row]]
        ids, idf = self.vocabulary.ids, self.vocabulary.idf
        best, best_value = 0, -1.0
        for index, terms in enumerate(self._sentence_terms(row)):
            found = terms & term_ids
            value = float(sum(idf[t] for t in found))
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
        return Hit(self.rows.ids[row], score, passage, matched)

    # ---- autocomplete ---------------------------------------------------------------------------------
    def suggest(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """(headline, article id) pairs for autocomplete; newest first for empty input."""
        headlines, ids = self.rows.headlines, self.rows.ids
        return [(headlines[row], ids[row]) for row in self.suggester.suggest(prefix, limit)]

    def suggest_publications(self, prefix: str, limit: int = 25) -> list[str]:
        wanted = prefix.strip().lower()
        return [name for name in self.publications if wanted in name.lower()][:limit]
