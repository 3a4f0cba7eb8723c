"""Answer for /quote daily: one quotation per server per UTC day, the same for everyone, no repeat in a cycle."""

from __future__ import annotations

import datetime as dt
import hashlib

from bot.core.answers.quote import preferred, quote_reply, servable
from bot.core.corpus import Corpus
from bot.core.periods import period_label
from bot.core.quotes.quotations import Quote
from bot.core.replies.reply import Reply


def daily_quote(corpus: Corpus, server: int, day: dt.date) -> Quote | None:
    """The server's quotation for a day. Each server has its own fixed order of every quotation, and day
    after day walks through it, so none comes back before all have been shown (until the corpus changes).
    Spoken sentences only, when the archive has any: a word or two in quotation marks is no quote of the day."""
    pool = preferred(servable(corpus))
    if not pool:
        return None
    order = sorted(pool, key=lambda q: (hashlib.sha256(f"{server}:{q.id}".encode()).digest(), q.id))
    return order[day.toordinal() % len(order)]


def daily_reply(corpus: Corpus, server: int, day: dt.date) -> Reply:
    chosen = daily_quote(corpus, server, day)
    if chosen is None:
        return Reply.notice("No quotation yet", "The archive holds no attributed quotation to show.")
    reply = quote_reply(corpus, chosen, {})
    reply.actions = []  # one a day: there is no other to ask for
    page = reply.pages[0]
    page.footer = f"Quote of the day · {period_label(day, day, 'day')}"
    reply.data["day"] = day.isoformat()
    return reply
