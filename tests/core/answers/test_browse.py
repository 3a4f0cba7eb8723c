"""/article list: what the archive holds, newest first, paged, narrowed by publication and dates."""

from __future__ import annotations

from bot.core.answers.browse import PER_PAGE, list_reply
from bot.core.corpus import Corpus
from bot.core.reading.news_file import parse_article


def _archive(count: int) -> Corpus:
    """`count` short articles of two outlets, one a month from January 2020, and one undated."""
    texts = [
        f"Bridge report number {n}\n\nPublished: {2020 + n // 12}-{n % 12 + 1:02d}-15\n"
        f"Publication: {'The Daily Ledger' if n % 2 else 'Harbour Weekly'}\n\n"
        f"The bridge over the river was inspected for the {n}th time this year, engineers said.\n"
        for n in range(count)
    ]
    texts.append("An undated note\n\nThe ferry timetable changes in the spring, the operator said.\n")
    return Corpus.from_articles([parse_article(f"{n:03d}_list", text) for n, text in enumerate(texts)])


def test_every_article_is_listed_newest_first_a_page_at_a_time() -> None:
    corpus = _archive(20)
    reply = list_reply(corpus)
    listed = [r["article_id"] for r in reply.data["results"]]
    assert len(listed) == 21 and listed[0] == "019_list" and listed[-1] == "020_list"  # undated last
    assert listed[:20] == [f"{n:03d}_list" for n in range(19, -1, -1)]
    assert len(reply.pages) == 3 and reply.pages[0].description.count("\n› ") == PER_PAGE
    assert reply.pages[0].description.startswith("`1` **Bridge report number 19** · ")
    assert reply.pages[1].footer.startswith(f"Articles {PER_PAGE + 1}–{2 * PER_PAGE} of 21, newest first")


def test_the_list_is_narrowed_by_publication_and_dates_and_says_how() -> None:
    corpus = _archive(20)
    reply = list_reply(corpus, publication="daily ledger", start="2020", end="H1 2020")
    assert [r["article_id"] for r in reply.data["results"]] == ["005_list", "003_list", "001_list"]
    assert reply.pages[0].title == "Articles · The Daily Ledger · published Jan – Jun 2020"


def test_an_empty_list_and_an_unknown_publication_are_notices() -> None:
    corpus = _archive(3)
    empty = list_reply(corpus, start="since 2030")
    assert empty.ephemeral and "published since 2030" in empty.pages[0].description
    unknown = list_reply(corpus, publication="**Nowhere** Times")
    assert unknown.ephemeral and "\\*\\*Nowhere\\*\\* Times" in unknown.pages[0].description


def test_the_seeds_are_listed_newest_first(corpus: Corpus) -> None:
    reply = list_reply(corpus)
    dates = [r["date"] for r in reply.data["results"]]
    assert len(dates) == len(corpus.articles) and dates[0] == "19 Nov 2024" and dates[-1] == "15 Sep 2022"
    assert "\\[" not in reply.pages[0].description  # a devised title's brackets show as they are
