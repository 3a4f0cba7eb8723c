"""/corpus status: the counts it shows are the corpus's own."""

from __future__ import annotations

import datetime as dt

from bot.core.answers.status import status_reply
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
