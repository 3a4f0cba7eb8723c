"""Year-less and relative expressions placed against a publication date: weekdays by tense, quarters,
holidays, today, anchored days, and estimates that keep what they resolve inside themselves."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.article import PubDate
from bot.core.dates.events import extract_events, resolve
from bot.core.dates.mentions import find_mentions
from bot.core.reading.news_file import parse_article

WEDNESDAY = PubDate(dt.date(1998, 2, 11))  # a Wednesday


def _value(text: str, published: PubDate | None = WEDNESDAY, tense: str = "past") -> str | None:
    (mention,) = find_mentions(text)
    period, _ = resolve(mention, published, None, tense)
    return period.value if period else None


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("The talks collapsed Friday.", "past", "1998-02-06"),  # the most recent Friday
        ("The talks collapsed Wednesday.", "past", "1998-02-11"),  # the day itself
        ("They resigned Thursday.", "past", "1998-02-05"),  # never more than six days back
        ("Talks resume Friday.", "expected", "1998-02-13"),
        ("The vote is Wednesday.", "expected", "1998-02-11"),
        ("Officials said Tuesday night.", "past", "1998-02-10"),
    ],
)
def test_bare_weekdays_by_tense(text: str, tense: str, value: str) -> None:
    assert _value(text, tense=tense) == value


def test_weekday_names_are_not_dates() -> None:
    assert find_mentions("Black Monday and Super Tuesday were long ago; Mondays are slow; #SuperTuesday.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Officials met today.", "1998-02-11"),
        ("The vote is tonight.", "1998-02-11"),
        ("He spoke this morning.", "1998-02-11"),
        ("Shells fell last night.", "1998-02-10"),
        ("It fell a decade ago.", "1988"),
    ],
)
def test_today_and_the_like_are_the_publication_day(text: str, value: str) -> None:
    assert _value(text) == value


def test_generic_today_is_not_a_date() -> None:
    assert find_mentions("today's Russia is not the Europe of today") == []


OCTOBER = dt.date(1998, 10, 20)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Profit rose in the third quarter.", OCTOBER, "1998-Q3"),
        ("Third-quarter profit fell.", OCTOBER, "1998-Q3"),
        ("Sales in the fourth quarter grew.", WEDNESDAY.value, "1997-Q4"),  # the latest fourth quarter begun
        ("In the 1997 second quarter, sales fell.", WEDNESDAY.value, "1997-Q2"),
        ("Last year's third quarter was weak.", WEDNESDAY.value, "1997-Q3"),
        ("The latest quarter was weak.", WEDNESDAY.value, "1997-Q4"),
        ("First-half profit fell.", OCTOBER, "1998-H1"),
        ("In the second half of 1996, sales fell.", WEDNESDAY.value, "1996-H2"),
        ("Spending rises in the first half of next year.", WEDNESDAY.value, "1999-H1"),
    ],
)
def test_quarters_and_halves(text: str, published: dt.date, value: str) -> None:
    assert _value(text, PubDate(published)) == value


def test_a_quarter_of_something_and_the_first_half_of_a_match_are_not_dates() -> None:
    assert find_mentions("A quarter of the voters left in the first half of the match.") == []


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("They met on Christmas Day.", dt.date(1998, 2, 11), "1997-12-25"),
        ("Shops close for Thanksgiving.", dt.date(2023, 11, 1), "2023-11-23"),
        ("He was back by Easter 2024.", dt.date(2024, 5, 1), "2024-03-31"),
        ("The Fourth of July parade was calm.", dt.date(2020, 7, 6), "2020-07-04"),
        ("Voters go to the polls on Election Day.", dt.date(2020, 10, 20), "2020-11-03"),
    ],
)
def test_holidays(text: str, published: dt.date, value: str) -> None:
    tense = "expected" if "go to" in text else "past"
    assert _value(text, PubDate(published), tense) == value


def test_a_christmas_tree_is_no_date() -> None:
    assert find_mentions("They bought a Christmas tree.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was nineteen ninety-six.", "1996"),
        ("It began in January nineteen ninety-seven.", "1997-01"),
        ("By the year two thousand, it was over.", "2000"),
    ],
)
def test_years_spelled_out(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "published", "tense", "value"),
    [
        ("Payment is due Nov. 21.", dt.date(1989, 11, 2), "past", "1989-11-21"),  # no future verb, still ahead
        ("It rose in January.", dt.date(1989, 10, 27), "past", "1990-01"),  # nearer ahead than behind
        ("It rose in April.", dt.date(1989, 10, 27), "past", "1989-04"),
        ("Talks resume in April.", dt.date(1998, 12, 10), "expected", "1999-04"),
    ],
)
def test_year_less_dates_go_to_the_nearest_occurrence(text: str, published: dt.date, tense: str, value: str) -> None:
    assert _value(text, PubDate(published), tense) == value


def test_estimated_anchor_keeps_a_weekday_inside_its_year() -> None:
    estimate = PubDate(dt.date(2022, 1, 1), "year", "estimated")
    (mention,) = find_mentions("The bridge fell Wednesday.")
    period, approximate = resolve(mention, estimate, None, "past")
    assert (period.first, period.last, approximate) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31), True)
    (mention,) = find_mentions("It fell last week.")
    period, approximate = resolve(mention, PubDate(dt.date(2022, 3, 1), "month", "estimated"), None, "past")
    assert (period.value, approximate) == ("2022-03", True)


def _events(text: str, published: str = "1998-03-02") -> list[tuple[str, str | None]]:
    article = parse_article("wire", f"Date: {published}\n\n{text}")
    return [(e.text, e.value) for e in extract_events(article) if e.kind == "mention"]


def test_anchored_days_count_from_the_last_date_named() -> None:
    text = (
        "The strike began on Jan. 12, 1998. The next day, talks failed. That same day the union met. "
        "A week later the mines reopened. The following month prices fell."
    )
    assert _events(text) == [
        ("Jan. 12, 1998", "1998-01-12"),
        ("The next day", "1998-01-13"),
        ("That same day", "1998-01-13"),
        ("A week later", "1998-W04"),
        ("The following month", "1998-02"),
    ]


def test_without_a_date_before_them_anchored_days_are_left_out() -> None:
    assert _events("The next day, talks failed.") == []


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before() -> None:
    text = "Net income rose in the third quarter from $5 million a year earlier. Sales were flat a year ago."
    assert _events(text, "1998-10-20") == [
        ("the third quarter", "1998-Q3"),
        ("a year earlier", "1997-Q3"),
        ("a year ago", "1997-Q3"),
    ]
    assert _events("Sales were flat a year ago.", "1998-10-20") == [("a year ago", "1997")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("President Bush said Tuesday the United States may extend the blockade.", "1998-02-10"),
        ("It moved faster than expected to take losses Friday.", "1998-02-06"),
        ("The offer had been scheduled to expire Friday.", "1998-02-06"),
        ("The offer will expire Friday.", "1998-02-13"),
    ],
)
def test_a_date_beside_a_reporting_verb_or_a_past_plan_is_past(text: str, value: str) -> None:
    assert _events(text, "1998-02-11") == [(next(m.text for m in find_mentions(text)), value)]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Stocks rallied over the weekend.", "1989-10-30", "1989-W43"),
        ("Sales in June last year were flat.", "1998-02-11", "1997-06"),
        ("Profit for the current year will rise.", "1998-02-11", "1998"),
        ("The company will report third-quarter results.", "1989-10-27", "1989-Q3"),  # just ended
        ("Sales will recover in the second quarter.", "1989-10-27", "1990-Q2"),
        ("In the quarter, sales fell.", "1989-10-27", "1989-Q3"),  # none named before: the latest ended
    ],
)
def test_weekends_months_of_a_year_and_quarters_in_a_plan(text: str, published: str, value: str) -> None:
    assert [v for _, v in _events(text, published)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "A reporter for USA Today spotted her.",
        "She told Russia Today and a USA TODAY reporter.",
        "Mook told CBS This Morning that it was over.",
        "The criticism comes a day before the debate.",
        "He scored twice in the fourth quarter of the game.",
        "A first-half goal won the match.",
    ],
)
def test_names_games_and_days_counted_from_something_else_are_not_dates(text: str) -> None:
    assert find_mentions(text) == []


def test_today_at_the_start_of_a_sentence_or_a_quotation_is_the_day() -> None:
    assert [m.text for m in find_mentions("Also today, the king arrived. “Today we act,” he said.")] == [
        "today",
        "Today",
    ]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Prices fell late last year.", "1997-09-01", "1997-12-31"),
        ("Talks resume early next month.", "1998-03-01", "1998-03-10"),
        ("Shares rose 3% for the week.", "1998-02-09", "1998-02-15"),
    ],
)
def test_parts_of_relative_periods_and_the_week_of_a_market_report(text: str, first: str, last: str) -> None:
    (mention,) = find_mentions(text)
    period, _ = resolve(mention, WEDNESDAY, None, "past")
    assert (str(period.first), str(period.last)) == (first, last)


def test_each_a_year_earlier_in_results_compares_with_the_same_year() -> None:
    text = (
        "Profit rose in the third quarter. Costs fell. Staff grew. Sales rose from $2 million a year earlier. "
        "Debt is due in 1999. Revenue fell from a year earlier. Margins rose from a year earlier."
    )
    assert _events(text, "1998-10-20") == [
        ("the third quarter", "1998-Q3"),
        ("a year earlier", "1997-Q3"),  # three sentences on: still that quarter
        ("1999", "1999"),
        ("a year earlier", "1998"),  # counted from 1999, the last year named; both from it
        ("a year earlier", "1998"),
    ]


def test_a_weekday_does_not_stop_an_undated_article_being_placed_in_its_month() -> None:
    from bot.core.reading.undated import estimate_published

    text = (
        "The candidates met for the first time in March 2020, and the convention was held in June. "
        "The nominee spoke on Friday. They will debate in September."
    )
    article = parse_article("undated", f"# Campaign notebook\n\n{text}")
    assert estimate_published(article) == PubDate(dt.date(2020, 7, 1), "month", "estimated")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Net income rose 5% for the year.", "1998"),
        ("For the full year, sales fell.", "1998"),
        ("In the year before the war, sales fell.", None),
        ("For the year ended June 30, sales fell.", None),
    ],
)
def test_for_the_year_of_a_results_story(text: str, value: str | None) -> None:
    values = [v for t, v in _events(text, "1998-02-11") if "year" in t.lower()]
    assert values == ([value] if value else [])


def test_a_weekday_in_a_story_dated_only_to_its_month_stays_in_that_month() -> None:
    (mention,) = find_mentions("The bridge fell Wednesday.")
    period, approximate = resolve(mention, PubDate(dt.date(2022, 9, 1), "month", "catalog"), None, "past")
    assert (period.value, approximate) == ("2022-09", False)
