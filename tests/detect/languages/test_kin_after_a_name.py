"""Korean kin words said after a name ("Dong-hyun samchon", "Mi-rae unni"): part of the name's span, as the
other honorifics of rules/names/titles_after.txt are (issue 13, kin term and name). Invented examples."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Then Dong-hyun samchon said he would book the room for the party.", "Dong-hyun samchon"),
        ("ok but Mi-rae unni has to bring the cake this time", "Mi-rae unni"),
    ],
)
def test_a_korean_kin_word_after_a_name(detector, text: str, name: str) -> None:
    assert name in [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
