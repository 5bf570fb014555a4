"""Postal codes written with the place they belong to (rules/recognizers/places.yaml, PostcodeRecognizer): a
Canadian town with its province in brackets before the code, a city-state's name before its code. Invented
addresses."""

from __future__ import annotations

import pytest


def spans(detector, text: str) -> list[tuple[str, str]]:
    doc = detector.detect_text(text)
    return [(text[s.start : s.end], s.label) for s in doc.spans]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Centre Famille Lavande\n2210, rue Bélanger, bureau 3\nTerrebonne (Québec) H7N 2B4\n",
            "Terrebonne (Québec) H7N 2B4",
        ),
        ("Our hall, 12 Main Road, Kelowna (BC) V6Y 2C1 is open.", "Kelowna (BC) V6Y 2C1"),
        ("Blk 77 Ang Mo Kio Ave 3\n#05-212\nSingapore 408600\n", "Singapore 408600"),
    ],
)
def test_a_postal_code_with_its_place_is_one_location(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in spans(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "She flew to Singapore in 2019 and paid 408600 dollars for the flat.",
        "The meeting (Tuesday) ran long.",
    ],
)
def test_a_city_or_brackets_without_a_code_are_no_postal_address(detector, text: str) -> None:
    doc = detector.detect_text(text)
    assert [text[s.start : s.end] for s in doc.spans if s.detector == "PostcodeRecognizer"] == []
