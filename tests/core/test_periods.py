"""The calendar: month and season names, the days a publication date covers, and period labels."""

from __future__ import annotations

import datetime as dt
import locale

import pytest

from bot.core.article import PubDate
from bot.core.periods import (
    MONTH_NAMES,
    MONTH_NUMBERS,
    SEASON_NAMES,
    SEASONS,
    Period,
    decade_period,
    month_number,
    month_period,
    narrowed,
    period_label,
    season_period,
    year_period,
)


@pytest.mark.parametrize(
    ("args", "label"),
    [
        ((dt.date(2022, 9, 5), dt.date(2022, 9, 5), "day"), "5 Sep 2022"),
        ((dt.date(2023, 6, 7), dt.date(2023, 6, 8), "day"), "7–8 Jun 2023"),
        ((dt.date(2023, 6, 30), dt.date(2023, 7, 2), "day"), "30 Jun – 2 Jul 2023"),
        ((dt.date(2022, 9, 5), dt.date(2022, 9, 11), "week"), "week of 5 Sep 2022"),
        ((dt.date(2022, 9, 1), dt.date(2022, 9, 30), "month"), "Sep 2022"),
        ((dt.date(2022, 3, 1), dt.date(2022, 5, 31), "season", "2022-SP"), "Spring 2022"),
        ((dt.date(2022, 12, 1), dt.date(2023, 2, 28), "season", "2022-WI", "end"), "late winter 2022–23"),
        ((dt.date(2023, 1, 1), dt.date(2023, 3, 31), "quarter"), "Q1 2023"),
        ((dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year", "2014", "mid"), "mid-2014"),
        ((dt.date(2010, 1, 1), dt.date(2019, 12, 31), "decade"), "2010s"),
        ((dt.date(2024, 7, 1), dt.date(2024, 7, 31), "month", "", None, True), "c. Jul 2024"),
    ],
)
def test_period_labels(args: tuple, label: str) -> None:
    assert period_label(*args) == label


@pytest.mark.parametrize(
    ("published", "first", "last", "label"),
    [
        (PubDate(dt.date(2022, 9, 15)), dt.date(2022, 9, 15), dt.date(2022, 9, 15), "15 Sep 2022"),
        (PubDate(dt.date(2024, 2, 1), "month"), dt.date(2024, 2, 1), dt.date(2024, 2, 29), "Feb 2024"),
        (PubDate(dt.date(2023, 1, 1), "year", "catalog"), dt.date(2023, 1, 1), dt.date(2023, 12, 31), "2023"),
        (PubDate(dt.date(2024, 7, 1), "month", "estimated"), dt.date(2024, 7, 1), dt.date(2024, 7, 31), "c. Jul 2024"),
    ],
)
def test_a_publication_date_covers_the_days_its_precision_allows(
    published: PubDate, first: dt.date, last: dt.date, label: str
) -> None:
    period = published.period()
    assert (period.first, period.last, period.granularity) == (first, last, published.precision)
    assert published.label() == label


def test_labels_are_english_whatever_the_locale() -> None:
    try:
        saved = locale.setlocale(locale.LC_TIME)
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no German locale installed")
    try:
        assert period_label(dt.date(2022, 3, 5), dt.date(2022, 3, 5), "day") == "5 Mar 2022"  # not 'Mär'
    finally:
        locale.setlocale(locale.LC_TIME, saved)


def test_month_spellings() -> None:
    assert [month_number(w) for w in ("Sep", "sept", "Septem", "SEPTEMBER", "Se", "Septembre", "May")] == [
        9,
        9,
        9,
        9,
        None,
        None,
        5,
    ]
    assert {MONTH_NUMBERS[name.lower()] for name in MONTH_NAMES} == set(range(1, 13))
    assert MONTH_NUMBERS["sept"] == MONTH_NUMBERS["sep"] == 9 and "ma" not in MONTH_NUMBERS


def test_every_season_word_has_a_label_and_a_span() -> None:
    assert SEASONS["fall"] == SEASONS["autumn"] == "FA"
    for code in set(SEASONS.values()):
        period = season_period(2022, code)
        assert (period.last - period.first).days in range(88, 93)
        assert SEASON_NAMES[code] in period_label(period.first, period.last, "season", period.value)


@pytest.mark.parametrize(
    ("period", "modifier", "first", "last"),
    [
        (year_period(2022), "start", "2022-01-01", "2022-04-30"),
        (year_period(2022), "mid", "2022-05-01", "2022-08-31"),
        (year_period(2022), "end", "2022-09-01", "2022-12-31"),
        (month_period(2023, 2), "end", "2023-02-21", "2023-02-28"),
        (month_period(2023, 3), "start", "2023-03-01", "2023-03-10"),
        (season_period(2022, "WI"), "end", "2023-02-01", "2023-02-28"),
        (decade_period(1990), "end", "1997-01-01", "1999-12-31"),
        (year_period(2022), None, "2022-01-01", "2022-12-31"),
    ],
)
def test_early_mid_late_name_a_third_of_the_period(period: Period, modifier: str | None, first: str, last: str) -> None:
    part = narrowed(period, modifier)
    assert (str(part.first), str(part.last), part.value) == (first, last, period.value)


def test_a_narrowed_winter_and_decade_keep_their_labels() -> None:
    winter = narrowed(season_period(2022, "WI"), "end")
    assert period_label(winter.first, winter.last, "season", winter.value, "end") == "late winter 2022–23"
    decade = narrowed(decade_period(1990), "end")
    assert period_label(decade.first, decade.last, "decade", decade.value, "end") == "late 1990s"
