"""What users type into date:, start: and end:, read as periods (relative ones from a fixed today)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.dates.typed import parse_period, parse_range, understood
from bot.core.periods import (
    Period,
    day_period,
    decade_period,
    half_period,
    month_period,
    quarter_period,
    season_period,
    week_period,
    year_period,
)
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


# Each is read as the whole period it names, whatever today is: nothing is filled in from today's day or month.
@pytest.mark.parametrize(
    ("typed", "first", "last", "said"),
    [
        ("H1 2024", "2024-01-01", "2024-06-30", "H1 2024"),
        ("h2 2021", "2021-07-01", "2021-12-31", "H2 2021"),
        ("2H 2019", "2019-07-01", "2019-12-31", "H2 2019"),
        ("2021 H1", "2021-01-01", "2021-06-30", "H1 2021"),
        ("3Q 2020", "2020-07-01", "2020-09-30", "Q3 2020"),
        ("2020-Q4", "2020-10-01", "2020-12-31", "Q4 2020"),
        ("year 2021", "2021-01-01", "2021-12-31", "2021"),
        ("in the year 2019", "2019-01-01", "2019-12-31", "2019"),
        ("2021?", "2021-01-01", "2021-12-31", "2021"),
        ("2021!! 🚀", "2021-01-01", "2021-12-31", "2021"),
        ("２０２１", "2021-01-01", "2021-12-31", "2021"),  # full-width digits
        ("\u200b2021\u200d", "2021-01-01", "2021-12-31", "2021"),  # zero-width space and joiner
        ("Mar\u00ad 2021", "2021-03-01", "2021-03-31", "Mar 2021"),  # a soft hyphen
        ("2021/03", "2021-03-01", "2021-03-31", "Mar 2021"),
        ("2021.03", "2021-03-01", "2021-03-31", "Mar 2021"),
        ("2021 March", "2021-03-01", "2021-03-31", "Mar 2021"),
        ("Mar-2021", "2021-03-01", "2021-03-31", "Mar 2021"),
        ("Mar '21", "2021-03-01", "2021-03-31", "Mar 2021"),
        ("Mar ’21", "2021-03-01", "2021-03-31", "Mar 2021"),
        ("autumn '19", "2019-09-01", "2019-11-30", "Autumn 2019"),
        ("the ’80s", "1980-01-01", "1989-12-31", "1980s"),
        ("2021/03/04", "2021-03-04", "2021-03-04", "4 Mar 2021"),
        ("October the 3rd, 2020", "2020-10-03", "2020-10-03", "3 Oct 2020"),
    ],
)
def test_typed_dates_are_the_period_they_name_never_filled_from_today(
    typed: str, first: str, last: str, said: str
) -> None:
    for today in (TODAY, dt.date(2026, 12, 7), dt.date(2030, 7, 1)):
        period = parse_period(typed, today)
        assert (str(period.first), str(period.last), understood(period)) == (first, last, said), today


@pytest.mark.parametrize(
    ("typed", "first", "last", "said"),
    [
        ("between April and June 2021", "2021-04-01", "2021-06-30", "Apr – Jun 2021"),
        ("April to June 2021", "2021-04-01", "2021-06-30", "Apr – Jun 2021"),
        ("from 3 to 8 October 2020", "2020-10-03", "2020-10-08", "3–8 Oct 2020"),
        ("Nov 2020 – Feb 2021", "2020-11-01", "2021-02-28", "Nov 2020 – Feb 2021"),
        ("2019-2021", "2019-01-01", "2021-12-31", "2019–2021"),
        ("2018–19", "2018-01-01", "2019-12-31", "2018–2019"),
        ("from 2015 to 2016", "2015-01-01", "2016-12-31", "2015–2016"),
        ("since 2021", "2021-01-01", "9999-12-31", "since 2021"),
        ("since March 2021", "2021-03-01", "9999-12-31", "since Mar 2021"),
        ("after 2020", "2021-01-01", "9999-12-31", "since 2021"),
        ("before 2013", "0001-01-01", "2012-12-31", "before 2013"),
        ("until 2013", "0001-01-01", "2013-12-31", "before 2014"),
    ],
)
def test_a_range_in_one_option_is_read_whole(typed: str, first: str, last: str, said: str) -> None:
    period = parse_period(typed, TODAY)
    assert (str(period.first), str(period.last), period.granularity) == (first, last, "range")
    assert understood(period) == said


def test_words_that_point_at_today_name_whole_periods_and_the_reply_says_which() -> None:
    today = dt.date(2026, 12, 7)
    assert understood(parse_period("last spring", today)) == "Spring 2026"
    assert understood(parse_period("this year", today)) == "2026"
    assert understood(parse_period("November", today)) == "Nov 2026"  # the latest November up to today
    assert understood(parse_period("last month", today)) == "Nov 2026"


@pytest.mark.parametrize(
    "typed", ["the day after never", "banana", "", "   ", "someday soon", "2022-13", "13/2022", "🎉", "90 minutes"]
)
def test_unreadable_dates_say_what_works(typed: str) -> None:
    with pytest.raises(UserError) as error:
        parse_period(typed, TODAY)
    assert "Sep 2022" in str(error.value) and "spring 2024" in str(error.value)
    assert "since 2022" in str(error.value) and "`start:`" in str(error.value)  # the ranges, too


def test_a_range_whose_ends_are_swapped_or_unreadable_is_refused_with_the_forms_that_work() -> None:
    with pytest.raises(UserError, match="ends before it starts"):
        parse_period("between 2016 and 2014", TODAY)
    with pytest.raises(UserError, match="both ends") as error:
        parse_period("from spring to whenever", TODAY)
    assert "March to May 2023" in str(error.value)


def test_echoed_dates_are_escaped_markdown() -> None:
    with pytest.raises(UserError) as error:
        parse_period("**bold** `code`", TODAY)
    assert "“\\*\\*bold\\*\\* \\`code\\`”" in str(error.value)


def test_ranges_are_open_at_either_end() -> None:
    assert parse_range(None, "Sep 2022", None, TODAY).first == dt.date(2022, 9, 1)
    assert parse_range(None, None, "2023", TODAY).last == dt.date(2023, 12, 31)
    both = parse_range(None, "2022", "March 2023", TODAY)
    assert (both.first, both.last, both.granularity) == (dt.date(2022, 1, 1), dt.date(2023, 3, 31), "range")
    assert parse_range(None, None, None, TODAY) is None


def test_end_before_start_is_said_plainly() -> None:
    with pytest.raises(UserError, match="comes before the start"):
        parse_range(None, "2024", "2022", TODAY)


_PERIODS = [
    year_period(2021),
    month_period(2021, 3),
    season_period(2021, "WI"),
    season_period(2020, "FA"),
    quarter_period(2020, 4),
    half_period(2019, 2),
    decade_period(1990),
    day_period(dt.date(2021, 3, 4)),
    week_period(dt.date(2021, 3, 4)),
    Period(dt.date(2021, 3, 1), dt.date(2021, 5, 31), "range", ""),
    Period(dt.date(2019, 1, 1), dt.date(2021, 12, 31), "range", ""),
    Period(dt.date(2021, 3, 5), dt.date(2021, 3, 9), "range", ""),
    Period(dt.date(2021, 3, 5), dt.date(2021, 4, 9), "range", ""),
    Period(dt.date(2020, 12, 5), dt.date(2021, 1, 9), "range", ""),
    Period(dt.date(2020, 11, 1), dt.date(2021, 2, 28), "range", ""),
    Period(dt.date(2021, 3, 5), dt.date.max, "range", ""),
    Period(dt.date.min, dt.date(2013, 12, 31), "range", ""),
]


@pytest.mark.parametrize("period", _PERIODS, ids=understood)
def test_the_period_a_reply_states_reads_back_as_the_same_period(period: Period) -> None:
    """What a title says it understood can be typed back into `date:` and means the same days."""
    again = parse_period(understood(period), TODAY)
    assert (again.first, again.last) == (period.first, period.last)
