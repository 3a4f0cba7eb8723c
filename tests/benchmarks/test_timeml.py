"""The TimeML scorer: reading TIMEX3 gold, values compared at the gold's granularity, relaxed-match counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from benchmarks.timeml import Guess, Tally, bot_guesses, category, gold_unit, main, read_timeml, value_right

D = dt.date

# A short story of our own, as TimeML: the creation time, three calendar expressions (one a decade with an
# unknown digit) and a duration, which is outside the scored set.
FIXTURE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>harbour</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2003-06-11" temporalFunction="false"
 functionInDocument="CREATION_TIME">06/11/03</TIMEX3></DCT>
<TEXT>
The harbour board <EVENT eid="e1" class="OCCURRENCE">voted</EVENT> on
<TIMEX3 tid="t1" type="DATE" value="2003-05-14">May 14, 2003</TIMEX3> to close the old pier.

The pier was built in the <TIMEX3 tid="t2" type="DATE" value="192X">1920s</TIMEX3>, and repairs
took <TIMEX3 tid="t3" type="DURATION" value="P3M">three months</TIMEX3> each time.
A new landing opens <TIMEX3 tid="t4" type="DATE" value="2004-SU">next summer</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def document(tmp_path: Path):
    path = tmp_path / "harbour.tml"
    path.write_text(FIXTURE, encoding="utf-8")
    return read_timeml(path)


def test_the_text_timexes_and_creation_date_are_read(document) -> None:
    assert document.created == D(2003, 6, 11)
    assert [(t.text, t.value, t.scored) for t in document.timexes] == [
        ("May 14, 2003", "2003-05-14", True),
        ("1920s", "192X", True),
        ("three months", "P3M", False),
        ("next summer", "2004-SU", True),
    ]
    for timex in document.timexes:  # offsets point into the plain text of TEXT, tags removed
        assert document.text[timex.start : timex.end] == timex.text
    assert "<" not in document.text and "voted on\nMay 14" in document.text


def test_gold_granularity_from_the_value() -> None:
    assert gold_unit("2003-05-14") == ("day", "2003-05-14")
    assert gold_unit("2003-05-14TMO") == ("day", "2003-05-14")  # a time of day is compared as its day
    assert gold_unit("2003-W20-WE") == ("week", "2003-W20")
    assert gold_unit("192X") == ("decade", "192")
    assert gold_unit("19XX") == ("century", "19")
    assert gold_unit("198") == ("decade", "198")
    assert gold_unit("2003-Q2") == ("quarter", "2003-Q2")
    assert gold_unit("PRESENT_REF") is None


def test_a_finer_value_is_read_at_the_gold_granularity_but_a_coarser_one_is_wrong() -> None:
    may = (D(2003, 5, 1), D(2003, 5, 31))
    assert value_right("2003-05", D(2003, 5, 14), D(2003, 5, 14))  # a day inside the gold month
    assert value_right("2003-05", *may)
    assert value_right("2003", *may)
    assert value_right("2003-Q2", *may)
    assert not value_right("2003-05-14", *may)  # the month does not say which day
    assert not value_right("2003-05-01", *may)  # not even its first
    assert not value_right("2003-06", *may)
    assert value_right("2003-W20", D(2003, 5, 14), D(2003, 5, 14))  # ISO week 20: 12–18 May 2003
    assert not value_right("2003-05", D(2003, 4, 28), D(2003, 5, 4))  # a week across two months
    assert value_right("2003-SU", D(2003, 7, 4), D(2003, 7, 4))
    assert value_right("2002-WI", D(2003, 1, 20), D(2003, 1, 20))  # winter named by its December
    assert not value_right("2003-05-14", None, None)


def test_an_x_in_the_gold_matches_any_digit() -> None:
    assert value_right("192X", D(1925, 3, 1), D(1925, 3, 1))
    assert value_right("192X", D(1920, 1, 1), D(1929, 12, 31))  # the bot's decade
    assert not value_right("192X", D(1935, 3, 1), D(1935, 3, 1))
    assert value_right("2003-XX", D(2003, 4, 1), D(2003, 4, 30))
    assert not value_right("2003-XX", D(2004, 4, 1), D(2004, 4, 30))
    assert value_right("19XX", D(1950, 1, 1), D(1950, 12, 31))


def test_relaxed_match_counts_a_hit_a_wrong_value_a_miss_and_a_false_alarm(document) -> None:
    text = document.text
    at = {t.text: t for t in document.timexes}
    guesses = [
        Guess(at["May 14, 2003"].start + 4, at["May 14, 2003"].end, D(2003, 5, 14), D(2003, 5, 14)),  # part
        Guess(at["next summer"].start, at["next summer"].end, D(2003, 6, 1), D(2003, 8, 31)),  # wrong year
        Guess(at["three months"].start, at["three months"].end, None, None),  # a duration: not counted
        Guess(text.index("old pier"), text.index("old pier") + 3, D(2003, 1, 1), D(2003, 12, 31)),  # no gold
    ]
    tally = Tally()
    tally.add(document, guesses)
    assert (tally.gold, tally.system) == (3, 3)
    assert (tally.system_found, tally.gold_found) == (2, 2)
    assert (tally.system_right, tally.gold_right) == (1, 1)
    assert [(t.text, said) for _, t, said in tally.missed] == [
        ("1920s", "missed"),
        ("next summer", "2003-06-01/2003-08-31"),
    ]
    row = tally.row("test")
    assert row[3:] == ["0.67", "0.67", "0.67", "0.33", "0.33", "0.33"]


def test_the_bot_reads_the_stated_date_and_its_spans_land_on_the_timeml_text(document) -> None:
    guesses = bot_guesses(document)
    may = document.timexes[0]
    hit = [g for g in guesses if g.start < may.end and may.start < g.end]
    assert [(document.text[g.start : g.end], g.first, g.last) for g in hit] == [
        ("May 14, 2003", D(2003, 5, 14), D(2003, 5, 14))
    ]


def test_categories_of_misses() -> None:
    assert category("Friday morning") == "weekday"
    assert category("tonight") == "today / tonight / this morning"
    assert category("a decade ago") == "N … ago"
    assert category("Thanksgiving Day") == "holiday"
    assert category("that same day") == "anchored (that day, the next week)"
    assert category("last week") == "this / last / next unit, yesterday"
    assert category("March 30") == "explicit date, month or year"
    assert category("the day") == "other"


def test_the_command_prints_both_systems(tmp_path: Path, capsys) -> None:
    (tmp_path / "harbour.tml").write_text(FIXTURE, encoding="utf-8")
    (tmp_path / "._harbour.tml").write_bytes(b"\x00\x05\x16\x07")  # a Mac copy's resource file: skipped
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert out.startswith("1 files, 3 gold calendar expressions")
    assert "| bot (timex + dates) |" in out and "| dateparser.search_dates |" in out
    assert "| all | 3 |" in out
