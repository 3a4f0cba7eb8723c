"""Sources an article states outright: the speaker labels of a transcript's turns and its correction notes."""

from __future__ import annotations

from bot.core.quotes.quotations import extract_quotes
from bot.core.quotes.source import corrections, speaker_turns
from bot.core.reading.news_file import parse_article


def _speakers(text: str) -> dict[str, str | None]:
    article = parse_article("rule", f"---\nheadline: h\ndate: 2024-01-01\n---\n{text}\n")
    return {q.text.split()[0].strip(",“"): q.who for q in extract_quotes(article)}


def test_labels_open_turns_and_a_paragraph_without_one_goes_on_with_the_turn() -> None:
    paragraphs = [
        "A transcript.",
        "RACHEL ORTIZ, HOST: Welcome.",
        "TOM HALE: Thank you.",
        "Some more words of his.",
        "ORTIZ: And the wall?",
        "The Minister for Transport (Ms Ruth Adler) (14:03): I thank the member.",
    ]
    turns = speaker_turns(paragraphs, "\n\n".join(paragraphs), ["Tom Hale"])
    assert turns[0] is None
    assert [t.speaker.full for t in turns[1:] if t] == [
        "Rachel Ortiz",
        "Tom Hale",
        "Tom Hale",
        "Rachel Ortiz",
        "Ruth Adler",
    ]
    assert turns[3].label_end == 0 and turns[2].label_end == len("TOM HALE: ")
    assert turns[5].speaker.role == "The Minister for Transport"


def test_one_label_or_a_word_before_a_colon_is_no_transcript() -> None:
    assert speaker_turns(["NOTE: the figures are provisional.", "UPDATE: the vote moved."], "", []) == []
    assert speaker_turns(["TOM HALE: Thank you.", "The plan: build it."], "", []) == []
    # a name in ordinary case is a label only where it opens several turns
    assert speaker_turns(["Ann Roe: Hello.", "Tom Hale: Hi."], "", []) == []


def test_in_a_turn_own_words_are_the_speakers_and_handed_words_somebody_elses() -> None:
    said = _speakers(
        "HALE: As I told the council, “Every winter we wait is a gamble with homes.”\n\n"
        "ORTIZ: When I asked a deputy mayor, she said, “We cannot borrow our way out of the weather.”\n\n"
        "HALE: The engineer, Ola Brandt, wrote to me: “The wall has to be higher than the last flood.”"
    )
    assert said == {"Every": "Hale", "We": "a deputy mayor", "The": "Ola Brandt"}


def test_a_correction_note_names_the_wrong_and_the_right_speaker() -> None:
    notes = corrections(
        [
            "Correction: An earlier version misattributed a quotation about the depot to Ann Roe. It was said by"
            " Tom Hale, the depot manager.",
            "CLARIFICATION (Aug. 20): A quotation about fees was incorrectly attributed to Owen Tate; it was"
            " Dr. Ines Calder who said it.",
            "Correction: The vote was on Monday, not Tuesday.",  # no speaker in it
        ]
    )
    assert [(n.wrong, n.right, n.role) for n in notes] == [
        ("Ann Roe", "Tom Hale", "the depot manager"),
        ("Owen Tate", "Dr. Ines Calder", None),
    ]
    assert "depot" in notes[0].topic and not notes[0].plural


def test_a_correction_moves_only_the_quotation_it_describes() -> None:
    said = _speakers(
        '"The depot stays where it is," said Ann Roe. "Routes will be reviewed," Roe said.\n\n'
        "Correction: A quotation about the depot was misattributed to Ann Roe. It was said by Tom Hale."
    )
    assert said == {"The": "Tom Hale", "Routes": "Ann Roe"}
