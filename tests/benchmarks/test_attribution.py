"""The attribution scorer: brat gold read, quoted passages found, sources sorted, outcomes counted."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks.attribution import (
    Tally,
    _row,
    documents,
    main,
    name_words,
    quoted_passages,
    read_brat,
    same_speaker,
    source_kind,
)

# A short article of our own with six quoted passages, one in each situation the scorer tells apart.
TEXT = """Harbour board votes to close the old pier

The board voted to close the pier. “We cannot keep patching it every winter,” said Mara Kovacs, the board’s chair.

She added that the money was “better spent on a new ferry landing for the whole town.”

"The decision was rushed and nobody asked us," a local fisherman said.

Board member Tomas Reyes called the plan ''a sad but necessary step'' for the town.

“Nobody here wants to lose the pier,” Reyes said.

Kovacs said the board would meet again in “two more weeks at least” and in “two weeks.”
"""

# (source, cue, content) of each gold attribution, as substrings of TEXT
GOLD = [
    ("Mara Kovacs, the board’s chair", "said", "“We cannot keep patching it every winter,”"),
    ("She", "added", "that the money was “better spent on a new ferry landing for the whole town.”"),
    ("a local fisherman", "said", "The decision was rushed and nobody asked us,"),
    ("Board member Tomas Reyes", "called", "the plan ''a sad but necessary step'' for the town"),
    ("Reyes", "said", "“Nobody here wants to lose the pier,”"),
    ("Kovacs", "said", "the board would meet again in “two more weeks at least” and in “two weeks.”"),
]


def _annotation(text: str = TEXT) -> str:
    lines, number = [], 0
    for event, parts in enumerate(GOLD, start=1):
        ids = []
        for role, part in zip(("Source", "Cue", "Content"), parts, strict=True):
            number += 1
            start = text.index(part)
            lines.append(f"T{number}\t{role} {start} {start + len(part)}\t{part}")
            ids.append(f"{role}:T{number}")
        lines.append(f"E{event}\tAttribution:T{number - 1} " + " ".join(ids))
    return "\n".join(lines) + "\n"


def test_brat_attributions_with_fragments_a_second_content_and_no_source() -> None:
    text = "Ann Roe said the plan works, and it will, she said later."
    ann = (
        "T1\tSource 0 7\tAnn Roe\nT2\tCue 8 12\tsaid\nT3\tContent 13 27;33 40\tthe plan works it will\n"
        "T4\tContent 29 32\tand\nE1\tAttribution:T2 Cue:T2 Source:T1 Content:T3 Content2:T4\n"
        "T5\tContent 42 49\tshe sai\nE2\tAttribution-no-source:T2 Content:T5\n"
    )
    first, second = read_brat(text, ann)
    assert first.source == "Ann Roe"
    assert first.content == ((13, 27), (29, 32), (33, 40))
    assert second.source == "" and second.content == ((42, 49),)


def test_quoted_passages_of_three_words_inside_a_content() -> None:
    passages = quoted_passages(TEXT, read_brat(TEXT, _annotation()))
    assert [p.text for p in passages] == [
        "“We cannot keep patching it every winter,”",
        "“better spent on a new ferry landing for the whole town.”",
        '"The decision was rushed and nobody asked us,"',  # the marks outside the Content: mostly inside
        "''a sad but necessary step''",
        "“Nobody here wants to lose the pier,”",
        "“two more weeks at least”",  # and not “two weeks.”: two words
    ]
    assert [p.attribution.source for p in passages] == [source for source, _, _ in GOLD]


def test_a_quotation_in_no_attribution_is_not_a_passage() -> None:
    assert quoted_passages("He called it “a very odd idea” once.", []) == []


def test_sources_sorted_into_pronoun_named_description() -> None:
    article = "Protesters gathered. Later the protesters left."
    assert source_kind("She", article) == "pronoun"
    assert source_kind("who", article) == "pronoun"
    assert source_kind("Mara Kovacs, the board’s chair", article) == "named"
    assert source_kind("The Harbour Gazette", article) == "named"
    assert source_kind("a local fisherman", article) == "description"
    assert source_kind("a spokesman for Mara Kovacs", article) == "description"
    assert source_kind("Protesters", article) == "description"  # printed in lower case too: a common word
    assert source_kind("", article) == "no source"


def test_the_name_in_a_source_span() -> None:
    assert name_words("Sen. Ann Roe (D-Ore.), who chairs the panel", "") == ["ann", "roe"]
    assert name_words("TV host Tom Hale", "") == ["tom", "hale"]
    assert name_words("NBC host Tom Hale", "") == ["tom", "hale"]  # the last run of name words: the head
    assert name_words("Ohio Democratic Party Chairman Tom Hale", "") == ["tom", "hale"]
    assert name_words("Representative Lee Wong of New York", "") == ["lee", "wong"]
    assert name_words("Secretary of State Lee Wong", "") == ["state", "lee", "wong"]
    assert name_words("Mr. Hale’s", "") == ["hale"]
    assert name_words("Mr. O’Neill", "") == name_words("Mr. O'Neill", "") == ["o'neill"]


def test_a_possessor_or_a_common_head_noun_is_not_the_source() -> None:
    assert name_words("Ann Roe’s campaign manager Tom Hale", "") == ["tom", "hale"]
    assert name_words("Roe's niece, state Del. Mia Price (D-Ore.)", "") == ["mia", "price"]  # the apposition
    assert name_words("Mayor Bill de Blasio", "") == ["bill", "de", "blasio"]
    assert source_kind("The New York businessman", "") == "description"
    assert source_kind("Ann Roe's former campaign strategist", "") == "description"
    assert source_kind("Small groups of protesters", "") == "description"
    assert same_speaker(name_words("Sen. Ann O’Neill", ""), "Ann O'Neill")


def test_speaker_matched_by_surname_and_first_name_when_both_give_one() -> None:
    assert same_speaker(["ann", "roe"], "Ann Roe")
    assert same_speaker(["ann", "roe"], "Roe")
    assert same_speaker(["ann", "roe"], "Ms. Roe")
    assert same_speaker(["roe"], "Ben Roe")
    assert not same_speaker(["ann", "roe"], "Ben Roe")  # another Roe
    assert not same_speaker(["ann", "roe"], "Rep")  # a title, not a name
    assert not same_speaker(["ann", "roe"], "Tom Hale")


def test_outcomes_counted_against_a_known_reading() -> None:
    def span(part: str) -> tuple[int, int]:
        return TEXT.index(part), TEXT.index(part) + len(part)

    quotes = [  # what a bot might make of TEXT, read as its own body
        (*span("“We cannot keep"), "quote", "Mara Kovacs"),  # right
        (*span("“better spent on"), "quote", "Mara Kovacs"),  # a pronoun source given a name
        (*span('"The decision'), "quote", None),  # no speaker
        (*span("“Nobody here wants"), "quote", "Mara Kovacs"),  # wrong: Reyes said it
        (*span("“two more weeks at least”"), "term", None),  # filed as a term
    ]  # and the ''…'' passage not found at all
    tally = Tally()
    tally.add(TEXT, read_brat(TEXT, _annotation()), (TEXT, quotes))
    assert tally.counts["named"] == Counter({"right": 1, "wrong": 1, "as term": 1, "not found": 1})
    assert tally.counts["pronoun"] == Counter({"speaker given": 1})
    assert tally.counts["description"] == Counter({"no speaker": 1})
    named = _row("named", tally.counts["named"], True)
    assert named == ["named", "4", "3 (0.75)", "1 (0.25)", "1 (0.25)", "0 (0.00)", "1 (0.25)", "2 (0.50)"]


def test_a_passage_outside_the_body_the_bot_reads_is_left_out() -> None:
    text = "“A pier for everyone again,” the mayor says\n\nThe town agreed."
    ann = "T1\tSource 29 38\tthe mayor\nT2\tContent 0 28\t…\nE1\tAttribution:T1 Source:T1 Content:T2\n"
    tally = Tally()
    tally.add(text, read_brat(text, ann), ("The town agreed.", []))
    assert tally.unread == 1 and not tally.counts


def test_polnear_layout_first_annotator_and_the_command(tmp_path: Path, capsys) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "harbour.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "harbour_a1b2.ann").write_text(_annotation(), encoding="utf-8")
    (tmp_path / "attributions" / "harbour_c3d4.ann").write_text("", encoding="utf-8")  # a second annotator
    assert documents(tmp_path) == [(tmp_path / "text" / "harbour.txt", tmp_path / "attributions" / "harbour_a1b2.ann")]
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert out.startswith("1 articles, 6 quoted passages (≥ 3 words) in gold attributions; 0 more outside")
    assert "| source: named | 4 |" in out and "| all | 6 |" in out
