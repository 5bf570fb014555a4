"""The signers of a message under a closing line that goes on after its closing word (invented cards and
messages)."""

from __future__ import annotations

import pytest


def _people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Take care of yourself.\n\nWith love and prayers,\nClothilde & Khosrow Golnavaz",
            ["Clothilde", "Khosrow Golnavaz"],
        ),
        ("Happy birthday Sudarat!! 25 already!\n\nLove you sis 💕\nPakamas", ["Pakamas"]),
        ("See you on the 14th!\n\nLove from\nTauno, Ysolde and little Teodric xxx", ["Tauno", "Ysolde", "Teodric"]),
    ],
)
def test_signers_under_a_closing_line(detector, text: str, names: list[str]) -> None:
    found = _people(detector, text)
    for name in names:
        assert name in found


def test_a_line_of_words_under_a_closing_is_no_signer(detector) -> None:
    found = _people(detector, "Thanks to everyone who helped\nTea and cake after")
    assert not any(w in " ".join(found) for w in ("Tea", "cake"))
