"""The Article model: what travels when it is pickled, what it derives once, the warnings it raises alone."""

from __future__ import annotations

import datetime as dt
import pickle

from bot.core.article import NO_HEADLINE, UNDATED, Article, PubDate, review, suspect
from bot.core.corpus import Corpus


def test_an_article_survives_pickling_whole(corpus: Corpus) -> None:
    """Sentences travel as offsets into the paragraphs (workers, cache) and come back as they were."""
    for article in corpus.articles.values():
        copy = pickle.loads(pickle.dumps(article))
        assert copy == article
        assert copy.sentences
        assert [s.text for s in copy.sentences] == [copy.body[s.start : s.end] for s in copy.sentences]


def test_the_lower_case_words_are_found_once_and_do_not_travel() -> None:
    article = Article("a", "Grain Deal", ["The grain deal died.", "Its Grain Deal talks: over."])
    words = article.lower_case_words
    assert words == {"grain", "deal", "died", "talks", "over"}
    assert article.lower_case_words is words  # the speaker finder and the review read the same set
    state = article.__getstate__()
    assert "lower_case_words" not in state and "lower_case_words" not in pickle.loads(pickle.dumps(article)).__dict__


def test_the_lowered_body_is_made_once_and_does_not_travel() -> None:
    article = Article("a", "Kyiv", ["İstanbul Talks on “March 3”.", "Over."])
    lowered = article.lowered_body
    assert lowered == article.body.lower()
    assert article.lowered_body is lowered  # the date finder and the review read the same string
    assert "lowered_body" not in article.__getstate__()
    assert "lowered_body" not in pickle.loads(pickle.dumps(article)).__dict__


def test_warnings_an_article_raises_alone() -> None:
    article = Article("a", "A first sentence", ["A first sentence. Then more."], field_sources={"headline": "derived"})
    review(article)
    assert article.warnings == [NO_HEADLINE, UNDATED]
    article.published, article.field_sources["headline"] = PubDate(dt.date(2024, 1, 2)), "catalog"
    review(article)
    assert article.warnings == []
    article.warnings.append("standfirst names Israel, which the text never mentions: …")
    assert suspect(article, "standfirst") and not suspect(article, "headline")
