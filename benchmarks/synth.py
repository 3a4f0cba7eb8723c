"""Deterministic synthetic corpora built from the seed paragraphs, with the queries to run against them."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from bot.archive.files import read_article
from bot.core.article import Article, PubDate
from bot.core.text import Sentence

ROOT = Path(__file__).resolve().parent.parent
PUBLICATIONS = [
    "The Economist",
    "Foreign Affairs",
    "The Guardian",
    "Reuters",
    "Kyiv Independent",
    "Financial Times",
    "Politico Europe",
    "Associated Press",
]
# (spelling in titles, spelling a reader may type instead)
VARIANTS = [
    ("Kyiv", "Kiev"),
    ("Kharkiv", "Kharkov"),
    ("Zelensky", "Zelenskiy"),
    ("Zelenskyy", "Zelensky"),
    ("Erdoğan", "Erdogan"),
    ("Hwasong", "Hwasoong"),
    ("Odesa", "Odessa"),
    ("Luhansk", "Lugansk"),
]
_WORD = re.compile(r"[A-Za-z’']+")


@dataclass
class SynthArticle:
    id: str
    headline: str
    standfirst: str
    paragraphs: list[str]
    published: dt.date
    publication: str

    def to_article(self) -> Article:
        # one placeholder sentence: splitting sentences is parsing cost, measured by the start-up benchmark
        return Article(
            id=self.id,
            headline=self.headline,
            paragraphs=self.paragraphs,
            standfirst=self.standfirst,
            publication=self.publication,
            published=PubDate(self.published),
            sentences=[Sentence(self.paragraphs[0], 0, len(self.paragraphs[0]), 0)],
        )

    def to_file_text(self) -> str:
        return (
            f"---\nheadline: {self.headline}\nstandfirst: {self.standfirst}\n"
            f"publication: {self.publication}\n"
            f"date: {self.published.isoformat()}\n---\n\n" + "\n\n".join(self.paragraphs) + "\n"
        )


def seed_text() -> tuple[list[str], list[str]]:
    """The seed paragraphs and sentences everything synthetic is made of."""
    paragraphs, sentences = [], []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        article = read_article(path)
        paragraphs += [p for p in article.paragraphs if len(p.split()) >= 20]
        sentences += [s.text for s in article.sentences if len(s.text.split()) >= 8]
    return paragraphs, sentences


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Made-up names ('Velorsk', 'Tamarovo') so the vocabulary grows with the corpus, as real news does."""
    onsets = [
        "b",
        "d",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "z",
        "br",
        "dr",
        "kr",
        "st",
        "tr",
        "zh",
        "sh",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
    endings = ["sk", "ov", "ino", "grad", "ia", "ets", "an", "or", "ville", "burg", "esh", "ara"]
    words = set()
    while len(words) < count:
        syllables = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(1, 3)))
        words.add((syllables + rng.choice(endings)).capitalize())
    return sorted(words)


def generate(size: int, seed: int = 2024) -> list[SynthArticle]:
    """`size` articles of 4–8 perturbed seed paragraphs, headlines from seed fragments, dated 2014–2026."""
    rng = random.Random(seed)
    paragraphs, sentences = seed_text()
    sentence_words = [s.split() for s in sentences]
    names = _pseudo_words(rng, max(2000, size // 2))
    start, span = dt.date(2014, 1, 1).toordinal(), (dt.date(2026, 12, 31) - dt.date(2014, 1, 1)).days
    articles = []
    for number in range(size):
        body = []
        for paragraph in rng.sample(paragraphs, rng.randint(4, 8)):
            words = paragraph.split()
            for _ in range(max(2, len(words) // 15)):  # swap in names so no two articles read the same
                words[rng.randrange(len(words))] = names[int(rng.paretovariate(1.2)) % len(names)]
            body.append(" ".join(words))
        first, second = rng.choice(sentence_words), rng.choice(sentence_words)
        cut = rng.randrange(max(1, len(first) - 5))
        title_words = first[cut : cut + rng.randint(3, 6)] + second[: rng.randint(2, 4)]
        title_words.insert(rng.randrange(len(title_words) + 1), rng.choice(names))
        if rng.random() < 0.3:
            title_words.insert(rng.randrange(len(title_words) + 1), rng.choice(VARIANTS)[0])
        headline = " ".join(title_words).strip(" ,.;:").replace("“", "").replace("”", "")
        articles.append(
            SynthArticle(
                id=f"synth_{number:06d}",
                headline=headline[:1].upper() + headline[1:],
                standfirst=rng.choice(sentences),
                paragraphs=body,
                published=dt.date.fromordinal(start + rng.randrange(span)),
                publication=rng.choice(PUBLICATIONS),
            )
        )
    return articles


def _typo(word: str, rng: random.Random) -> str:
    """One slip a hurried reader makes: a swapped, dropped, doubled or wrong letter."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "wrong"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioustrnl") + word[i + 1 :]


def queries(articles: list[SynthArticle], count: int = 100, seed: int = 7) -> dict[str, list]:
    """Keyword, headline-fragment and typo'd/transliterated headline queries (and the latter without the typos),
    plus autocomplete inputs."""
    rng = random.Random(seed)
    _, sentences = seed_text()
    keywords = []
    for _ in range(count):
        words = [w for w in _WORD.findall(rng.choice(sentences)) if len(w) > 3]
        keywords.append(" ".join(rng.sample(words, min(len(words), rng.randint(2, 3)))))
    fragments = [" ".join(a.headline.split()[: rng.randint(3, 5)]) for a in rng.sample(articles, count // 2)]
    typos = []  # (query, id of the article it was typed from)
    clean = []  # the same headline words and spelling variants, without the slips
    for article in rng.sample(articles, count):
        words = article.headline.split()
        for original, variant in VARIANTS:
            words = [variant if w == original else w for w in words]
        clean.append((" ".join(words), article.id))
        long_words = [i for i, w in enumerate(words) if len(_WORD.sub("", w)) == 0 and len(w) >= 5]
        if long_words:  # the longest word (often the rare name that identifies the article) and maybe one more
            chosen = {max(long_words, key=lambda i: len(words[i])), rng.choice(long_words)}
            for i in chosen:
                words[i] = _typo(words[i], rng)
        typos.append((" ".join(words), article.id))
    prefixes = []  # (what was typed so far, id of the article whose headline it begins)
    for article in rng.sample(articles, count * 2):
        prefixes.append((article.headline[: rng.randint(3, min(40, len(article.headline)))], article.id))
    # different inputs to warm each engine up with, so no answer is cached before it is timed
    warm = random.Random(seed + 1)
    warmup = [" ".join(a.headline.split()[:3]) for a in warm.sample(articles, min(20, len(articles)))]
    return {
        "keywords": keywords,
        "fragments": fragments,
        "typos": typos,
        "clean": clean,
        "prefixes": prefixes,
        "warmup": warmup,
    }


def write_files(articles: list[SynthArticle], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.id}.md").write_text(article.to_file_text(), encoding="utf-8")
