"""How a rare detail's phrase is cut (detect/rare/processor.py): not around a feast named alone (which
the finaliser drops), and never opening with "also", its subject pronoun, a possessive or a conjunction."""

from __future__ import annotations

import pytest

from helpers import run


def test_a_lone_feast_inside_a_detail_cuts_nothing(detector) -> None:
    """The finaliser drops a feast named alone: the detail is not cut into pieces around it."""
    text = "I played the carillon in an Easter pageant for six years."
    rare = [s for s in detector.detect_text(text).spans if s.label == "RARE_DETAIL"]
    assert any("carillon in an Easter pageant" in s.text for s in rare), [s.text for s in rare]


def test_a_detail_does_not_open_with_also_or_its_subject(detector) -> None:
    """Annotators leave "also" and the subject pronoun out of a detail's phrase."""
    text = "Mara also plays the sackbut in the town band."
    [spans] = run(detector, [text])
    assert any(s.text.startswith("plays the sackbut") for s in spans), [s.text for s in spans]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Ines's sackbut ensemble", "sackbut ensemble"),
        ("Ines and coaches the theremin club", "coaches the theremin club"),
    ],
)
def test_a_piece_cut_after_a_name_opens_with_no_possessive_or_conjunction(text: str, left: str) -> None:
    from qualdeid.detect.rare.processor import _trim

    start, end = _trim(text, 4, len(text), True)
    assert text[start:end] == left
