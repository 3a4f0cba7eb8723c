"""A saved news web page as article text: trafilatura's main text and metadata, in the parser's front matter."""

from __future__ import annotations

import re

import trafilatura

from bot.core.article import Article, CorpusError
from bot.core.articles import parse_article

MIN_WORDS = 40  # fewer words of main text: a page of navigation, a gallery or an error, not an article
_FIELDS = {
    "title": "headline",
    "description": "standfirst",
    "author": "author",
    "sitename": "publication",
    "date": "date",
    "url": "url",
}
_ONE_LINE = re.compile(r"\s+")


def page_text(html: str) -> str:
    """The page as the text parser reads files: its metadata (JSON-LD/OpenGraph/meta, as trafilatura
    finds it) as front matter, then its main text without navigation, comments or related links."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},  # no guessing from URLs
    )
    if document is None:
        return ""
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = (found.get("text") or "").strip()
    header = []
    for source, name in _FIELDS.items():
        value = _ONE_LINE.sub(" ", str(found.get(source) or "")).strip()
        if value:
            header.append(f"{name}: {value}")
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    return ("---\n" + "\n".join(header) + "\n---\n" if header else "") + "\n\n".join(paragraphs) + "\n"


def parse_webpage(article_id: str, html: str) -> Article:
    """An Article from a saved web page; a CorpusError when the page holds no article."""
    text = page_text(html)
    words = len(text.split("\n---\n", 1)[-1].split())
    if words < MIN_WORDS:
        raise CorpusError(f"{article_id}: no article text found in the page ({words} words of main text)")
    return parse_article(article_id, text)
