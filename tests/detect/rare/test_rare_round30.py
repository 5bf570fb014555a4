"""Round 30 classes of false rare details (invented texts): a placing word before a stretch of time, a habit read in
a sentence of another language, and the spellings of a dialect taken for rare words."""

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


def test_a_habit_in_a_sentence_of_another_language_is_none(detector) -> None:
    # Spanish words common in English lists too ("que", "la", "para") make no sentence English
    text = (
        "Buenos días señora, el jueves no hay ensayo del coro porque la iglesia está cerrada. "
        "Los niños pueden venir el sábado por la tarde. "
        "Ella está en la panadería y me dijo que los recogería en la plaza después."
    )
    assert _rare(detector, text) == []


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
