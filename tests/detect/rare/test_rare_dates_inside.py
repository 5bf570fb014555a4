"""A rare detail and the dates inside it (detect/rare/processor.py): a vague stretch of time after "for"
at the detail's end is how long the fact lasted, and a feast named alone (which the finaliser drops) is
no date to cut the detail around."""

from __future__ import annotations

import pytest

from helpers import covered, run


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the stretch after "for" stays with the detail (the whole phrase, not only its first words)
        ("She told me she was a gondolier for nine years before she got ill.", "was a gondolier for nine years"),
        ("He used to be a puppeteer for about twenty years.", "used to be a puppeteer for about twenty years"),
        # a lone feast inside the detail cuts nothing
        ("I played the carillon in an Easter pageant for six years.", "carillon in an Easter pageant for six years"),
    ],
)
def test_a_detail_keeps_its_stretch_of_time_and_feasts(detector, text: str, phrase: str) -> None:
    spans = detector.detect_text(text).spans
    rare = [s for s in spans if s.label == "RARE_DETAIL"]
    assert covered(text, phrase, rare), [(s.label, s.text) for s in spans]
    start = text.index(phrase)
    assert any(s.start <= start + 4 and s.end >= start + len(phrase) - 1 for s in rare), [s.text for s in rare]


def test_a_stretch_before_the_detail_is_still_trimmed(detector) -> None:
    text = "For nine years she was a gondolier on the canals."
    rare = [s for s in detector.detect_text(text).spans if s.label == "RARE_DETAIL"]
    assert all(not s.text.lower().startswith("for nine") for s in rare), [s.text for s in rare]


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
