"""A name spelled out letter by letter in a transcript or a phone message is a person (issue 13, transcripts);
a common word said slowly ("S-L-O-W") and two letters ("N-O") are not."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.recognizers.spelled import SpelledNameRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def spelled() -> SpelledNameRecognizer:
    return SpelledNameRecognizer(Rules())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("INTERP: she fingerspelled R-A-N-V-E-I-G, I think that's her cousin.", "R-A-N-V-E-I-G"),
        ("9.40 Tobias from the depot (surname Q-U-I-N-N-E-L-L?) wants to move his appt", "Q-U-I-N-N-E-L-L"),
        ("He spelled it for me – O–S–K–A–R – and laughed.", "O–S–K–A–R"),
    ],
)
def test_a_spelled_out_name_is_a_person(spelled: SpelledNameRecognizer, text: str, name: str) -> None:
    start = text.index(name)
    assert (start, start + len(name), "PERSON") in list(spelled.find(text))


@pytest.mark.parametrize(
    "text",
    [
        "I told him S-L-O-W down on the stairs.",
        "She said N-O and meant it.",
        "Bay A-1 is by the door; the form is PT-3-B.",
        "We sat in the X-ray waiting room.",
    ],
)
def test_words_said_slowly_and_codes_are_not_names(spelled: SpelledNameRecognizer, text: str) -> None:
    assert list(spelled.find(text)) == []


def test_the_detector_flags_the_spelled_name(detector) -> None:
    text = "P: my nurse is, eh, [spells] B-R-O-N-A-G-H. She is lovely."
    [doc] = detector.detect([Document(id="d", text=text)])
    start = text.index("B-R-O")
    assert any(s.label == "PERSON" and s.start <= start and s.end >= start + 13 for s in doc.spans)
