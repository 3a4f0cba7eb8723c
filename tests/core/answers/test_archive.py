"""Answers about the archive itself: /corpus status, and what it counts."""

from __future__ import annotations

import datetime as dt

from bot.core.answers.archive import status_reply
from bot.core.corpus import Corpus


def test_status_counts_what_the_corpus_holds(corpus: Corpus) -> None:
    loaded = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    reply = status_reply(corpus, loaded)
    fields = {f.name: f.value for f in reply.pages[0].fields}
    assert fields["Articles"] == str(len(corpus.articles)) == str(reply.data["articles"])
    assert fields["Quotations"] == str(len(corpus.quotations())) == str(reply.data["quotes"])
    assert fields["Dated events"] == str(len(corpus.timeline_events()))
    assert "2026-01-02 03:04 UTC" in fields["Loaded"]
    assert status_reply(corpus, loaded, title="Corpus reloaded").pages[0].title == "Corpus reloaded"


def test_the_corpus_version_tells_two_loads_of_the_same_files_alike_and_a_changed_one_apart(corpus: Corpus) -> None:
    from bot.core.reading.news_file import parse_article

    same = Corpus.from_articles(list(corpus.articles.values()))
    assert same.version() == corpus.version() and len(corpus.version()) == 10
    changed = Corpus.from_articles(
        [*corpus.articles.values(), parse_article("extra", "A new one\\n\\nSome text here.")]
    )
    assert changed.version() != corpus.version()
    assert status_reply(corpus, dt.datetime(2026, 1, 2, tzinfo=dt.UTC)).data["version"] == corpus.version()
