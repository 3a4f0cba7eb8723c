"""Autocomplete choices for every option: headlines, queries, publications, speakers."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.core.answers import quote
from bot.core.corpus import Corpus
from bot.core.lexicon import fold
from bot.core.replies.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME, CHOICE_VALUE
from bot.core.text import truncate
from bot.core.thresholds import SPEAKER_CHOICE


def speakers(corpus: Corpus) -> list[str]:
    """The speakers worth offering, worked out once per corpus, not per keystroke: named people and bodies ("the
    Kremlin") first, never a long description ("leaders at last year's summit in Vilnius"), which a user types
    words of rather than picks."""
    return corpus.derived(_offered)


def _offered(corpus: Corpus) -> list[str]:
    known = [name for name in quote.speakers(corpus) if name[:1].isupper() or len(name.split()) <= 3]
    return sorted(known, key=lambda name: not name[:1].isupper())


def rank_speakers(known: list[str], current: str) -> list[str]:
    """Names with a word starting with what was typed first ('zel' → Zelensky), then close spellings."""
    typed = fold(current.strip())
    if not typed:
        return known
    folded = [fold(n) for n in known]
    prefixed = [
        known[i]
        for i, name in enumerate(folded)
        if name.startswith(typed) or any(word.startswith(typed) for word in name.split())
    ]
    if prefixed and len(typed) < 4:
        return prefixed  # a few letters match too much by fuzzy scoring to be worth adding
    ranked = process.extract(typed, folded, scorer=fuzz.WRatio, limit=AUTOCOMPLETE_CHOICES, score_cutoff=SPEAKER_CHOICE)
    return list(dict.fromkeys(prefixed + [known[i] for _, _, i in ranked]))


def choices(corpus: Corpus, option: str, current: str) -> list[tuple[str, str]]:
    """Up to 25 (name, value) pairs for one option, each within Discord's 100 characters."""
    index = corpus.index
    current = current or ""
    if option == "article":
        pairs = index.suggest(current, limit=AUTOCOMPLETE_CHOICES)
    elif option == "query":
        pairs = [(headline, headline) for headline, _ in index.suggest(current, limit=AUTOCOMPLETE_CHOICES)]
        plan = index.plan(current) if current.strip() else None
        read = plan and (plan.corrections or any(typed != word for typed, word in plan.readings.items()))
        if read:  # offer the corrected spelling first: 'zelenksy' → 'zelensky', 'Харків' → 'kharkiv'
            pairs.insert(0, (plan.corrected_text(), plan.corrected_text()))
    elif option == "publication":
        pairs = [(name, name) for name in index.suggest_publications(current, limit=AUTOCOMPLETE_CHOICES)]
    elif option == "speaker":
        pairs = [(name, name) for name in rank_speakers(speakers(corpus), current)]
    else:
        pairs = []
    return [
        (truncate(name, CHOICE_NAME), truncate(value, CHOICE_VALUE))
        for name, value in pairs[:AUTOCOMPLETE_CHOICES]
        if name.strip() and value.strip()
    ]
