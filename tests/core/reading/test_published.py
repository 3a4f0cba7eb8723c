"""Publication dates and bylines found in header and footer lines."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.reading.published import dates_in, find_publication


def _found(text: str):
    return find_publication(text.split("\n"), text)


BODY = (
    "The council voted on Monday to close the old library and move its books to the school, a decision "
    "that angered many residents of the town."
)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("2024-06-11T19:00:00Z", dt.date(2024, 6, 11)),
        ("2024-01-18T23:30:00-05:00", dt.date(2024, 1, 18)),  # the date printed, the zone ignored
        ("Tue, 20 Feb 2024 07:15:00 +0000", dt.date(2024, 2, 20)),
        ("Sept. 5, 2023", dt.date(2023, 9, 5)),
        ("Published26th November 2024", dt.date(2024, 11, 26)),
        ("14/03/2024", dt.date(2024, 3, 14)),
        ("03/14/2024", dt.date(2024, 3, 14)),
    ],
)
def test_dates_in_a_line(line: str, day: dt.date) -> None:
    assert [d.value for d in dates_in(line, None)] == [day]


def test_an_ambiguous_numeric_date_follows_the_files_cues_or_is_left() -> None:
    assert [d.value for d in dates_in("07/02/2024", None)] == [None]
    assert [d.value for d in dates_in("07/02/2024", True)] == [dt.date(2024, 2, 7)]
    us = _found(f"Headline Here\n\n{BODY}\n\nPosted: 07/02/2024 08:14 AM CDT")
    assert us.published.value == dt.date(2024, 7, 2)
    uk = _found(f"Headline Here\n\nPublished 07/02/2024 - 10:15 GMT+1\n\n{BODY}")
    assert uk.published.value == dt.date(2024, 2, 7)
    assert _found(f"Headline Here\n\nPublished 07/02/2024\n\n{BODY}").published is None


def test_published_wins_over_updated_wherever_each_is_printed() -> None:
    found = _found(f"Updated July 9, 2024\n\nHeadline Here\n\n{BODY}\n\nOriginally published July 2, 2024.")
    assert (found.published.value, found.updated.value) == (dt.date(2024, 7, 2), dt.date(2024, 7, 9))
    only_updated = _found(f"Headline Here\nLast modified: 3 May 2021\n\n{BODY}")
    assert only_updated.published.value == dt.date(2021, 5, 3)


def test_a_date_saved_is_no_publication_date() -> None:
    assert _found(f"Headline Here\nSaved on 3 May 2021\n\n{BODY}").published is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Ada Lin | March 7, 2024", "Ada Lin"),
        ("By Ada Lin, 7 March 2024", "Ada Lin"),
        ("Ada Lin — 7 March 2024", "Ada Lin"),
    ],
)
def test_bylines_with_dates(line: str, author: str) -> None:
    found = _found(f"Headline Here\n\n{line}\n\n{BODY}")
    assert (found.published.value, found.author) == (dt.date(2024, 3, 7), author)


def test_a_name_above_the_date_line_is_the_author() -> None:
    found = _found(f"Headline Here\n\nOmar Said in Tunis\nMon 4 Mar 2024 10.00 GMT\n\n{BODY}")
    assert found.author == "Omar Said" and len(found.used) == 2


def test_a_wire_datelines_year_comes_from_the_copyright_line() -> None:
    text = f"Headline Here\n\nLAGOS, Nov 14 (Reuters) - {BODY}\n\n© 2022 Reuters"
    assert _found(text).published.value == dt.date(2022, 11, 14)
    assert _found(f"Headline Here\n\nLAGOS, Nov 14 (Reuters) - {BODY}").published is None  # no year: left


def test_a_date_in_a_body_sentence_is_not_the_publication_date() -> None:
    text = f"Headline Here\n\n{BODY} The report was published on 3 May 2023 by the agency after months of delays."
    assert _found(text).published is None


def test_a_wire_dateline_takes_the_year_of_a_full_date_days_away_not_an_anniversary() -> None:
    near = f"Headline Here\n\nLAGOS, Sept. 28 (UPI) -- {BODY} A post on September 27, 2016 said so."
    assert _found(near).published.value == dt.date(2016, 9, 28)
    far = f"Headline Here\n\nLAGOS, Sept. 28 (UPI) -- {BODY} It recalled September 11, 2001."
    assert _found(far).published is None


def test_hard_wrapped_prose_saying_published_is_no_date_line() -> None:
    wrapped = (
        "Headline Here\n\nThe council said on Monday that its report,\n"
        "which was published on 3 May 2023, had\nbeen ignored."
    )
    assert _found(wrapped).published is None
    assert _found("Headline Here\n\nBy Tuesday night the council had gone home.\n\n" + BODY).author is None


def test_a_dateline_without_a_year_takes_the_year_whose_weekday_the_story_names() -> None:
    from bot.core.reading.layouts.wire import credit, dateline_year, without_dateline

    line = "KYIV, March 3 (Reuters) - Ukraine on Friday urged its partners to act."
    text = line + "\nThe deal was renewed in November 2022."
    assert dateline_year(3, 3, line, text) == 2023  # 3 March 2022 was a Thursday
    assert dateline_year(3, 3, line, text + "\n© 2021 Reuters") == 2021  # the copyright line says so
    assert credit(line) == "Reuters"
    assert without_dateline(line) == "Ukraine on Friday urged its partners to act."
