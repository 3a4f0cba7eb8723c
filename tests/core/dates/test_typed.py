"""What users type into date:, start: and end:, read as periods (relative ones from a fixed today)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.dates.typed import parse_period, parse_range
from bot.core.replies.reply import UserError

TODAY = dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    ("typed", "first", "last", "granularity"),
    [
        ("2022", "2022-01-01", "2022-12-31", "year"),
        ("Sep 2022", "2022-09-01", "2022-09-30", "month"),
        ("september 2022", "2022-09-01", "2022-09-30", "month"),
        ("September, 2022", "2022-09-01", "2022-09-30", "month"),
        ("2022-09", "2022-09-01", "2022-09-30", "month"),
        ("2022-09-05", "2022-09-05", "2022-09-05", "day"),
        ("5 Sept 2022", "2022-09-05", "2022-09-05", "day"),
        ("sept 5, 2022", "2022-09-05", "2022-09-05", "day"),
        ("05/09/2022", "2022-09-05", "2022-09-05", "day"),
        ("spring 2024", "2024-03-01", "2024-05-31", "season"),
        ("winter 2022", "2022-12-01", "2023-02-28", "season"),
        ("Q1 2023", "2023-01-01", "2023-03-31", "quarter"),
        ("the 2010s", "2010-01-01", "2019-12-31", "decade"),
        ("mid-2022", "2022-05-01", "2022-08-31", "range"),  # the middle third
        ("early 2022", "2022-01-01", "2022-04-30", "range"),
        ("late 2022", "2022-09-01", "2022-12-31", "range"),
        ("the end of March 2023", "2023-03-21", "2023-03-31", "range"),
        ("09/2022", "2022-09-01", "2022-09-30", "month"),
        ("2022-09", "2022-09-01", "2022-09-30", "month"),
        ("last year", "2024-01-01", "2024-12-31", "year"),
        ("this year", "2025-01-01", "2025-12-31", "year"),
        ("last month", "2025-02-01", "2025-02-28", "month"),
        ("this week", "2025-03-10", "2025-03-16", "week"),
        ("yesterday", "2025-03-11", "2025-03-11", "day"),
        ("November", "2024-11-01", "2024-11-30", "month"),  # the latest November before today
        ("in summer", "2024-06-01", "2024-08-31", "season"),
    ],
)
def test_typed_dates(typed: str, first: str, last: str, granularity: str) -> None:
    period = parse_period(typed, TODAY)
    assert (str(period.first), str(period.last), period.granularity) == (first, last, granularity)


@pytest.mark.parametrize("typed", ["the day after never", "banana", "", "   ", "someday soon", "2022-13"])
def test_unreadable_dates_say_what_works(typed: str) -> None:
    with pytest.raises(UserError) as error:
        parse_period(typed, TODAY)
    assert "Sep 2022" in str(error.value) and "spring 2024" in str(error.value)


def test_ranges_are_open_at_either_end() -> None:
    assert parse_range(None, "Sep 2022", None, TODAY).first == dt.date(2022, 9, 1)
    assert parse_range(None, None, "2023", TODAY).last == dt.date(2023, 12, 31)
    both = parse_range(None, "2022", "March 2023", TODAY)
    assert (both.first, both.last, both.granularity) == (dt.date(2022, 1, 1), dt.date(2023, 3, 31), "range")
    assert parse_range(None, None, None, TODAY) is None


def test_end_before_start_is_said_plainly() -> None:
    with pytest.raises(UserError, match="comes before the start"):
        parse_range(None, "2024", "2022", TODAY)
