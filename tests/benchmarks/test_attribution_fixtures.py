"""The attribution fixtures agree with their expected.toml, and the fixture scorer counts as it says.

Not the bot's accuracy: `python -m benchmarks.attribution_fixtures` prints that, and it misses many today."""

from __future__ import annotations

import re

import pytest

from benchmarks.attribution_fixtures import (
    DEFAULT_PATH,
    Expected,
    load_expected,
    main,
    quoted_occurrences,
    score,
)

EXPECTED = load_expected(DEFAULT_PATH)
ENTRIES = [(name, entry) for name, entries in EXPECTED.items() for entry in entries]


def _article(name: str) -> str:
    return (DEFAULT_PATH / f"{name}.txt").read_text(encoding="utf-8")


def test_every_fixture_has_its_expectations_and_each_expectation_its_fixture() -> None:
    assert sorted(path.stem for path in DEFAULT_PATH.glob("*.txt")) == sorted(EXPECTED)
    assert all(EXPECTED.values())


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[f"{n}:{e.words[:20]}" for n, e in ENTRIES])
def test_expected_words_open_exactly_one_quotation_of_their_fixture(name: str, entry: Expected) -> None:
    assert entry.kind in ("quote", "term")
    assert entry.words == entry.words.strip() and len(entry.words) >= 4
    assert len(quoted_occurrences(_article(name), entry.words)) == 1
    if entry.kind == "term":
        assert entry.speaker == ""  # a term is nobody's words


NAMED = [(name, entry) for name, entry in ENTRIES if entry.speaker]


@pytest.mark.parametrize(("name", "entry"), NAMED, ids=[f"{n}:{e.speaker}" for n, e in NAMED])
def test_expected_speakers_are_printed_in_their_fixture(name: str, entry: Expected) -> None:
    """A speaker is a name as the article prints it (its first letter's case aside: "The"/"the")."""
    first, rest = entry.speaker[0], re.escape(entry.speaker[1:])
    assert re.search(rf"[{first.lower()}{first.upper()}]{rest}\b", _article(name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expectations_are_listed_in_the_order_printed(name: str) -> None:
    places = [quoted_occurrences(_article(name), entry.words)[0] for entry in EXPECTED[name]]
    assert places == sorted(places)


def test_the_fixtures_cover_each_pattern_family_with_several_quotations() -> None:
    assert len(EXPECTED) >= 15
    assert all(len(entries) >= 4 for entries in EXPECTED.values())
    kinds = [entry.kind for _, entry in ENTRIES]
    assert kinds.count("term") >= 5 and sum(not e.speaker and e.kind == "quote" for _, e in ENTRIES) >= 5
    assert sum(e.speaker.startswith(("a ", "an ", "one ", "another ")) for _, e in ENTRIES) >= 8  # unnamed


def test_score_tells_each_outcome_apart() -> None:
    expected = [
        Expected("We will rebuild", "Ann Roe", "quote"),
        Expected("Every month", "Tom Hale", "quote"),
        Expected("They dock", "Victor Lund", "quote"),
        Expected("I drove four", "Ines Duarte", "quote"),
        Expected("Nobody wanted", "", "quote"),
        Expected("There is no", "", "quote"),
        Expected("contact line", "", "term"),
        Expected("Nazis", "", "term"),
        Expected("a bridge", "Ruth Adler", "quote"),
        Expected("Rail is how", "Lee Wong", "quote"),
        Expected("missing words", "Joe Park", "quote"),
        Expected("The convoy", "the ministry", "quote"),
        Expected("Half of my", "Victor Lund", "quote"),
    ]
    found = [
        ("We will rebuild it,", "quote", "ann  ROE"),  # right: case and spacing aside
        ("Every month of delay", "quote", "Campaign chairman Tom Hale"),  # untidy: a role kept in the name
        ("They dock at nine", "quote", "Mr"),  # wrong: a title only
        ("I drove four hours", "quote", "Duarte"),  # untidy: the surname alone
        ("Nobody wanted this", "quote", None),  # right: anonymous kept anonymous
        ("There is no ceasefire", "quote", "Andriy Marchenko"),  # wrong: an anonymous source given a name
        ("contact line", "term", None),  # kept
        ("Nazis", "quote", "Vladimir Roe"),  # a term served
        ("a bridge to nowhere", "term", None),  # as term
        ("Rail is how", "quote", None),  # none
        ("The convoy was stopped", "quote", "The Ministry"),  # right: "the" and case aside
        ("Half of my summer", "quote", "Mr. Lund"),  # untidy: the surname with its title
        (" said Klara Vogt.", "quote", "Klara Vogt"),  # a stray
        ("unexpected words", "quote", None),  # not served: no stray
    ]
    outcomes, strays = score(expected, found)
    assert [o.outcome for o in outcomes] == [
        "right",
        "untidy",
        "wrong",
        "untidy",
        "right",
        "wrong",
        "kept",
        "served",
        "as term",
        "none",
        "not found",
        "right",
        "untidy",
    ]
    assert outcomes[2].said == "Mr"
    assert strays == [(" said Klara Vogt.", "quote", "Klara Vogt")]


def test_the_benchmark_reads_the_bot_and_prints_a_row_per_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    """The adapter still reaches the bot's extractor wherever it lives; the figures themselves are not checked."""
    main([str(DEFAULT_PATH)])
    printed = capsys.readouterr().out
    rows = [line for line in printed.splitlines() if line.startswith("| ")]
    assert all(any(line.startswith(f"| {name} |") for line in rows) for name in EXPECTED)
    assert any(line.startswith("| **all** |") for line in rows)
