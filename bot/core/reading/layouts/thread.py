"""Threads exported from messaging apps (WhatsApp, Telegram, Signal, Discord and the like): every post with
its own timestamp, written back as "[2024-03-12 09:14] Lena Park: …" so that its dates count from it."""

from __future__ import annotations

import datetime as dt
import re

# "[12/03/2024, 09:14:22] Lena Park: …", "12/03/2024, 09:14 - Lena Park: …", "3/12/24, 9:14 AM - Lena: …",
# "[2024-03-12 09:14] Lena: …", "12.03.24, 09:14 - Lena: …"
POST = re.compile(
    r"^\[?(?P<a>\d{1,4})[./-](?P<b>\d{1,2})[./-](?P<c>\d{2,4}),?\s+(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"(?:\s?[APap]\.?[Mm]\.?)?)\]?\s*(?:[-–—]\s+)?(?P<name>[^:\[\]]{1,40}?):\s*(?P<text>.*)$"
)
_TITLE = re.compile(
    r"^(?:(?P<app>WhatsApp|Telegram|Signal|Discord|Slack|Messenger|iMessage)\s+)?(?:chat|group|channel|thread|"
    r"conversation)?\s*(?:export(?:ed)?|history|log)?\s*(?:with|from|of|in|:|—|-)?\s*(?P<name>.*)$",
    re.I,
)
_APPS = re.compile(r"\b(WhatsApp|Telegram|Signal|Discord|Slack|Messenger|iMessage)\b", re.I)
_SYSTEM = re.compile(
    r"end-to-end encrypted|created (?:the )?group|added|left$|joined|changed the (?:subject|group)", re.I
)
MIN_POSTS = 3
STAMP = "[{day} {clock}] {name}: {text}"  # each post as the bot writes it back


def is_thread(lines: list[str]) -> bool:
    return sum(bool(POST.match(line.strip())) for line in lines) >= MIN_POSTS


def _day_first(posts: list[re.Match[str]]) -> bool:
    """Whether the export writes its dates day first: a day above 12 decides; else a 12-hour clock is the
    American order, a 24-hour one the European."""
    for post in posts:
        if len(post["a"]) == 4:
            return False  # ISO: year first
        if int(post["a"]) > 12:
            return True
        if int(post["b"]) > 12:
            return False
    return not any(re.search(r"[APap]\.?[Mm]", post["time"]) for post in posts)


def _day(post: re.Match[str], day_first: bool) -> dt.date | None:
    a, b, c = int(post["a"]), int(post["b"]), int(post["c"])
    if len(post["a"]) == 4:
        year, month, day = a, b, c
    else:
        year = c + 2000 if c < 100 else c
        day, month = (a, b) if day_first else (b, a)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _clock(text: str) -> str:
    match = re.match(r"(\d{1,2})[:.](\d{2})", text)
    hour, minute = int(match[1]), int(match[2])
    if re.search(r"[Pp]\.?[Mm]", text) and hour < 12:
        hour += 12
    elif re.search(r"[Aa]\.?[Mm]", text) and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def read_thread(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The thread's fields (headline: its title line, else the group's name; publication: the app; date:
    its first post's day, ISO) and its posts, one paragraph each, with their own days."""
    filled = [line.strip() for line in lines if line.strip()]
    matches = [POST.match(line) for line in filled]
    day_first = _day_first([m for m in matches if m])
    fields: dict[str, str] = {}
    posts: list[str] = []
    for line, match in zip(filled, matches, strict=True):
        if match is None:
            if posts:
                posts[-1] += " " + line  # a message of several lines
            elif "headline" not in fields:
                title = _TITLE.match(line)
                fields["headline"] = (title["name"] if title and title["name"] else line).strip(" :—-")
                if app := _APPS.search(line):
                    fields["publication"] = app.group(1)
            continue
        day = _day(match, day_first)
        if day is None or _SYSTEM.search(match["text"]) and not match["text"].strip().endswith((".", "!", "?")):
            continue
        fields.setdefault("date", day.isoformat())
        text = match["text"].strip() or "…"
        posts.append(
            STAMP.format(day=day.isoformat(), clock=_clock(match["time"]), name=match["name"].strip(), text=text)
        )
    return fields, posts
