"""Quotations found by their words: /quote search, and the quotation that answers a "who said …" question."""

from __future__ import annotations

import math

from bot.core.answers.questions import nothing_to_search
from bot.core.answers.quote import candidates, quote_reply, servable
from bot.core.corpus import Corpus
from bot.core.quotes.quotations import Quote
from bot.core.replies.markdown import echo, escape_markdown
from bot.core.replies.reply import Field, Page, Reply
from bot.core.search.query_match import groups_matched
from bot.core.text import truncate

MOST_SHOWN = 10  # quotation cards in one /quote search reply
WORDS_NEEDED = 2 / 3  # of the typed words a quotation must hold, when more than two were typed


def matching_quotes(corpus: Corpus, words: str) -> list[Quote]:
    """The attributed quotations holding the typed words (in any form, spelling or correction the search
    accepts): all of one or two words, two thirds of more; most words first, then the shortest quotation
    (the words make up more of it), then the archive's order."""
    index = corpus.index
    plan = index.plan(words)
    if not plan.groups:
        return []
    needed = len(plan.groups) if len(plan.groups) <= 2 else math.ceil(WORDS_NEEDED * len(plan.groups))
    scored = []
    for order, quote in enumerate(servable(corpus)):
        matched = groups_matched(index.vocabulary, plan, quote.text)
        if matched >= needed:
            scored.append((-matched, len(quote.text.split()), order, quote))
    return [quote for *_, quote in sorted(scored, key=lambda s: s[:3])]


def quote_card(corpus: Corpus, quote: Quote, footer: str) -> Page:
    """A quotation's card as /quote random shows it, with the id of the article it is in."""
    page = quote_reply(corpus, quote, {}).pages[0]
    page.fields.append(Field("Article id", f"`{quote.article_id}`", inline=True))
    page.footer = footer
    return page


def quote_data(corpus: Corpus, quote: Quote) -> dict[str, str | None]:
    return quote_reply(corpus, quote, {}).data["quote"]


def _glance(quotes: list[Quote]) -> str:
    lines = [
        f"`{rank}` “{escape_markdown(truncate(q.display_text, 90))}” — **{escape_markdown(truncate(q.who or '', 60))}**"
        for rank, q in enumerate(quotes, start=1)
    ]
    return truncate("\n".join(lines), 1000)


def search_reply(corpus: Corpus, text: str, speaker: str | None = None) -> Reply:
    """/quote search: the quotations with these words, best first, one card each; a notice when none has them."""
    text = (text or "").strip()
    if problem := nothing_to_search(corpus.index, text, example="volatile landscape"):
        return Reply.notice("Nothing to search for", problem, results=[])
    found = matching_quotes(corpus, text)
    if speaker and speaker.strip():
        by_them = {q.id for q in candidates(corpus, speaker=speaker)}
        found = [q for q in found if q.id in by_them]
    if not found:
        who = f" by {echo(speaker, 60)}" if speaker and speaker.strip() else ""
        return Reply.notice(
            "No quotation",
            f"No quotation{who} has the words {echo(text, 100)}. Fewer words may find one; "
            "`/article search` looks through whole articles.",
            results=[],
        )
    shown = found[:MOST_SHOWN]
    pages = [
        quote_card(corpus, q, f"Quotation {rank} of {len(found)} with the words “{truncate(text, 60)}”")
        for rank, q in enumerate(shown, start=1)
    ]
    if len(shown) > 1:
        pages[0].fields.append(Field(f"All {len(shown)} quotations", _glance(shown)))
    jumps = [(str(rank), rank - 1) for rank in range(1, len(shown) + 1)] if len(shown) > 1 else []
    return Reply(pages, data={"text": text, "results": [quote_data(corpus, q) for q in shown]}, jumps=jumps)
