"""Answer for /quote random: one attributed quotation, no repeats until all were shown."""

from __future__ import annotations

import random
import re

from rapidfuzz import fuzz, process

from bot.core.corpus import Corpus
from bot.core.lexicon import STOPWORDS, fold
from bot.core.quotes import names
from bot.core.quotes.quotations import Quote
from bot.core.replies.markdown import echo
from bot.core.replies.reply import Action, Field, Page, Reply
from bot.core.text import truncate
from bot.core.thresholds import SPEAKER_CHOICE, SPEAKER_WORD


def servable(corpus: Corpus) -> list[Quote]:
    """Quotations a user may be served: said by someone the article names, never scare quotes or terms."""
    return [q for q in corpus.quotations() if q.who]


SPOKEN_WORDS = 4  # a quotation this long is something said; shorter, only a whole sentence ('We will win.') is


def spoken(quote: Quote) -> bool:
    """Whether a quotation is a spoken sentence or clause, not a word or two someone used ('unacceptable.',
    'one nation'): what a card that offers 'a quotation' should show when there is a choice."""
    words = quote.text.split()
    ends = quote.text.rstrip(" ”’\"',;:").endswith((".", "!", "?", "…"))
    return len(words) >= SPOKEN_WORDS or (len(words) == SPOKEN_WORDS - 1 and ends and not quote.unclosed)


def preferred(quotes: list[Quote]) -> list[Quote]:
    """The spoken quotations among these when there are any, else all of them (a speaker quoted in one word)."""
    return [q for q in quotes if spoken(q)] or quotes


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


def _said(quote: Quote) -> str:
    """The quotation and its sentence without the speaker's name and role: a topic is what was said, and
    'Carnegie Endowment for International Peace' says nothing about peace."""
    sentence = quote.sentence
    for words in sorted({w for w in (quote.role, quote.speaker_full, quote.speaker) if w}, key=len, reverse=True):
        sentence = sentence.replace(words, " ")
    return f"{quote.text} {sentence}"


def _about(quote: Quote, topic: str) -> bool:
    """Every word of the topic starts a word of what was said ('sanction' → 'sanctions')."""
    words = set(re.findall(r"\w+", fold(_said(quote))))
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
    return preferred(quotes)


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


_TITLE = 240  # Discord cuts a title at 256 characters: a longer quotation goes whole into the description
_SAYING = frozenset("said says say asked asks added adds noted notes told tells according wrote writes".split())


def _context(quote: Quote) -> str | None:
    """The quote's sentence with the quotation as “…”, when it tells more than who spoke (“…,” Kofman said)."""
    gap = "“…,”" if quote.text.rstrip().endswith(",") else "“…”"  # (“…,” she said) keeps its comma
    printed = next((p for p in (f"“{quote.text}”", f"“{quote.text}") if p in quote.sentence), None)
    if printed is None:  # unclosed to the sentence's end, or cut: the quotation alone says it all
        return None
    rest = quote.sentence.replace(printed, gap, 1)
    known = set(re.findall(r"\w+", fold(" ".join(w for w in (quote.speaker, quote.speaker_full, quote.role) if w))))
    telling = [w for w in re.findall(r"\w+", fold(rest)) if w not in known | _SAYING | STOPWORDS]
    return rest if telling else None


def _footer(matching: int, restarted: bool, filtered: bool, shown: int | None) -> str:
    which = " matching these filters" if filtered else ""
    if matching <= 1:
        return f"The only quotation{which}"
    if shown is None:
        return f"{matching} quotations{which}"
    text = f"Shown here: {shown} of {matching} quotations{which}"
    return text + (" · all had been shown, so a new round began" if restarted else "")


def quote_reply(
    corpus: Corpus,
    quote: Quote,
    options: dict[str, str],
    matching: int = 2,
    restarted: bool = False,
    shown: int | None = None,
) -> Reply:
    """A quote card: the quotation once (as the title, or whole in the description when too long), who said
    it, the rest of its sentence when that says more, and how far this channel is through the quotations the
    filters match (`shown`, this one included)."""
    article = corpus.articles[quote.article_id]
    speaker = quote.who or "unattributed"
    context = _context(quote)
    role = quote.role if quote.role and fold(quote.role) != fold(speaker) else None
    if role and context and role in context:
        role = None  # the sentence names the role already
    attribution = f"— **{truncate(speaker, 200)}**" + (f", {truncate(role, 300)}" if role else "")
    quotation = f"“{quote.display_text}”"
    if len(quotation) <= _TITLE:
        title, description = quotation, attribution
    else:
        title, description = f"Quotation from {truncate(speaker, 200)}", f"{truncate(quotation, 1500)}\n{attribution}"
    if context:
        description += f"\n\n> {truncate(context, 1200)}"
    if quote.unclosed:
        description += "\n*The closing quotation mark is missing in the source.*"
    page = Page(
        title=title,
        description=description,
        fields=[
            Field("Article", truncate(article.headline, 250)),
            Field("Published", " · ".join(p for p in (article.publication, article.date_label) if p)),
        ],
        footer=_footer(matching, restarted, any(v.strip() for v in options.values()), shown),
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
        },
        "matching": matching,
    }
    label = "Another quote" if matching > 1 else "Show it again (the only one)"
    return Reply([page], actions=[Action(label, "quote random", options)], data=data)


