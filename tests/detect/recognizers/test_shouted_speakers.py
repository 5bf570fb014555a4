"""Transcript speaker labels in capitals that are everyday words ("TENDER:"): the speaker's name where the
same document writes the word capitalised inside a sentence, as only a name is (issue 13, class a;
invented transcripts)."""

from __future__ import annotations

import pytest


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


NAMED = """\
INT: Can you each say your name for the tape?
BRISK: I'm Brisk. Brisk Odhiambo.
ORRIN: Orrin Quill.
BRISK: My brother Orrin drives us.
INT: Thank you. And Brisk, where do you work?
BRISK: At the warehouse, nights.
ORRIN: Same, Brisk. Same.
"""

WITH_ROLE = """\
INT: Can you each say your name?
EMBER (daughter): I'm Ember too, same as my mother.
ORRIN: Orrin Quill.
EMBER (daughter): Yes.
INT: Thanks.
"""


def test_a_label_in_capitals_written_as_a_name_in_the_text_is_the_speaker(detector) -> None:
    assert people(detector, NAMED).count("BRISK") == 3


def test_a_label_with_a_relative_in_brackets_is_the_speaker(detector) -> None:
    assert people(detector, WITH_ROLE).count("EMBER") == 2


@pytest.mark.parametrize(
    "text",
    [
        # the word is never written as a name: a label of the notes, not a person
        "INT: What happened next?\nTENDER: price agreed.\nORRIN: We went home.\nINT: And then?\n"
        "TENDER: signed. Orrin left.\nORRIN: Then nothing.\n",
        # capitalised only where a sentence starts
        "INT: What happened next?\nTENDER: price agreed.\nORRIN: We went home.\nINT: And then?\n"
        "ORRIN: Tender offers came. Then nothing.\nTENDER: closed.\n",
    ],
)
def test_a_label_in_capitals_never_written_as_a_name_stays_a_label(detector, text: str) -> None:
    assert "TENDER" not in people(detector, text)


def test_a_three_letter_label_written_as_a_name_is_no_mere_initials(detector) -> None:
    text = (
        "INT: Can you each say your name?\nORRIN: Orrin Quill.\nFEN: I'm Fen. Fen Lor, his sister.\n"
        "ORRIN: She does the forms.\nINT: Thank you, Fen.\nFEN: It's fine.\n"
    )
    assert people(detector, text).count("FEN") == 2
