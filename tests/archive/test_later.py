"""A list worked out when first read: once, whichever thread reads it first, and then an ordinary list."""

from __future__ import annotations

import pickle
import threading
import time

from bot.archive.later import Later


def test_a_later_list_is_filled_once_on_first_read_and_reads_as_a_list() -> None:
    calls = []

    def fill() -> list[int]:
        calls.append(1)
        return [3, 1, 2]

    later = Later(fill)
    assert calls == []
    assert len(later) == 3 and calls == [1]
    assert list(later) == [3, 1, 2] and sorted(later) == [1, 2, 3] and later[0] == 3 and later[-1:] == [2]
    assert 2 in later and later.index(1) == 1 and later.count(3) == 1 and list(reversed(later)) == [2, 1, 3]
    assert [0] + later == [0, 3, 1, 2] and later + [4] == [3, 1, 2, 4] and [*later, *later] == [3, 1, 2] * 2
    assert later == [3, 1, 2] and bool(later) and calls == [1]
    assert pickle.loads(pickle.dumps(later)) == [3, 1, 2] and type(pickle.loads(pickle.dumps(later))) is list


def test_readers_in_other_threads_wait_for_the_one_filling_it() -> None:
    started = threading.Event()

    def slow() -> list[str]:
        started.set()
        time.sleep(0.2)
        return ["a", "b"]

    later = Later(slow)
    seen: list[int] = []
    filler = threading.Thread(target=later.settle)
    filler.start()
    started.wait()
    readers = [threading.Thread(target=lambda: seen.append(len(later))) for _ in range(4)]
    for reader in readers:
        reader.start()
    for thread in (filler, *readers):
        thread.join()
    assert seen == [2, 2, 2, 2]


def test_an_empty_fill_is_an_empty_list() -> None:
    later = Later(list)
    assert not later and list(later) == [] and len(later) == 0
