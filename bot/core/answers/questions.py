"""Searches asked as questions: who said something, what someone said, when something happened, and queries
that hold nothing to look for."""

from __future__ import annotations

import dataclasses
import re

from bot.core.answers.timeline import event_label
from bot.core.corpus import Corpus
from bot.core.lexicon import STOPWORDS
from bot.core.quotes.names import name_key
from bot.core.quotes.quotations import Quote
from bot.core.replies.markdown import echo
from bot.core.search.english import inflections
from bot.core.search.index import Hit, QueryPlan, SearchIndex
from bot.core.search.query_match import groups_matched, matched_offsets, nothing_to_match
from bot.core.search.vocabulary import TOKEN, canonical


def nothing_to_search(index: SearchIndex, query: str, example: str = "kharkiv counter-offensive") -> str | None:
    """A notice's text when a query holds nothing to look for ('the', '?!', '../../etc/passwd'), else None."""
    why = nothing_to_match(index, query)
    if why is None:
        return None
    return f"{echo(query, 80)} {why}. Type what you are looking for, e.g. `{example}`; `/article list` shows them all."


# "who said Ukraine's future is NATO", "who is quoted as saying …", "who called it 'word salad'"
_WHO_SAID = re.compile(
    r"^\s*who(?:'s|\s+is|\s+was)?\s+(?:quoted\s+(?:as\s+)?saying|said|says|say|told|wrote|claimed|declared|"
    r"warned|called\s+\w+|described\s+\w+\s+as)\b[\s,:]*(?:that\b)?\s*(.+?)\s*\??\s*$",
    re.I | re.S,
)
_QUOTE_MARKS = str.maketrans("", "", '“”"‘«»„')


def who_said(query: str) -> str | None:
    """The words of a 'who said …' question, without their quotation marks; None for any other query."""
    match = _WHO_SAID.match(query)
    if match is None:
        return None
    words = match.group(1).translate(_QUOTE_MARKS).strip(" '’.,")
    return words or None


# A question about what someone said: "what did Scholz say about Ukraine", "Putin quotes".
_SPEECH = re.compile(r"\b(?:say|says|said|saying|quote|quotes|quoted|told|tell|claim|claimed|warn|warned)\b", re.I)


def article_quotes(corpus: Corpus, article_id: str) -> list[Quote]:
    return [q for q in corpus.quotations() if q.article_id == article_id and q.who]


def _named_in(quote: Quote, typed: set[str]) -> bool:
    """Whether the query names the quotation's speaker (by a surname or a full name, any spelling)."""
    names = [n for n in (quote.speaker_full, quote.speaker) if n]
    return any(name_key(n).split()[-1:] and name_key(n).split()[-1] in typed for n in names)


def quoted_passages(corpus: Corpus, query: str, hits: list[Hit]) -> list[Hit]:
    """For a question about what someone said: each hit's passage becomes the quotation by a person the
    query names, and the articles that quote them come first (the order among each kind kept)."""
    if not _SPEECH.search(query):
        return hits
    typed = set(name_key(query).split())
    quoted: list[Hit] = []
    others: list[Hit] = []
    for hit in hits:
        by_them = [q for q in article_quotes(corpus, hit.article_id) if _named_in(q, typed)]
        if by_them:
            quoted.append(dataclasses.replace(hit, passage=by_them[0].sentence))
        else:
            others.append(hit)
    return quoted + others


# "when did the offensive begin", "when was Crimea annexed", "what year did the war start"
_WHEN = re.compile(r"^\s*(?:when|what\s+(?:date|day|year|month))\b", re.I)
_ASKED_VERB = re.compile(r"(\w+)\W*$")
_VERB_REACH = 40  # characters between the asked verb and the date for the date to be the verb's ('began on …')


def _verb_near(sentence: str, date_text: str, forms: set[str]) -> bool:
    """Whether a form of the question's last word stands next to the date in the sentence."""
    at = sentence.find(date_text)
    if at < 0 or not forms:
        return False
    return any(
        canonical(m.group().lower()) in forms and (at - _VERB_REACH <= m.start() <= at + len(date_text) + _VERB_REACH)
        for m in TOKEN.finditer(sentence)
    )


def dated_passages(corpus: Corpus, query: str, plan: QueryPlan, hits: list[Hit]) -> list[Hit]:
    """For a "when did …" question: each hit's passage becomes its dated sentence that answers it best — the
    one whose date goes with the question's verb ('when did it begin' → 'which began on September 5th'), then
    the one with most query words, then the date nearest to them — with the date in front; the articles that
    date it come first."""
    if not _WHEN.search(query):
        return hits
    verb = _ASKED_VERB.search(query)
    last_word = canonical(verb.group(1).lower()) if verb else ""
    forms = {last_word, *inflections(last_word)} - STOPWORDS if last_word else set()
    index = corpus.index
    dated: list[Hit] = []
    others: list[Hit] = []
    for hit in hits:
        scored = []
        for event in corpus.events:
            if event.article_id != hit.article_id or event.kind != "mention" or not event.resolved:
                continue
            matched = groups_matched(index.vocabulary, plan, event.sentence)
            if matched:
                at = event.sentence.find(event.text)
                near = min((abs(o - at) for o in matched_offsets(index.vocabulary, plan, event.sentence)), default=999)
                answers = _verb_near(event.sentence, event.text, forms)
                scored.append((not answers, -matched, near, event.start, event))
        if scored:
            best = min(scored, key=lambda s: s[:4])[4]
            dated.append(dataclasses.replace(hit, passage=f"{event_label(best)}: {best.sentence}"))
        else:
            others.append(hit)
    return dated + others
