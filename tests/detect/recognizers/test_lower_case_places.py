"""Streets and organisations written all in lower case without a house number (detect/recognizers/places.py,
rules/lexicons/places.yaml ``lower_case_street_types``, ``lower_case_org_types``), on invented names."""

from __future__ import annotations

import pytest


def locations(detector, text: str, label: str = "LOCATION") -> list[str]:
    doc = detector.detect_text(text)
    return [text[s.start : s.end] for s in doc.spans if s.label == label]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("also parking - dunmore st is closed sat so use the other one", "dunmore st"),
        ("we had coffee at the cafe on ferris road after group", "ferris road"),
        ("she moved to a flat off kessock ave last month", "kessock ave"),
        ("we met on the old tarbert crescent near the shops", "tarbert crescent"),
    ],
)
def test_a_lower_case_street_with_a_rare_name(detector, text: str, street: str) -> None:
    assert street in locations(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "we walked down the high street and across the main road",
        "there is a cycle lane on the side road now",
        "crossing st after dark is hard for him",
    ],
)
def test_everyday_words_before_a_street_type_stay_words(detector, text: str) -> None:
    assert locations(detector, text) == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("also the funding report for the clachan trust is due friday", "clachan trust"),
        ("shes at drumcarrow high now and hates it", "drumcarrow high"),
    ],
)
def test_a_lower_case_organisation_with_a_rare_name(detector, text: str, organisation: str) -> None:
    assert organisation in locations(detector, text, "ORGANIZATION")


@pytest.mark.parametrize("text", ["i didnt trust him after that", "a family trust paid for it", "back to junior high"])
def test_verbs_and_everyday_words_before_an_organisation_type_stay_words(detector, text: str) -> None:
    assert locations(detector, text, "ORGANIZATION") == []
