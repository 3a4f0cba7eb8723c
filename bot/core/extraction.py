"""One article's quotations and events, extracted once its publication date is known or estimated."""

from __future__ import annotations

from typing import NamedTuple

from bot.core.article import Article
from bot.core.dates.events import Event, extract_events
from bot.core.quotes.quotations import Quote, extract_quotes
from bot.core.reading.undated import estimate_published


class Extracted(NamedTuple):
    """An article with what was extracted from it."""

    article: Article
    quotes: list[Quote]
    events: list[Event]


def extract(article: Article) -> Extracted:
    if article.published is None:
        article.published = estimate_published(article)  # first: relative dates need an anchor
    return Extracted(article, extract_quotes(article), extract_events(article))
