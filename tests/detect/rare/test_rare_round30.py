"""Round 30 classes of false rare details (invented texts): a placing word before a stretch of time, the
spellings of a dialect taken for rare words, a family of seven to ten children
and a piece of a detail that says only how long."""

from __future__ import annotations

import pytest

from helpers import finder_hits
from qualdeid.labels import RARE_DETAIL


def _rare(detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect_text(text).spans if s.label == RARE_DETAIL]


@pytest.mark.parametrize(
    "text",
    [
        "Quintessa finished her third semester at the polytechnic.",
        "Ambrosius finished the fourth term with good marks.",
        "Pernilla came top set in maths this spring.",
    ],
)
def test_a_placing_word_before_a_stretch_of_time_is_no_placing(detector, text: str) -> None:
    assert finder_hits(detector, "verbs", text) == []


def test_a_placing_is_still_one(detector) -> None:
    text = "Ottoline came first in the county ploughing match."
    assert "came first in the county ploughing match" in finder_hits(detector, "verbs", text)


@pytest.mark.parametrize(
    "text",
    [
        "Her maw is feart the van winna start the morn.",
        "The lads are each ither's pals noo, and that's them.",
        "She was thrawn as a mule about the move.",
    ],
)
def test_the_spellings_of_a_dialect_are_no_rare_words(detector, text: str) -> None:
    assert _rare(detector, text) == []


def test_a_detail_told_in_a_dialect_is_still_one(detector) -> None:
    text = "Her uncle wis a lighthouse keeper on the island for years."
    assert any("lighthouse keeper" in d for d in _rare(detector, text))


@pytest.mark.parametrize("text", ["Ermengarde has nine children and a dog.", "Ambrosius is the eldest of eight."])
def test_seven_to_ten_children_are_no_large_family(detector, text: str) -> None:
    assert finder_hits(detector, "family", text) == []


def test_a_very_large_family_still_is_one(detector) -> None:
    assert any("twelve children" in h for h in finder_hits(detector, "family", "Ermengarde has twelve children."))


def test_children_fostered_count_from_fewer(detector) -> None:
    text = "Her grandad Leofric fostered nine children over the years."
    assert any("fostered nine children" in h for h in finder_hits(detector, "family", text))


def test_a_piece_of_a_detail_that_says_only_how_long_is_dropped(detector) -> None:
    # the place cuts the detail in two: the piece after it tells no fact
    found = _rare(detector, "Thorolf was a bobsleigh coach in Kvitfjell for 12 yrs, he says.")
    assert "was a bobsleigh coach" in found
    assert not any("yrs" in d for d in found)
