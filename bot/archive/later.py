"""A list worked out when first read: an archive's quotations and events, unpacked after it starts answering."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any


class Later(list):
    """A list worked out when first read, by whichever thread reads it first (the others wait): a large archive's
    quotations and events, unpacked after it starts answering searches. Read only; pickled as a plain list."""

    def __init__(self, fill: Callable[[], list]) -> None:
        super().__init__()
        self._fill: Callable[[], list] | None = fill
        self._lock = threading.Lock()

    def settle(self) -> Later:
        if self._fill is not None:
            with self._lock:
                if self._fill is not None:
                    list.extend(self, self._fill())
                    self._fill = None
        return self

    def __iter__(self) -> Iterator[Any]:
        return list.__iter__(self.settle())

    def __reversed__(self) -> Iterator[Any]:
        return list.__reversed__(self.settle())

    def __len__(self) -> int:
        return list.__len__(self.settle())

    def __getitem__(self, item: Any) -> Any:
        return list.__getitem__(self.settle(), item)

    def __contains__(self, item: object) -> bool:
        return list.__contains__(self.settle(), item)

    def __eq__(self, other: object) -> bool:
        return list.__eq__(self.settle(), other)

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: list) -> list:  # type: ignore[override]
        return list(self) + other

    def __radd__(self, other: list) -> list:
        return other + list(self)

    def __repr__(self) -> str:
        return list.__repr__(self.settle())

    def __reduce__(self) -> tuple[type[list], tuple[list]]:
        return list, (list(self),)

    def copy(self) -> list:
        return list(self)

    def index(self, *args: Any) -> int:
        return list.index(self.settle(), *args)

    def count(self, item: Any) -> int:
        return list.count(self.settle(), item)
