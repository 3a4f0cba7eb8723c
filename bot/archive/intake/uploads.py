"""Articles uploaded or linked through Discord: previewed first, stored only when the uploader confirms."""

from __future__ import annotations

import re
import secrets
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bot.archive.files import parse_bytes
from bot.core.article import Article
from bot.core.extraction import Extracted, extract
from bot.core.reading.origins import is_page, source
from bot.core.replies.reply import Action, Field, Page, Reply
from bot.core.text import truncate

WAIT_SECONDS = 15 * 60  # an upload not confirmed by then is dropped
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


@dataclass
class Upload:
    name: str
    data: bytes
    user_id: int
    via: str = "upload"  # or "url": a page fetched from `source`
    source: str = ""
    original: str = ""  # the file's name as uploaded
    at: float = field(default_factory=time.monotonic)


class Uploads:
    """Uploads waiting for their uploader's Confirm, by token; a token is used once."""

    def __init__(self) -> None:
        self._waiting: dict[str, Upload] = {}

    def hold(self, upload: Upload) -> str:
        now = time.monotonic()
        self._waiting = {t: u for t, u in self._waiting.items() if now - u.at < WAIT_SECONDS}
        token = secrets.token_hex(8)
        self._waiting[token] = upload
        return token

    def take(self, token: str, user_id: int) -> Upload | None:
        """The upload, once, to the person who made it, while it is still waiting."""
        upload = self._waiting.get(token)
        if upload is None or upload.user_id != user_id or time.monotonic() - upload.at >= WAIT_SECONDS:
            return None
        return self._waiting.pop(token)


def safe_name(name: str) -> str:
    """A file name that stays inside the corpus folder on every system: 'Ünïcode ../x?.HTML' → 'Unicode_.._x_.html'."""
    path = Path(name.replace("\\", "/").rsplit("/", 1)[-1])
    stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    stem = _UNSAFE.sub("_", stem).strip("._-")[:80] or "article"
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    suffix = "".join(c for c in path.suffix.lower() if c.isascii() and c.isalnum())
    return stem + (f".{suffix}" if suffix else "")


def _date_source(article: Article) -> str:
    """'stated', or for a web page where on it: 'stated · JSON-LD', 'byline · visible page', 'extracted · htmldate'."""
    if not is_page(article):
        return article.published.provenance if article.published else ""
    kind, origin = source(article, "published")
    return kind if kind == origin else f"{kind} · {origin}"


def read(name: str, data: bytes) -> Extracted:
    """An upload's article and what it would add: run in the sandbox (bot.archive.intake.sandbox), for the preview."""
    return extract(parse_bytes(name, data))


def preview(extracted: Extracted, name: str, token: str) -> Reply:
    """What the uploaded file would add, privately, with Add it / Cancel buttons."""
    article = extracted.article
    quotes = [q for q in extracted.quotes if q.who]
    events = [e for e in extracted.events if e.kind == "mention" and e.resolved]
    date = f"{article.published.label()} ({_date_source(article)})" if article.published else "undated"
    fields = [
        Field("Publication", article.publication or "—", inline=True),
        Field("Date", date, inline=True),
        Field("Words", str(article.word_count), inline=True),
        Field("Quotations", f"{len(quotes)}" + "".join(f"\n“{truncate(q.text, 80)}” — {q.who}" for q in quotes[:2])),
        Field("Dated events", str(len(events)), inline=True),
        Field("Warnings", truncate("; ".join(article.warnings), 1000) or "none"),
    ]
    page = Page(
        title=f"Preview: {truncate(article.headline, 230)}",
        description=f"From `{truncate(name, 100)}`. Add it to the archive? Only you can see this.",
        fields=fields,
    )
    actions = [
        Action("Add it", "corpus add confirm", {"upload": token}),
        Action("Cancel", "corpus add cancel", {"upload": token}),
    ]
    return Reply([page], ephemeral=True, actions=actions, data={"upload": token, "headline": article.headline})
