"""What the bot answered to one interaction: the callback, then any follow-ups and edits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TIMEOUT = 5.0
MESSAGE_CALLBACKS = (4, 7)  # CHANNEL_MESSAGE_WITH_SOURCE, UPDATE_MESSAGE
DEFERRED_CALLBACKS = (5, 6)  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, DEFERRED_UPDATE_MESSAGE


@dataclass
class Answer:
    """One request the bot made about an interaction."""

    kind: str  # "callback", "followup", "edit", "delete"
    body: dict[str, Any]
    message_id: int | None = None
    at: float = field(default_factory=time.perf_counter)  # when the emulator applied it


@dataclass
class Exchange:
    """An interaction the emulator sent and everything the bot sent back for it, in order."""

    payload: dict[str, Any]
    answers: list[Answer] = field(default_factory=list)
    original_message_id: int | None = None  # the message the callback created, or the one a button is on
    sent_at: float = field(default_factory=time.perf_counter)  # when the interaction was dispatched
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def id(self) -> int:
        return int(self.payload["id"])

    @property
    def token(self) -> str:
        return self.payload["token"]

    def record(self, answer: Answer) -> None:
        self.answers.append(answer)
        self._changed.set()

    async def wait(self, ready: Callable[[Exchange], Any], timeout: float = DEFAULT_TIMEOUT) -> Any:
        """Wait until `ready(self)` returns something truthy, and return it."""
        async with asyncio.timeout(timeout):
            while not (result := ready(self)):
                self._changed.clear()
                await self._changed.wait()
        return result

    @property
    def callback(self) -> dict[str, Any] | None:
        return next((a.body for a in self.answers if a.kind == "callback"), None)

    async def response(self, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
        """The callback body (`{"type": ..., "data": ...}`), once the bot has sent it."""
        return await self.wait(lambda ex: ex.callback, timeout)

    async def reply(self, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
        """The first message body the user sees: the callback's data, or after a deferral the next follow-up
        or edit of the original."""
        callback = await self.response(timeout)
        if callback["type"] in MESSAGE_CALLBACKS:
            return callback.get("data") or {}
        if callback["type"] not in DEFERRED_CALLBACKS:
            raise AssertionError(f"callback type {callback['type']} carries no message: {callback}")

        def first_message(ex: Exchange) -> Answer | None:
            return next((a for a in ex.answers if a.kind in ("followup", "edit")), None)

        answer = await self.wait(first_message, timeout)
        return answer.body

    async def choices(self, timeout: float = DEFAULT_TIMEOUT) -> list[dict[str, Any]]:
        """The autocomplete choices (callback type 8)."""
        callback = await self.response(timeout)
        if callback["type"] != 8:
            raise AssertionError(f"expected an autocomplete answer (type 8), got {callback}")
        return callback["data"]["choices"]
