"""Answer for /article list: what the archive holds, newest first, paged, in the layout of search results."""

from __future__ import annotations

import datetime as dt

from bot.core.answers.article import glance_line, named_publication, publication_filters
from bot.core.article import Article
from bot.core.corpus import Corpus
from bot.core.reading.summary import summary
from bot.core.replies.reply import Page, Reply

PER_PAGE = 8  # results on a page: two lines each, well inside an embed's description
MOST_PAGES = 25  # beyond this, narrowing the list says more than paging through it


def _newest_first(article: Article) -> tuple[int, int]:
    """Newest publication first (by the last day its date covers), undated articles last."""
    if article.published is None:
        return (1, 0)
    return (0, -article.published.period().last.toordinal())


def _published_within(article: Article, first: dt.date | None, last: dt.date | None) -> bool:
    """Whether an article's publication date falls in the range, as /article search filters it; an undated
    article is in no range."""
    if first is None and last is None:
        return True
    if article.published is None:
        return False
    period = article.published.period()
    return (first is None or period.last >= first) and (last is None or period.first <= last)


def list_reply(
    corpus: Corpus, publication: str | None = None, start: str | None = None, end: str | None = None
) -> Reply:
    """Every article the filters allow, newest first: number, headline, publication and date, the start of its
    summary and its id, a page at a time."""
    first, last, period = publication_filters(start, end)
    named = named_publication(corpus, publication)
    if isinstance(named, Reply):
        return named
    chosen = sorted(
        (
            a
            for a in corpus.articles.values()
            if (named is None or a.publication == named) and _published_within(a, first, last)
        ),
        key=_newest_first,
    )
    scope = " · ".join(p for p in (named, f"published {period}" if period else None) if p)
    if not chosen:
        return Reply.notice(
            "No articles",
            f"No article is {scope or 'in the archive yet'}." + (" Try a wider range." if period else ""),
            results=[],
        )
    shown = chosen[: PER_PAGE * MOST_PAGES]
    title = f"Articles · {scope}" if scope else "The archive"
    pages = []
    for at in range(0, len(shown), PER_PAGE):
        lines = [
            glance_line(rank, article, summary(article) or article.headline) + f" · `{article.id}`"
            for rank, article in enumerate(shown[at : at + PER_PAGE], start=at + 1)
        ]
        more = len(chosen) - len(shown)
        if more and at + PER_PAGE >= len(shown):
            lines.append(f"…and {more} older — narrow the list with `publication:`, `start:` or `end:`.")
        upto = min(at + PER_PAGE, len(shown))
        footer = f"Articles {at + 1}–{upto} of {len(chosen)}, newest first · /article show opens one"
        pages.append(Page(title=title, description="\n".join(lines), footer=footer))
    data = {
        "filters": {"publication": named, "published": period},
        "total": len(chosen),
        "results": [{"article_id": a.id, "headline": a.headline, "date": a.date_label} for a in shown],
    }
    return Reply(pages, data=data)
