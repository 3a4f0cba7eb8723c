"""Ranking articles for a query and suggesting headlines for autocomplete."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from bot.core.articles import Article

_TOKEN = re.compile(r"[\w’']+")


def tokenize(text: str) -> list[str]:
    return [t.replace("’", "'").strip("'").lower() for t in _TOKEN.findall(text)]


@dataclass(frozen=True)
class Hit:
    """One ranked article with the passage that best matches the query."""

    article_id: str
    score: float
    passage: str
    matched: tuple[str, ...]  # the words of the passage that matched, for bolding


class SearchIndex:
    """BM25 over sentences and article bodies, plus fuzzy headline matching."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = {a.id: a for a in articles}
        self.doc_terms = {a.id: Counter(tokenize(a.body + " " + a.headline)) for a in articles}
        self.doc_length = {k: sum(v.values()) for k, v in self.doc_terms.items()}
        self.average_length = sum(self.doc_length.values()) / max(1, len(self.doc_length))
        frequency: Counter[str] = Counter()
        for terms in self.doc_terms.values():
            frequency.update(terms.keys())
        count = len(articles)
        self.idf = {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}
        self.headlines = {a.id: a.headline for a in articles}

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        terms = [t for t in tokenize(query) if t in self.idf]
        scores: dict[str, float] = {}
        for article_id, counts in self.doc_terms.items():
            score = 0.0
            for term in terms:
                tf = counts.get(term, 0)
                if tf:
                    norm = tf + 1.2 * (0.25 + 0.75 * self.doc_length[article_id] / self.average_length)
                    score += self.idf[term] * tf * 2.2 / norm
            headline_match = fuzz.token_set_ratio(query.lower(), self.headlines[article_id].lower())
            if headline_match >= 80:
                score += headline_match / 10
            if score > 0:
                scores[article_id] = score
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:limit]
        return [self._hit(article_id, score, set(terms)) for article_id, score in ranked]

    def _hit(self, article_id: str, score: float, terms: set[str]) -> Hit:
        article = self.articles[article_id]
        best, best_score = article.sentences[0].text, -1.0
        for sentence in article.sentences:
            words = set(tokenize(sentence.text))
            value = sum(self.idf.get(t, 0) for t in words & terms)
            if value > best_score:
                best, best_score = sentence.text, value
        matched = tuple(t for t in terms if t in set(tokenize(best)))
        return Hit(article_id, round(score, 3), best, matched)

    def suggest(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """(headline, article id) pairs for autocomplete; newest first for empty input."""
        if not prefix.strip():
            newest = sorted(
                self.articles.values(),
                key=lambda a: a.published.value.toordinal() if a.published else 0, reverse=True,
            )
            return [(a.headline, a.id) for a in newest[:limit]]
        found = process.extract(prefix, self.headlines, scorer=fuzz.WRatio, limit=limit, score_cutoff=40)
        return [(headline, article_id) for headline, _, article_id in found]
