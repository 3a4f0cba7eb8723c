"""Answer for /quote random: one attributed quotation, no repeats until all were shown."""

from __future__ import annotations

import random
import re

from rapidfuzz import fuzz, process

from bot.core import names
from bot.core.corpus import Corpus
from bot.core.lexicon import fold
from bot.core.quotes import Quote
from bot.core.replies import Action, Field, Page, Reply
from bot.core.text import truncate
from bot.core.thresholds import SPEAKER_WORD


def servable(corpus: Corpus) -> list[Quote]:
    """Quotations a user may be served: said by someone the article names, never scare quotes or terms."""
    return [q for q in corpus.quotations() if q.who]


def speakers(corpus: Corpus) -> list[str]:
    """Every speaker once, spelling variants merged, under the fullest name an article gives."""
    best: dict[str, str] = {}
    for quote in servable(corpus):
        name = quote.who or ""
        key = names.name_key(name)
        merged = next((k for k in best if names.same_person(k, key)), key)
        if len(name) > len(best.get(merged, "")):
            best[merged] = name
    return sorted(best.values())


def _speaker_matches(quote: Quote, wanted: str) -> bool:
    candidates = [c for c in (quote.speaker_full, quote.speaker, quote.role) if c]
    if any(names.same_person(wanted, c) for c in candidates):
        return True
    # Every typed word close to a word of the name: 'kofmann' → Kofman, 'zelenksy' → Zelensky.
    typed = names.name_key(wanted).split()
    return bool(typed) and any(
        all(any(fuzz.ratio(word, part) >= SPEAKER_WORD for part in names.name_key(c).split()) for word in typed)
        for c in candidates
    )


def _about(quote: Quote, topic: str) -> bool:
    """Every word of the topic starts a word of the quotation or its sentence ('sanction' → 'sanctions')."""
    words = set(re.findall(r"\w+", fold(f"{quote.text} {quote.sentence}")))
    return all(any(w.startswith(t) for w in words) for t in re.findall(r"\w+", fold(topic)))


def candidates(
    corpus: Corpus, speaker: str | None = None, article: str | None = None, topic: str | None = None
) -> list[Quote]:
    quotes = servable(corpus)
    if speaker and speaker.strip():
        quotes = [q for q in quotes if _speaker_matches(q, speaker)]
    if article and article.strip():
        found = corpus.article(article)
        quotes = [q for q in quotes if found and q.article_id == found.id]
    if topic and topic.strip():
        quotes = [q for q in quotes if _about(q, topic)]
    return quotes


def filter_key(corpus: Corpus, options: dict[str, str]) -> str:
    """The history key of a filter, so 'Zelenskiy' and 'zelensky' share one no-repeat cycle."""
    parts = []
    for name in sorted(options):
        value = options[name].strip()
        if not value:
            continue
        if name == "speaker":
            value = names.name_key(value)
        elif name == "article":
            found = corpus.article(value)
            value = found.id if found else value.lower()
        else:
            value = fold(value)
        parts.append(f"{name}={value}")
    return "|".join(parts)


def pick(quotes: list[Quote], shown: set[str], rng: random.Random, last: str | None = None) -> tuple[Quote, bool]:
    """A quote not shown yet; when every one was, the cycle restarts (second value True), never with `last`."""
    fresh = [q for q in quotes if q.id not in shown]
    if not fresh:
        again = [q for q in quotes if q.id != last] or quotes
        return rng.choice(again), True
    return rng.choice(fresh), False


def quote_reply(corpus: Corpus, quote: Quote, options: dict[str, str]) -> Reply:
    article = corpus.articles[quote.article_id]
    speaker = quote.who or "unattributed"
    role = quote.role if quote.role and fold(quote.role) != fold(speaker) else None
    attribution = f"— **{truncate(speaker, 200)}**" + (f", {truncate(role, 300)}" if role else "")
    context = f"\n\n> {truncate(quote.sentence, 1200)}" if quote.sentence.strip() != f"“{quote.text}”" else ""
    note = "\n*The closing quotation mark is missing in the source.*" if quote.unclosed else ""
    page = Page(
        title=f"“{truncate(quote.display_text, 240)}”",
        description=attribution + context + note,
        fields=[
            Field("Article", truncate(article.headline, 250)),
            Field("Published", " · ".join(p for p in (article.publication, article.date_label) if p)),
        ],
        footer=f"quote {quote.id}",
        url=article.url,
    )
    data = {
        "quote": {
            "id": quote.id,
            "text": quote.text,
            "speaker": quote.who,
            "role": quote.role,
            "article_id": quote.article_id,
            "headline": article.headline,
            "publication": article.publication,
            "date": article.date_label,
        }
    }
    return Reply([page], actions=[Action("Another quote", "quote random", options)], data=data)


def no_quote_reply(corpus: Corpus, speaker: str | None, article: str | None, topic: str | None = None) -> Reply:
    """An ephemeral notice naming the closest speakers and articles there are."""
    known = speakers(corpus)
    hints = []
    if speaker and speaker.strip():
        close = [m[0] for m in process.extract(speaker, known, scorer=fuzz.WRatio, limit=3)]
        hints.append("Closest speakers: " + (", ".join(close) or "none"))
    if article and article.strip():
        quoted = {q.article_id for q in servable(corpus)}
        headlines = {i: corpus.articles[i].headline for i in quoted}
        close = [m[0] for m in process.extract(article, headlines, scorer=fuzz.WRatio, limit=3)]
        hints.append("Articles with quotations: " + ("; ".join(f"“{h}”" for h in close) or "none"))
    if not hints or topic:
        hints.append("Speakers I know: " + (", ".join(known) or "none yet"))
    text = truncate("No quotation matches those filters. " + "\n".join(hints), 1800)
    return Reply.notice("No quotation", text, speakers=known)
