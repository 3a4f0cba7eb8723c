"""/article search and /article show: answers that read as answers, and nothing dropped without a word."""

from __future__ import annotations

import re

from bot.core.answers.article import fitted, search_reply, show_reply
from bot.core.answers.timeline import event_label
from bot.core.corpus import Corpus, one_per_sentence
from bot.core.reading.news_file import parse_article
from bot.core.replies import limits
from bot.core.replies.layout import layout

HARBOUR = """---
headline: Harbour plan splits the council
publication: The Test Gazette
date: 2024-03-04
---
Councillors met on Monday to argue over the harbour plan. Mayor Ann Harlow has backed the plan for a year.

Harlow's critics say the plan is too costly. Harlow herself has said little in public since the vote.
"""

QUOTED = """---
headline: Ferry fares to rise in spring
publication: The Test Gazette
date: 2024-03-05
---
Fares on the island ferry will rise in April, the operator said.

“We cannot keep the boats running at these prices,” said Ann Harlow, the mayor, who chairs the ferry board.
"""


def small_corpus(*texts: str) -> Corpus:
    return Corpus.from_articles([parse_article(f"{i:03d}_test", text) for i, text in enumerate(texts)])


def test_what_did_x_say_shows_the_article_quoting_x_first_with_the_quotation_as_passage() -> None:
    corpus = small_corpus(HARBOUR, QUOTED)
    plain = search_reply(corpus, "Harlow")
    assert plain.data["results"][0]["article_id"] == "000_test"  # she is named most in the harbour story
    asked = search_reply(corpus, "what did Harlow say")
    assert asked.data["results"][0]["article_id"] == "001_test"
    card = asked.pages[0]
    assert "We cannot keep the boats running" in card.description + "".join(f.value for f in card.fields)
    assert asked.data["corrections"] == {}  # 'what', 'did', 'say' are words, not typos


def test_what_did_scholz_say_in_the_seeds_shows_his_quotation(corpus: Corpus) -> None:
    reply = search_reply(corpus, "what did Scholz say about Ukraine")
    assert reply.data["results"][0]["article_id"].startswith("002_")
    passage = next(f.value for f in reply.pages[0].fields if f.name == "Matching passage")
    assert "Russia must not win" in passage


def test_fitted_keeps_whole_lines_and_says_how_many_more_and_where() -> None:
    lines = [f"line {i} " + "x" * 90 for i in range(40)]
    text = fitted(lines, "`/timeline article: 000_test`")
    assert len(text) <= limits.FIELD_VALUE
    shown = [line for line in text.split("\n") if line.startswith("line ")]
    assert shown == lines[: len(shown)]
    assert text.endswith(f"…and {40 - len(shown)} more — `/timeline article: 000_test`")
    assert fitted(lines[:3], "x") == "\n".join(lines[:3])


def test_article_show_lists_every_dated_event_or_says_where_the_rest_are(corpus: Corpus) -> None:
    for article_id in corpus.articles:
        reply = show_reply(corpus, article_id)
        fields = {f.name: f.value for f in reply.pages[0].fields}
        events = one_per_sentence(
            [e for e in corpus.events if e.article_id == article_id and e.kind == "mention" and e.resolved]
        )
        if not events:
            continue
        listed = fields["Dated events"]
        assert len(listed) <= limits.FIELD_VALUE
        shown = listed.count("\n**") + listed.startswith("**")
        tail = listed.rsplit("\n", 1)[-1]
        more = int(tail.split()[1]) if tail.startswith("…and ") else 0
        dates = {(event_label(e), e.tense == "expected") for e in events}  # one line per date, however many say it
        assert shown + more == len(dates), article_id
        assert len(dates) == len(set(re.findall(r"^\*\*(.+?)\*\*", listed, re.M))) + more
        if more:
            assert f"/timeline article: {article_id}" in listed


def test_the_first_page_lists_every_result_and_a_button_opens_each_card(corpus: Corpus) -> None:
    reply = search_reply(corpus, "ukraine russia war")
    results = reply.data["results"]
    assert len(results) == len(reply.pages) >= 4
    listing = next(f.value for f in reply.pages[0].fields if f.name == f"All {len(results)} results")
    assert "more —" not in listing  # five results fit at a glance
    for rank, result in enumerate(results, start=1):
        assert f"`{rank}` **" in listing
        assert reply.pages[rank - 1].title == corpus.articles[result["article_id"]].headline
    assert reply.jumps == [(str(rank), rank - 1) for rank in range(1, len(results) + 1)]
    opened = layout(reply, 2)
    gotos = opened.rows[1]
    assert [b.custom_id for b in gotos] == [f"goto:{i}" for i in range(len(results))]
    assert [b.disabled for b in gotos] == [i == 2 for i in range(len(results))]


def test_a_single_result_is_one_card_without_a_list() -> None:
    reply = search_reply(small_corpus(HARBOUR, QUOTED), "councillors")
    assert len(reply.pages) == 1 and reply.jumps == []
    assert not any(f.name.startswith("All ") for f in reply.pages[0].fields)


def test_a_card_never_shows_the_same_sentence_as_summary_and_passage(corpus: Corpus) -> None:
    for query in ("kharkiv", "taurus missiles", "crimea annexed", "tens of thousands readying", "peace talks"):
        for page in search_reply(corpus, query).pages:
            passage = next((f.value for f in page.fields if f.name == "Matching passage"), "")
            plain = passage.replace("**", "").replace("\\", "")
            assert not plain or plain not in page.description, (query, page.title)


BRIDGE = """---
headline: A new bridge for the island
publication: The Test Gazette
date: 2024-03-20
---
The island has waited decades for a fixed link, and traffic on the ferry kept growing all winter.

The bridge opened on 4 March 2024, after two years of work. Engineers had tested it in February.
"""


def test_when_did_shows_the_dated_sentence_with_its_date() -> None:
    corpus = small_corpus(HARBOUR, BRIDGE)
    reply = search_reply(corpus, "when did the bridge open")
    assert reply.data["results"][0]["article_id"] == "001_test"
    passage = next(f.value for f in reply.pages[0].fields if f.name == "Matching passage")
    assert passage.startswith("4 Mar 2024: The **bridge** **opened** on 4 March 2024")
    plain = search_reply(corpus, "bridge open")  # not a question: the passage has no date put in front
    assert "4 Mar 2024:" not in "".join(f.value for f in plain.pages[0].fields)
