"""The bot's body offsets mapped back onto the text a gold annotation counts in."""

from __future__ import annotations

from benchmarks.body_offsets import body_to_source, source_span


def test_collapsed_whitespace_and_a_dropped_line_map_back_to_the_source() -> None:
    source = "Ferry Timetable Changes\n\nThe first  boat\nnow leaves at dawn."
    body = "The first boat now leaves at dawn."  # headline dropped, spaces and the line break collapsed
    mapping = body_to_source(body, source)
    start = body.index("boat now")
    span = source_span(mapping, start, start + len("boat now"))
    assert span is not None
    assert source[span[0] : span[1]] == "boat\nnow"
    assert source_span(mapping, 0, 3) == (source.index("The"), source.index("The") + 3)


def test_a_word_the_source_does_not_hold_maps_nowhere() -> None:
    mapping = body_to_source("a quay wall", "a wall")
    assert mapping[2:6] == [-1, -1, -1, -1]
    assert source_span(mapping, 2, 6) is None
    assert source_span(mapping, 0, 11) == (0, 6)  # the span's ends still found around the missing word
