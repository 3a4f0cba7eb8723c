"""Faithful summaries: what the author wrote to sum up, else the lead sentences."""

from __future__ import annotations

from bot.core.articles import Article


def summary(article: Article, sentences: int = 2) -> str:
    """What the author wrote to sum up the article, else its lead sentences."""
    if article.standfirst:
        return article.standfirst
    if article.lead:
        return article.lead
    return " ".join(s.text for s in article.sentences[:sentences])
