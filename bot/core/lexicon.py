"""Words the core matches on: folding, one key per spelling, stop words and number words."""

from __future__ import annotations

import re
import unicodedata

from bot.core.periods import MONTH_NAMES, WEEKDAY_NAMES
from bot.core.script import has_cyrillic, latin


def fold(text: str) -> str:
    """Lower case without accents, with straight apostrophes and ß as ss: 'Erdoğan’s' → "erdogan's".

    One folding for names, headlines, typed filters and index terms alike, so that whatever a user types is
    compared with what the corpus prints in one form. Cyrillic is read in Latin letters ('Київ' → 'kyiv'), before
    the accents go: 'й' and 'ї' are letters of their own, not 'и' and 'і' with a mark."""
    text = text.replace("’", "'")
    if text.isascii():  # most words: nothing else to do
        return text.lower()
    if has_cyrillic(text):
        text = latin(text)
    # NFKD before lower case, so that compatibility letters ('ᴬ', 'ϒ') fold to lower-case letters too;
    # ß after it, as the lower case of ẞ is ß.
    text = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("ß", "ss")
    if has_cyrillic(text):  # a letter the transliteration lacks, read once its mark is gone ('Ӭ' → 'э' → 'e')
        text = latin(text)
    return text


# Place and people names written differently by different outlets and transliterations; the right-hand
# spelling is the key every variant shares (after folding). Names in -iy/-yy/-yi/-ii/-yj need no entry
# here: _SURNAME_ENDING gives them one key ('zelenskiy', 'zelenskyy' → 'zelensky').
SPELLING_VARIANTS = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "lvov": "lviv",
    "lugansk": "luhansk",
    "nikolaev": "mykolaiv",
    "nikolayev": "mykolaiv",
    "chernigov": "chernihiv",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
    "rovno": "rivne",
    "dnepr": "dnipro",
    "hwasoong": "hwasong",
    "selenskyj": "zelensky",
    "zelenski": "zelensky",
    "medvedyev": "medvedev",
    "peskoff": "peskov",
    "kadirov": "kadyrov",
    "gaddafi": "qaddafi",
    "kadhafi": "qaddafi",
}
# Ukrainian and Russian surnames end in -iy, -yy, -yi or -ii in different transliterations.
_SURNAME_ENDING = re.compile(r"(?<=[sc]k)(?:iy|yy|yi|ii|yj)$")


def spelling_key(word: str) -> str:
    """The key every spelling of a folded word shares: Kiev/Kyiv, Zelenskiy/Zelenskyy/Zelensky."""
    word = SPELLING_VARIANTS.get(word, word)
    return _SURNAME_ENDING.sub("y", word) if len(word) > 5 else word


_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]+\b")


def lower_case_words(text: str) -> frozenset[str]:
    """The words a text prints in lower case ("ukraine’s" and "well-armed" are words)."""
    return frozenset(_LOWER_WORD.findall(text))


# Three stop-word lists, for three jobs; each list is what its job was tuned with, and merging them would
# change results: the search list drives every BM25 score (adding "new" or "time" would stop 'New York'
# and 'Times' from ranking), the review's decides which capitalised headline words the body must use,
# and the names' list which capitalised words can never be part of a person's name.

# Search: dropped from the index and from queries that have other words; they match nearly every article.
STOPWORDS = frozenset(
    """
a about after again all also am an and any are as at be because been before being but by can could did do
does doing don down during each few for from further had has have having he her here hers him his how i if
in into is it its itself just ll me more most my no nor not now of off on once only or other our ours out
over own re s same she should so some such t than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom why will with
would you your
""".split()
)

# Queries: the words a question is asked with ("what did Scholz say about Ukraine", "tell me about drones",
# "@everyone bakhmut"); they name nothing to look for, so they carry no weight when other words are typed.
QUERY_FILLER = frozenset(
    """say says said saying tell tells told happen happens happened happening please show find know think
    thinks news latest anything something everything everyone anyone somebody anybody""".split()
)

# Review: words of a headline or standfirst that name nothing, so the body need not print them.
REVIEW_STOPWORDS = frozenset(
    """a an the and or but of to in on at for with by from as is are was were be been it its this that
these those why how what who will would should could can may might must not no now than then so into over
after before about up out more most less new one two his her their our your we they he she you time""".split()
)

# Names: words printed capitalised that cannot be (part of) a person's name.
# Titles printed abbreviated, with a full stop ("Sen.", "Lt.", "Del." for a delegate): the stop ends no
# sentence, and the word is no name.
TITLE_ABBREVIATIONS = (
    "Mr Mrs Ms Miss Dr Sen Sens Rep Reps Gov Gen Lt Col Sgt Rev Adm Prof Capt Maj Cmdr Atty Amb Pres Supt Det "
    "Insp Fr Del Brig Cpl Pvt"
).split()
NOT_NAME_WORDS = frozenset(
    """
    the a an in on at but and if as so for of to with when while this that these those its his her their
    our my after before since under during although though because given every each whereas however thus
    once only even also then there here what why how who last next some many most all both no now yet
    president former chancellor mayor governor commander spokesman spokeswoman deputy head chief senior
    official adviser advisor envoy king queen pope prime minister mr mrs ms dr gen general senator sen
    rep gov secretary chairman ambassador says said according european russian ukrainian american
    western german turkish north south united states union kremlin white house nato congress pentagon
    carnegie endowment institute council ministry foreign affairs defense defence war russia ukraine
    america europe germany britain china iran turkey moscow kyiv kiev washington brussels crimea donbas
    kharkiv republicans democrats administration west east sea black eurasia program international peace
    security atlantic republican democrat democratic gop libertarian conservative liberal rival candidate
    nominee
    """.split()
) | {name.lower() for name in MONTH_NAMES + WEEKDAY_NAMES}

# Counts written as words: "two weeks ago".
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
