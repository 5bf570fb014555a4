"""The writer's initials or short name on the last line of a message (detect/recognizers/signature.py)."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.signature import SignatureRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def signatures() -> SignatureRecognizer:
    return SignatureRecognizer(Rules())


def names(recognizer: SignatureRecognizer, text: str) -> list[str]:
    return [text[start:end] for start, end, _ in recognizer.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi all, the van is booked for Friday. Bring gloves.\nR", ["R"]),  # the document's last line
        ("Good session tonight, everyone.\nQ.V.\n", ["Q.V."]),
        ("Sorry about the mix-up.\n\nBest,\nMerit\n\n--\nMerit Quay\nCaseworker", ["Merit"]),  # before a signature
        ("> I wasnt sure who to ask.\n>\n> cheers\n> tavi", ["tavi"]),  # the end of quoted mail
        ("Anyway, that was my week.\n- V\n\n↳ Reply from helper_two (Moderator): Hi", ["V"]),  # before a reply
        ("Lovely to see you all.\nZB x", ["ZB"]),  # with a kiss
        ("See you Thursday.\nAbrazos,\nQ-V", ["Q-V"]),
        ("- The kitchen tap still drips.\n\n-KL (Kaisa)", ["KL"]),  # initials, the name in brackets
        # a letter closing the message's last line, after a sign-off or a sentence
        ("Typo on the rota for Tuesday, can you fix it. Thx, Q.", ["Q."]),
        ("Bring the spare chairs up when you come. Cheers mate, W", ["W"]),
        ("Left the keys under the blue pot. V\n-----Original Message-----\nFrom: a", ["V"]),
    ],
)
def test_the_writer_on_the_last_line_of_a_message(
    signatures: SignatureRecognizer, text: str, expected: list[str]
) -> None:
    assert names(signatures, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thanks,\nTeam",  # a group signs
        "Lovely day out.\nLove,\nMum",  # a relative, not a name
        "Agenda\n1. Minutes\n2. AOB",  # a list ends, no message
        "The results are in Table A",
        "Ring me back when you can.\nPS",  # a listed abbreviation
        "We went back to the flat and I said it is fine\nA",  # a word, not initials
        "Meeting moved to room B\nBring your own cup\nWill",  # a word alone, no sign-off above it
        "Sign-up sheet\nNames\nQV",  # no sentence ends above: a list, not a signature
        "We went with Plan B. The rest is history.",  # a letter mid-message
        "It was vitamin D.",
        "Thanks, see you at gate B.\nNext line",
        "I said it was fine. I",  # a word
    ],
)
def test_last_lines_that_are_no_signature(signatures: SignatureRecognizer, text: str) -> None:
    assert names(signatures, text) == []


def test_a_signature_is_found_through_detection(detector) -> None:
    doc = detector.detect_text("Hi all, the van is booked for Friday. Bring gloves.\nR")
    assert [(s.label, s.text) for s in doc.spans] == [("PERSON", "R")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Field notes, home visit\nWritten up the same evening, at home. KD.\n\nArrived early.", ["KD"]),
        ("Back on Monday. JT\n", ["JT"]),
        ("We went to the GP. NHS.\nok", []),
        ("I said thanks. OK.\nBye", []),
        ("Lovely. XX\n", []),
        ("She moved to the US.\nThen", []),
    ],
)
def test_initials_closing_a_line_after_a_sentence(
    signatures: SignatureRecognizer, text: str, expected: list[str]
) -> None:
    assert names(signatures, text) == expected
