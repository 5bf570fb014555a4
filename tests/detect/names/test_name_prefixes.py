"""Honorifics that are also English words or letters, and a nickname's word, join the name right after them
(invented diary lines)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Daw Nilar Wai came with her husband for the first time. Ma Nilar laughed at my writing.", ["Ma Nilar"]),
        ("The quiz went well. Ko Zeyar kept saying she was fine.", ["Ko Zeyar"]),
        ("Lao Qiu brought a photo of the troupe. He won easily. Lao Qiu came to watch.", ["Lao Qiu"]),
        ("Big Tadhg asked me to go in with him. Big Tadhg was brilliant.", ["Big Tadhg"]),
    ],
)
def test_a_prefix_joins_the_name_after_it(detector, text: str, names: list[str]) -> None:
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    for name in names:
        assert name in found


def test_a_prefix_alone_stays_a_word(detector) -> None:
    text = "Big news today at the hall. Ma said no and Ko was the word she used."
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert not any(w in found for w in ("Big", "Ma", "Big news"))


def test_a_prefix_before_a_relative_is_left_out(detector) -> None:
    text = "The office booked the wrong interpreter again. Big sister Mervana translated, she's 17."
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert "Mervana" in found
    assert not any(f.startswith("Big") for f in found)
