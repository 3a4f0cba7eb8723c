"""Answers for /article search and /article show."""

from __future__ import annotations

import re

from bot.core.articles import Article
from bot.core.corpus import Corpus
from bot.core.replies import Field, Page, Reply
from bot.core.summary import summary
from bot.core.text import truncate


def byline(article: Article) -> str:
    parts = [article.publication, article.author, article.date_label]
    return " · ".join(p for p in parts if p)


def bold_terms(passage: str, terms: tuple[str, ...]) -> str:
    """Bold whole words of the passage that match a query term; markdown in the text is escaped first."""
    escaped = re.sub(r"([*_~`|>])", r"\\\1", passage)
    if not terms:
        return escaped
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\b",
                         re.I)
    return pattern.sub(r"**\1**", escaped)


def search_reply(corpus: Corpus, query: str, start: str | None = None, end: str | None = None,
                 publication: str | None = None, limit: int = 5) -> Reply:
    query = query.strip()
    if not query:
        return Reply.notice("Nothing to search for", "Type a few words, e.g. `/article search query: kharkiv`.")
    hits = corpus.index.search(query, limit=limit)
    if not hits:
        suggestions = [headline for headline, _ in corpus.index.suggest(query, limit=3)]
        hint = "; ".join(f"“{s}”" for s in suggestions) or "other words"
        return Reply.notice("No match", f"No article matches “{truncate(query, 200)}”. Try {hint}.",
                            query=query, results=[])
    pages = []
    for rank, hit in enumerate(hits, start=1):
        article = corpus.articles[hit.article_id]
        pages.append(Page(
            title=article.headline,
            description=truncate(summary(article), 1000),
            fields=[
                Field("Published", byline(article) or "undated", inline=True),
                Field("Article id", f"`{article.id}`", inline=True),
                Field("Matching passage", truncate(bold_terms(hit.passage, hit.matched), 1000)),
            ],
            footer=f"Result {rank} of {len(hits)} for “{truncate(query, 80)}”",
            url=article.url,
        ))
    results = [{"article_id": h.article_id, "score": h.score, "headline": corpus.articles[h.article_id].headline}
               for h in hits]
    return Reply(pages, data={"query": query, "results": results})


def show_reply(corpus: Corpus, key: str) -> Reply:
    article = corpus.article(key)
    if article is None:
        suggestions = [headline for headline, _ in corpus.index.suggest(key, limit=3)]
        hint = "; ".join(f"“{s}”" for s in suggestions)
        return Reply.notice("Unknown article", f"No article is called “{truncate(key, 200)}”."
                            + (f" Did you mean {hint}?" if hint else ""))
    fields = [Field("Published", byline(article) or "undated", inline=True),
              Field("Words", str(article.word_count), inline=True)]
    quotes = [q for q in corpus.quotations() if q.article_id == article.id][:3]
    if quotes:
        fields.append(Field("Quotes", "\n".join(
            truncate(f"“{q.text}” — {q.who or 'unattributed'}", 330) for q in quotes)))
    events = [e for e in corpus.events if e.article_id == article.id and e.kind == "mention" and e.resolved][:5]
    if events:
        fields.append(Field("Dated events", "\n".join(
            truncate(f"**{e.text}** — {e.description}", 200) for e in events)))
    description = summary(article)
    if article.standfirst and article.standfirst != description:
        description = f"*{article.standfirst}*\n\n{description}"
    page = Page(title=article.headline, description=truncate(description, 1500), fields=fields,
                footer=f"id {article.id}" + (f" · {article.rubric}" if article.rubric else ""), url=article.url)
    return Reply([page], data={"article_id": article.id})
