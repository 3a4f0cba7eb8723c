"""The layout fixtures and their gold agree with each other, and the scorer reads a reading as it should.
(Not the bot's accuracy on them: that is what `python -m benchmarks.layouts` measures.)"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from benchmarks.layout_gold import value_is_valid
from benchmarks.layouts import (
    DEFAULT_FOLDER,
    Expected,
    Reading,
    Relative,
    date_right,
    load_expected,
    resolved,
    same_text,
    score,
    warning_verdict,
)

GOLD = load_expected(DEFAULT_FOLDER)
FIXTURES = sorted(p.name for p in DEFAULT_FOLDER.iterdir() if p.suffix in (".txt", ".md"))


def _text(entry: Expected) -> str:
    return (DEFAULT_FOLDER / entry.file).read_text(encoding="utf-8")


def test_every_fixture_has_one_gold_entry_and_every_entry_a_fixture() -> None:
    files = [entry.file for entry in GOLD]
    assert sorted(files) == FIXTURES
    assert len(set(files)) == len(files)
    assert all(entry.name == entry.file.rsplit(".", 1)[0] for entry in GOLD)


def test_enough_layouts_each_standing_for_real_sources() -> None:
    assert len(GOLD) >= 20
    assert all(entry.layout and entry.stands_for for entry in GOLD)


@pytest.mark.parametrize("entry", GOLD, ids=lambda entry: entry.name)
def test_header_fields_are_printed_in_the_fixture(entry: Expected) -> None:
    text = _text(entry)
    assert entry.headline in text
    folded = "".join(text.casefold().split())  # "PR Newswire" is printed "/PRNewswire/", AP bylines in capitals
    for field in (entry.author, entry.publication):
        if field is not None:
            assert "".join(field.casefold().split()) in folded


@pytest.mark.parametrize("entry", GOLD, ids=lambda entry: entry.name)
def test_dates_are_real_and_the_update_comes_after_publication(entry: Expected) -> None:
    assert dt.date(1990, 1, 1) < entry.published < dt.date(2030, 1, 1)
    if entry.updated is not None:
        assert entry.updated > entry.published


@pytest.mark.parametrize("entry", GOLD, ids=lambda entry: entry.name)
def test_each_relative_expression_occurs_once_with_a_valid_value(entry: Expected) -> None:
    text = _text(entry)
    assert len(entry.relative) >= 2  # two or three time expressions per story, one relative at least
    for relative in entry.relative:
        assert len(re.findall(re.escape(relative.text), text)) == 1, relative.text
        assert value_is_valid(relative.value), relative.value


@pytest.mark.parametrize("entry", GOLD, ids=lambda entry: entry.name)
def test_each_story_is_short_and_quotes_someone(entry: Expected) -> None:
    text = _text(entry)
    assert 80 <= len(text.split()) <= 320
    assert re.search(r"[\"“][^\"”]{10,}[\"”]", text)  # at least one quotation


def test_exactly_one_fixture_carries_a_foreign_headline() -> None:
    assert [entry.name for entry in GOLD if entry.foreign_headline] == ["foreign_headline"]


def test_values_that_name_no_real_period_are_refused() -> None:
    assert all(
        value_is_valid(v)
        for v in ("2024-03-05", "2024-W10", "2023-W23-WE", "2024-03", "2023-WI", "2024-Q3", "2025", "2023-11-12TNI")
    )
    assert not any(value_is_valid(v) for v in ("2024-02-30", "2024-W54", "2024-13", "March", "2024-3-5"))


def _reading(**fields: object) -> Reading:
    values = {
        "headline": "Council Swallows Budget Cuts",
        "author": "Marta Quinn",
        "published": dt.date(2024, 3, 7),
        "precision": "day",
        "provenance": "stated",
        "date_label": "7 Mar 2024",
        "warnings": (),
        "body": "Councillors voted on Tuesday.",
        "mentions": (),
    }
    return Reading(**{**values, **fields})


EXPECTED = Expected(
    name="x",
    file="x.txt",
    layout="",
    stands_for=("",),
    headline="Council swallows budget cuts",
    published=dt.date(2024, 3, 7),
    foreign_headline=False,
    relative=(Relative("on Tuesday", "2024-03-05"),),
    author="MARTA QUINN",
)


def test_a_date_counts_only_when_stated_to_the_day() -> None:
    assert date_right(EXPECTED, _reading())
    assert not date_right(EXPECTED, _reading(provenance="estimated"))
    assert not date_right(EXPECTED, _reading(precision="month"))
    assert not date_right(EXPECTED, _reading(published=dt.date(2024, 3, 12)))


def test_a_relative_expression_is_judged_by_the_mention_over_its_text() -> None:
    tuesday = dt.date(2024, 3, 5)
    assert resolved(EXPECTED.relative[0], _reading(mentions=((19, 26, tuesday, tuesday),))) == (True, "2024-03-05")
    wrong = _reading(mentions=((19, 26, dt.date(2024, 1, 1), dt.date(2024, 12, 31)),))
    assert resolved(EXPECTED.relative[0], wrong) == (False, "2024-01-01/2024-12-31")
    assert resolved(EXPECTED.relative[0], _reading()) == (False, "not found")
    assert resolved(EXPECTED.relative[0], _reading(body="No date here.")) == (False, "not in the body")


def test_warnings_false_and_missed_and_the_totals() -> None:
    fired = _reading(warnings=("headline names Swallows, which the text never mentions: it may belong to another",))
    assert warning_verdict(EXPECTED, fired) == "false"
    assert warning_verdict(EXPECTED, _reading()) == ""
    foreign = Expected(**{**EXPECTED.__dict__, "foreign_headline": True})
    assert (warning_verdict(foreign, fired), warning_verdict(foreign, _reading())) == ("caught", "missed")
    assert same_text("It’s  “done”", 'it\'s "DONE"') and not same_text("Cuts", None)
    rows, totals = score([EXPECTED, foreign], [fired, _reading()])
    assert [row[3:6] for row in rows] == [["yes", "yes", "FALSE"], ["yes", "yes", "MISSED"]]
    assert (totals["false"], totals["caught"], totals["authors"], totals["relative_right"]) == (1, 0, 2, 0)
