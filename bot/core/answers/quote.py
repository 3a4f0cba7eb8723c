"""Answer for /quote random: one attributed quotation, no repeats until all were shown."""

from __future__ import annotations

import random

from bot.core.corpus import Corpus
from bot.core.quotes import Quote
from bot.core.replies import Action, Field, Page, Reply
from bot.core.text import truncate


def candidates(corpus: Corpus, speaker: str | None = None, article: str | None = None,
               topic: str | None = None) -> list[Quote]:
    quotes = [q for q in corpus.quotations() if q.who]
    if speaker:
        wanted = speaker.strip().lower()
        quotes = [q for q in quotes if wanted in (q.who or "").lower()]
    if article:
        found = corpus.article(article)
        quotes = [q for q in quotes if found and q.article_id == found.id]
    if topic:
        words = topic.lower().split()
        quotes = [q for q in quotes if all(w in q.sentence.lower() for w in words)]
    return quotes


def pick(quotes: list[Quote], shown: set[str], rng: random.Random) -> tuple[Quote, bool]:
    """A quote not shown yet; when every one was, the cycle restarts (second value True)."""
    fresh = [q for q in quotes if q.id not in shown]
    if not fresh:
        return rng.choice(quotes), True
    return rng.choice(fresh), False


def quote_reply(corpus: Corpus, quote: Quote, options: dict[str, str]) -> Reply:
    article = corpus.articles[quote.article_id]
    speaker = quote.who or "unattributed"
    if quote.role:
        speaker = f"{speaker}, {quote.role}"
    page = Page(
        title=f"“{truncate(quote.text, 240)}”",
        description=f"— **{truncate(speaker, 300)}**\n\n> {truncate(quote.sentence, 1500)}",
        fields=[Field("Article", truncate(article.headline, 250)),
                Field("Published", " · ".join(p for p in (article.publication, article.date_label) if p))],
        footer=f"quote {quote.id}",
        url=article.url,
    )
    data = {"quote": {"id": quote.id, "text": quote.text, "speaker": quote.who, "article_id": quote.article_id}}
    return Reply([page], actions=[Action("Another quote", "quote random", options)], data=data)


def no_quote_reply(corpus: Corpus, speaker: str | None, article: str | None) -> Reply:
    speakers = sorted({q.who for q in corpus.quotations() if q.who})
    return Reply.notice("No quotation", "No quotation matches those filters. Speakers I know: "
                        + truncate(", ".join(speakers), 1500))
