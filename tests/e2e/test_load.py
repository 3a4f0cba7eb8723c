"""A small version of benchmarks/load.py: `python -m bot` answers every interaction of a concurrent burst."""

from __future__ import annotations

import collections

import pytest

from benchmarks.load import KINDS, run


@pytest.mark.slow
async def test_a_concurrent_burst_across_servers_loses_no_interaction():
    outcomes, refused = await run(interactions=200, users=10, servers=3, channels=2, bursts=1, think=0.0)
    assert len(outcomes) == 200
    assert [o for o in outcomes if o.latency_ms is None] == []  # lost: no answer within 10 s
    assert refused == 0  # no duplicate callback, nothing over Discord's limits
    assert set(collections.Counter(o.kind for o in outcomes)) == set(KINDS)