def closeness(typed: str, name: str) -> float:
    """How close a typed name is to a speaker's, 0–100: its best word against theirs, a word's start counting
    in full ('zel' → Zelensky, 'kofmann' → Kofman); 'Putin' is not close to 'the Kremlin'."""
    typed_words = [w for w in names.name_key(typed).split() if w not in STOPWORDS]
    name_words = [w for w in names.name_key(name).split() if w not in STOPWORDS]
    return max(
        (100.0 if len(t) >= 3 and n.startswith(t) else fuzz.ratio(t, n) for t in typed_words for n in name_words),
        default=0.0,
    )


def closest_speakers(known: list[str], typed: str, limit: int = 3) -> list[str]:
    """The speakers closest to what was typed, closest first; none when nobody is close."""
    scored = sorted(((closeness(typed, name), name) for name in known), key=lambda pair: -pair[0])
    return [name for score, name in scored if score >= SPEAKER_CHOICE][:limit]


def _quoted_in(corpus: Corpus, quotes: list[Quote]) -> str:
    ids = list(dict.fromkeys(q.article_id for q in quotes))
    return "; ".join(f"“{truncate(corpus.articles[i].headline, 80)}” (`{i}`)" for i in ids)


def no_quote_reply(corpus: Corpus, speaker: str | None, article: str | None, topic: str | None = None) -> Reply:
    """An ephemeral notice saying which filter found nothing, and what there is instead."""
    known = speakers(corpus)
    speaker, article, topic = (v.strip() if v else "" for v in (speaker, article, topic))
    found = corpus.article(article) if article else None
    hints = []
    by_speaker = candidates(corpus, speaker=speaker) if speaker else []
    if speaker and not by_speaker:
        close = closest_speakers(known, speaker)
        if close:
            hints.append(f"Nobody quoted is called {echo(speaker, 60)}. Closest speakers: " + ", ".join(close))
        else:
            hints.append(
                f"Nobody called {echo(speaker, 60)} is quoted in these articles. "
                "Speakers quoted: " + (", ".join(known) or "none yet")
            )
    elif speaker and found and not [q for q in by_speaker if q.article_id == found.id]:
        who = ", ".join(dict.fromkeys(q.who or "" for q in by_speaker))
        in_article = list(dict.fromkeys(q.who for q in servable(corpus) if q.article_id == found.id))
        hints.append(f"{who} is not quoted in “{truncate(found.headline, 80)}” (`{found.id}`).")
        hints.append(f"{who} is quoted in {_quoted_in(corpus, by_speaker)}.")
        hints.append(
            f"Quoted in that article: {', '.join(in_article)}." if in_article else "That article quotes nobody by name."
        )
    if article and (found is None or not speaker):
        quoted = {q.article_id for q in servable(corpus)}
        if found is not None:
            hints.append(f"“{truncate(found.headline, 80)}” (`{found.id}`) quotes nobody by name.")
        else:
            hints.append(f"No article is called {echo(article, 60)}.")
        headlines = {i: corpus.articles[i].headline for i in quoted}
        close = [m[0] for m in process.extract(article, headlines, scorer=fuzz.WRatio, limit=3)]
        hints.append("Articles with quotations: " + ("; ".join(f"“{h}”" for h in close) or "none"))
    if topic and not hints:
        narrowed = candidates(corpus, speaker=speaker, article=article)
        about = f"about {echo(topic, 60)}"
        hints.append(
            f"The only quotation these filters allow is not {about}."
            if len(narrowed) == 1
            else f"None of the {len(narrowed)} quotations these filters allow is {about}."
        )
    if not hints:
        hints.append("Speakers I know: " + (", ".join(known) or "none yet"))
    text = truncate("No quotation matches those filters. " + "\n".join(hints), 1800)
    return Reply.notice("No quotation", text, speakers=known)
