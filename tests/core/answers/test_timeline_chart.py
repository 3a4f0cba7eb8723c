"""What the timeline chart counts: every event of the reply once, in the bin of its date."""

from __future__ import annotations

import datetime as dt

from bot.core.answers.timeline import timeline_reply
from bot.core.answers.timeline_chart import chart_data
from bot.core.corpus import Corpus

TODAY = dt.date(2025, 3, 12)


def test_bars_hold_every_event_of_the_reply_once(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, date="2022", today=TODAY)
    events = reply.data["events"]
    chart = chart_data(events, reply.data["period"], "Timeline · 2022")
    assert chart.unit == "month" and chart.bins[0] == "2022-01" and chart.bins[-1] == "2022-12"
    assert sum(chart.totals()) + sum(chart.coarser.values()) == len(events)
    coarse = [e for e in events if e["granularity"] in ("season", "quarter", "half", "year", "decade")]
    assert chart.coarser == {g: sum(e["granularity"] == g for e in coarse) for g in ("season", "year")}
    september = chart.bins.index("2022-09")
    in_september = [e for e in events if e["first"].startswith("2022-09") and e not in coarse]
    assert chart.totals()[september] == len(in_september) > 0
    assert chart.shaded == (0, 11)


def test_a_wide_range_is_counted_per_year_by_source(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, today=TODAY)
    chart = chart_data(reply.data["events"], reply.data["period"], "Timeline")
    assert chart.unit == "year" and chart.shaded is None
    assert chart.bins == [str(y) for y in range(int(chart.bins[0]), int(chart.bins[-1]) + 1)]
    sources = {e["headline"] for e in reply.data["events"]}
    assert set(chart.precise) <= sources | {"other articles"}
    assert sum(chart.totals()) + sum(chart.coarser.values()) == len(reply.data["events"])


def test_no_events_make_an_empty_chart() -> None:
    chart = chart_data([], None, "Timeline")
    assert chart.bins == [] and chart.totals() == []


def test_season_and_quarter_dated_events_are_counted_by_their_own_period() -> None:
    events = [
        {"first": "2021-03-01", "granularity": "season", "headline": "A", "approximate": False},
        {"first": "2021-04-01", "granularity": "quarter", "headline": "A", "approximate": False},
        {"first": "2021-01-01", "granularity": "year", "headline": "B", "approximate": False},
        {"first": "2021-05-04", "granularity": "day", "headline": "B", "approximate": False},
    ]
    chart = chart_data(events, {"first": "2021-01-01", "last": "2021-12-31"}, "Timeline · 2021")
    assert chart.coarser == {"season": 1, "quarter": 1, "year": 1}
    assert chart.coarser_note() == "+1 dated only by season, +1 only by quarter, +1 only by year"
    assert sum(chart.totals()) == 1


def test_one_month_asked_draws_that_month_only(corpus: Corpus) -> None:
    reply = timeline_reply(corpus, date="September 2022", today=TODAY)
    assert any(e["first"] < "2022-09-01" for e in reply.data["events"])  # '2022' is in it, dated from January
    chart = chart_data(reply.data["events"], reply.data["period"], reply.pages[0].title)
    assert chart.bins == ["2022-09"] and chart.shaded == (0, 0)
    assert sum(chart.totals()) + sum(chart.coarser.values()) == len(reply.data["events"])
