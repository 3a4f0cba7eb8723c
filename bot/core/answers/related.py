"""Answer for the "Find articles about this" message menu: a message's key terms, searched."""

from __future__ import annotations

import re

from bot.core.answers.article import search_reply
from bot.core.answers.questions import who_said
from bot.core.corpus import Corpus
from bot.core.lexicon import QUERY_FILLER, STOPWORDS
from bot.core.replies.reply import Reply
from bot.core.search.english import is_everyday_word
from bot.core.search.vocabulary import TOKEN, canonical

QUESTION_LENGTH = 300  # a message this long or shorter that asks "who said …" is that question
MOST_TERMS = 6  # the rarest words of a message that the archive prints; more only dilute the search
# What a Discord message holds that names nothing: code, links, mentions, custom emoji, markdown marks.
_NOISE = re.compile(r"```.*?```|`[^`]*`|https?://\S+|<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|[*_~|>]+", re.S)


def key_terms(corpus: Corpus, text: str) -> list[str]:
    """The words of a message worth searching for: words the archive prints, rarest first, in the form typed."""
    index = corpus.index
    vocabulary = index.vocabulary
    seen: dict[str, float] = {}
    for word in TOKEN.findall(_NOISE.sub(" ", text)):
        term = canonical(word.lower())
        if term in STOPWORDS or term in QUERY_FILLER or len(term) < 3 or term in seen or is_everyday_word(term):
            continue
        term_id = vocabulary.id(term)  # not ids.get: an older view's ids may hold terms added since
        if term_id is not None:
            seen[term] = float(index.idf[term_id])
    return sorted(seen, key=lambda term: -seen[term])[:MOST_TERMS]


def related_reply(corpus: Corpus, text: str) -> Reply:
    """The /article search results for a message's key terms, privately; a clear word when it has none. A
    message asking "who said …" is searched as that question: the quotation and its speaker come first."""
    question = " ".join(_NOISE.sub(" ", text).split())
    if who_said(question) and len(question) <= QUESTION_LENGTH:
        reply = search_reply(corpus, question)
        reply.ephemeral = True
        return reply
    terms = key_terms(corpus, text)
    if not terms:
        return Reply.notice(
            "Nothing to search for",
            "That message has no words the archive knows (links, mentions, emoji and code are skipped).",
            terms=[],
        )
    reply = search_reply(corpus, " ".join(terms))
    reply.ephemeral = True
    reply.data["terms"] = terms
    return reply
