"""What the timeline chart shows: events counted per month or year, stacked by source article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

WIDE_YEARS = 4  # events spread over more years than this are counted per year, else per month
MAX_SERIES = 6  # articles drawn in their own colour; the rest share one bar segment


@dataclass(frozen=True)
class ChartData:
    """Bars of a timeline chart: one count per bin for each source, precise and approximate kept apart."""

    title: str
    unit: str  # "month" or "year"
    bins: list[str]  # "2022-09" or "2022", in order
    precise: dict[str, list[int]] = field(default_factory=dict)  # source headline → events per bin
    approximate: list[int] = field(default_factory=list)  # events per bin dated only roughly (any source)
    shaded: tuple[int, int] | None = None  # first and last bin of the period asked for
    # events dated more coarsely than a bin ('2022' or 'spring 2022' in a chart by month), by the period they
    # are dated by: counted, not drawn
    coarser: dict[str, int] = field(default_factory=dict)

    def totals(self) -> list[int]:
        return [sum(counts[i] for counts in self.precise.values()) + self.approximate[i] for i in range(len(self.bins))]

    def coarser_note(self) -> str:
        """'+2 dated only by season, +3 only by year': what the bars leave out, by the period it is dated by."""
        parts = [
            f"+{count} {'dated ' if not i else ''}only by {unit}"
            for i, (unit, count) in enumerate(self.coarser.items())
        ]
        return ", ".join(parts)


def _bin(day: dt.date, unit: str) -> str:
    return f"{day.year}" if unit == "year" else f"{day.year}-{day.month:02d}"


def _bins(first: dt.date, last: dt.date, unit: str) -> list[str]:
    if unit == "year":
        return [str(year) for year in range(first.year, last.year + 1)]
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def chart_data(events: list[dict[str, Any]], period: dict[str, str] | None, title: str) -> ChartData:
    """Count a timeline reply's events (its `data["events"]`) per bin. An event goes in the bin of its first
    day, and counts as approximate when its date is; one dated more coarsely than a bin is only counted."""
    firsts = [dt.date.fromisoformat(e["first"]) for e in events]
    if not firsts:
        return ChartData(title, "month", [])
    low, high = min(firsts), max(firsts)
    if period:  # the axis is the period asked for, where it has ends: one month asked draws that month
        asked_first, asked_last = dt.date.fromisoformat(period["first"]), dt.date.fromisoformat(period["last"])
        low = asked_first if asked_first != dt.date.min else low
        high = asked_last if asked_last != dt.date.max else max(high, low)
    unit = "year" if high.year - low.year > WIDE_YEARS else "month"
    bins = _bins(low, high, unit)
    position = {name: i for i, name in enumerate(bins)}
    by_source: dict[str, list[int]] = {}
    approximate = [0] * len(bins)
    coarse = {"month": ("season", "quarter", "half", "year", "decade"), "year": ("decade",)}[unit]
    coarser = dict.fromkeys(coarse, 0)
    for event, first in zip(events, firsts, strict=True):
        slot = position[_bin(min(max(first, low), high), unit)]  # begun before the axis: its first bin
        if event.get("granularity") in coarser:
            coarser[event["granularity"]] += 1
        elif event.get("approximate"):
            approximate[slot] += 1
        else:
            by_source.setdefault(event["headline"], [0] * len(bins))[slot] += 1
    ranked = sorted(by_source, key=lambda source: -sum(by_source[source]))
    precise = {source: by_source[source] for source in ranked[:MAX_SERIES]}
    if len(ranked) > MAX_SERIES:
        precise["other articles"] = [sum(by_source[s][i] for s in ranked[MAX_SERIES:]) for i in range(len(bins))]
    shaded = None
    if period:
        asked_first = max(dt.date.fromisoformat(period["first"]), low)
        asked_last = min(dt.date.fromisoformat(period["last"]), high)
        if asked_first <= asked_last:
            shaded = (position[_bin(asked_first, unit)], position[_bin(asked_last, unit)])
    return ChartData(title, unit, bins, precise, approximate, shaded, {k: n for k, n in coarser.items() if n})
