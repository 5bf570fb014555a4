"""Surnames heading a family's case in handover notes (detect/names/family.py), on invented notes."""

from __future__ import annotations

import pytest

from qualdeid.detect.names.evidence import NameEvidence
from qualdeid.detect.names.family import FamilyHeadings
from qualdeid.rules import Rules

FAMILIES = FamilyHeadings(Rules(), NameEvidence(Rules()))


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in FAMILIES.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HANDOVER Fri\nTARVOLD fam (ref 0417)\n- adm Wed night", ["TARVOLD"]),
        ("KESKARI / MOLLEN fam\n- sessions moved", ["KESKARI", "MOLLEN"]),
        ("2. Quennell family\n- moved to the new flat", ["Quennell"]),
        ("- DRAVIC household: all well", ["DRAVIC"]),
    ],
)
def test_surnames_that_head_a_family(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ADMIN family day\n- chase invoices",  # a common word in capitals
        "GP household visit",  # an abbreviation
        "We had a lovely family day.",  # no heading of a line
        "Whole family came.",
        "QUARRELL FAMILY CIRCLE - session notes",  # an organisation's name
    ],
)
def test_headings_without_a_surname(text: str) -> None:
    assert found(text) == []


def test_a_heading_surname_is_a_person_through_detection(detector) -> None:
    doc = detector.detect_text("HANDOVER Fri\nTARVOLD fam\n- kids ok, Tarvold dad rang twice.")
    assert [s.text for s in doc.spans if s.label == "PERSON"] == ["TARVOLD", "Tarvold"]
