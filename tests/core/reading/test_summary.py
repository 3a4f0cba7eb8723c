"""Summaries use what the author wrote, else the lead, and never another article's header."""

from __future__ import annotations

from bot.core.corpus import Corpus
from bot.core.reading.summary import summary, summary_source


def test_standfirst_when_there_is_one(corpus: Corpus) -> None:
    article = corpus.articles["003_ca573a1cae3f6ec8"]
    assert summary(article) == "It will set the scene for any future peace talks"
    assert summary_source(article) == "standfirst"


def test_the_authors_summary_paragraph(corpus: Corpus) -> None:
    article = corpus.articles["001_56f617656db8bfc2"]
    assert summary_source(article) == "lead paragraph"
    assert summary(article).endswith("Only then can Ukraine secure a lasting peace that ensures its independence.")


def test_never_another_articles_header(corpus: Corpus) -> None:
    article = corpus.articles["002_ef0831b4358510b1"]
    text = summary(article)
    assert "Israel" not in text and "Netanyahu" not in text
    assert text.startswith("With Ukrainian forces stalled on the battlefield")


def test_lead_sentences_skip_the_repeated_headline(corpus: Corpus) -> None:
    article = corpus.articles["004_1b77e67b279ac622"]
    text = summary(article)
    assert summary_source(article) == "lead sentences"
    assert text.startswith("Russia is unlikely to make significant territorial gains")
    assert "Prospects and Reality" not in text
