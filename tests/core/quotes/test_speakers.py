"""Where an article names each person, and whether as he or she: what a pronoun speaker refers to."""

from __future__ import annotations

from bot.core.article import Article
from bot.core.quotes.names import people_in
from bot.core.quotes.speakers import Cast
from bot.core.reading.news_file import parse_article

TEXT = """---
headline: Ferry service returns
date: 2024-03-02
---
Harbour master Tomas Berg and the ferry's owner, Ines Halloran, met on the quay on Friday.

Mr. Berg said the channel was clear. Ms. Halloran thanked the crew of the Northern Star.

The Ferry Workers Union welcomed the news. Dr. Quist, who inspected the boats, had no comment.
"""


def _cast(text: str = TEXT) -> tuple[Cast, Article]:
    article = parse_article("ferry", text)
    return Cast(article.body, people_in(article.body, article.lower_case_words), []), article


def test_genders_come_from_honorifics_roles_and_first_names() -> None:
    cast, _ = _cast()
    assert cast.genders["Tomas Berg"] == "he" and cast.genders["Ines Halloran"] == "she"
    assert "Quist" in cast.persons and "Quist" not in cast.genders  # "Dr." tells no gender


def test_mentions_cover_full_names_and_surnames_but_not_organisations() -> None:
    cast, article = _cast()
    named = {who for _, who in cast.mentions}
    assert {"Tomas Berg", "Ines Halloran", "Quist"} <= named
    assert not any("Union" in who for who in named)
    berg = [at for at, who in cast.mentions if who == "Tomas Berg"]
    assert article.body[berg[1] : berg[1] + 4] == "Berg"  # "Mr. Berg", by surname


def test_a_pronoun_is_the_nearest_person_of_its_gender_subject_first() -> None:
    cast, article = _cast()
    sentences = article.sentences
    last = len(sentences) - 1
    end = sentences[2].end  # after "Ms. Halloran thanked the crew …"
    assert cast.referent("she", end, sentences, 2, []) == "Ines Halloran"
    assert cast.referent("he", sentences[1].end, sentences, 1, []) == "Tomas Berg"
    # Dr. Quist's gender is untold: he may be the "he" of the sentence naming him
    assert cast.referent("he", sentences[last].end, sentences, last, []) == "Quist"


def test_names_inside_quotation_marks_are_not_mentions() -> None:
    text = TEXT.replace("Mr. Berg said the channel was clear.", "“Tell Berg the channel is clear,” she said.")
    article = parse_article("ferry", text)
    start = article.body.index("“")
    cast = Cast(
        article.body,
        people_in(article.body, article.lower_case_words),
        [(start, article.body.index("”") + 1)],
    )
    assert all(not (start <= at < start + 40) for at, _ in cast.mentions)


def test_an_address_is_not_a_person() -> None:
    text = TEXT.replace("Mr. Berg said the channel was clear.", "“Mr. President, open the port,” Mr. Berg said.")
    cast, _ = _cast(text)
    assert "President" not in cast.persons and "Tomas Berg" in cast.persons


def test_a_surname_two_people_share_goes_to_the_one_the_pronoun_fits() -> None:
    text = """---
headline: Family firm
date: 2024-03-02
---
Donald Roe founded the firm; his daughter Ivanka Roe runs it now.

On Friday Roe said the deal was done.
"""
    cast, article = _cast(text)
    sentences = article.sentences
    last = len(sentences) - 1
    assert cast.referent("he", sentences[last].end, sentences, last, []) == "Donald Roe"
    assert cast.referent("she", sentences[last].end, sentences, last, []) == "Ivanka Roe"
