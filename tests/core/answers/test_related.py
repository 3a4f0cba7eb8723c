"""“Find articles about this”: a message's key terms, without its mentions, links, emoji and code."""

from __future__ import annotations

from bot.core.answers.related import key_terms, related_reply
from bot.core.corpus import Corpus


def test_noise_is_skipped_and_rare_archive_words_lead(corpus: Corpus) -> None:
    text = "<@!42> <#7> look `kherson` ```crimea``` https://a.b/kyiv <:ua:123> — Zelensky met Scholz about Taurus!"
    terms = key_terms(corpus, text)
    assert {"scholz", "taurus", "zelensky"} <= set(terms)
    assert not {"kherson", "crimea", "kyiv"} & set(terms)  # in code and a link: not the message's words
    idf = corpus.index.idf
    ids = corpus.index.vocabulary.ids
    assert [idf[ids[t]] for t in terms] == sorted((idf[ids[t]] for t in terms), reverse=True)


def test_everyday_and_question_words_are_no_key_terms(corpus: Corpus) -> None:
    assert key_terms(corpus, "What is happening around here this week? Tell me!") == []
    reply = related_reply(corpus, "What is happening around here this week? Tell me!")
    assert reply.ephemeral and reply.pages[0].title == "Nothing to search for"


def test_the_results_are_private_and_those_of_a_search(corpus: Corpus) -> None:
    reply = related_reply(corpus, "Anyone following the Kharkiv counter-offensive?")
    assert reply.ephemeral and reply.data["results"][0]["article_id"].startswith("000_")
