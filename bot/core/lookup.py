"""The article an `article:` option names, by the same rules for every command that takes one."""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz, process

from bot.core.article import Article
from bot.core.lexicon import fold
from bot.core.thresholds import HEADLINE_GUESS, HEADLINE_GUESS_LEAD

MIN_HEADLINE_PART = 8  # fewer typed characters match too many headlines to mean one


def find_article(articles: Mapping[str, Article], key: str) -> Article | None:
    """The article `key` names, trying in turn: its id; the one id that begins with it; a headline equal to
    it; the one headline that contains it; when no headline contains it, the closest headline, if that one
    is a clear winner. Headlines are compared folded (case, accents, curly apostrophes); None when nothing
    or several fit."""
    if key in articles:
        return articles[key]
    key = key.strip()
    if not key:
        return None
    if key in articles:
        return articles[key]
    by_prefix = [article for article_id, article in articles.items() if article_id.startswith(key)]
    if len(by_prefix) == 1:
        return by_prefix[0]
    typed = fold(key)
    headlines = {article_id: fold(article.headline) for article_id, article in articles.items()}
    exact = [article_id for article_id, headline in headlines.items() if headline == typed]
    if exact:
        return articles[exact[0]]  # the same headline twice: the first (the others are flagged duplicates)
    partial = [article_id for article_id, headline in headlines.items() if typed in headline]
    if partial:  # a part of several headlines names none of them, nor a part too short to mean one
        return articles[partial[0]] if len(partial) == 1 and len(typed) >= MIN_HEADLINE_PART else None
    return _clear_winner(articles, headlines, typed)  # typed with slips, or in other words


def _clear_winner(articles: Mapping[str, Article], headlines: dict[str, str], typed: str) -> Article | None:
    """The headline closest to the typed text, when it is close enough and no other comes near it."""
    best = process.extract(typed, headlines, scorer=fuzz.WRatio, score_cutoff=HEADLINE_GUESS, limit=2)
    if not best or (len(best) > 1 and best[0][1] - best[1][1] < HEADLINE_GUESS_LEAD):
        return None
    return articles[best[0][2]]


def find_publication(publications: list[str], typed: str) -> str | None:
    """The publication a `publication:` option names: its name in any case; its name without "The"; its
    initials ("NYT", "FT"); the one name that contains what was typed ("economist"); or a clear fuzzy winner."""
    wanted = fold(typed.strip()).removeprefix("the ").strip()
    if not wanted:
        return None
    bare = {name: fold(name).removeprefix("the ").strip() for name in publications}
    for name, plain in bare.items():
        if plain == wanted or _initials(plain) == wanted.replace(".", "").replace(" ", ""):
            return name
    containing = [name for name, plain in bare.items() if wanted in plain]
    if len(containing) == 1:
        return containing[0]
    if containing:
        return None
    ranked = process.extract(wanted, bare, scorer=fuzz.WRatio, limit=2)
    if (
        ranked
        and ranked[0][1] >= HEADLINE_GUESS
        and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= HEADLINE_GUESS_LEAD)
    ):
        return ranked[0][2]
    return None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word)
