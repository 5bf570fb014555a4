"""A short Title Case line is taken for a heading and NER's organisation on it is dropped, unless it names a town
of the gazetteer: the addressee or signature lines of a letter (detect/finalise.py). Invented names."""

from __future__ import annotations

import pytest


def found(detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect_text(text).spans]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Please quote it in all correspondence.\n\nApplications Unit\nLeeds Community Housing\n\n> note",
            "Leeds Community Housing",
        ),
        ("Dr Ana Rolt\nSouth Leeds Community Mental Health Team\n\nDear Dr Rolt", "Leeds Community Mental Health Team"),
    ],
)
def test_a_line_naming_a_town_is_no_heading(detector, text: str, org: str) -> None:
    assert any(org in f for f in found(detector, text))


@pytest.mark.parametrize("text", ["Weekly Summary\n\nWe met twice.", "Reading Group Notes\n\nWe read two chapters."])
def test_headings_stay_headings(detector, text: str) -> None:
    first_line = text.split("\n")[0]
    assert not any(f in first_line for f in found(detector, text))
