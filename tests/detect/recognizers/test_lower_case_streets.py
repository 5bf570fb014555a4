"""Streets written all in lower case without a house number (detect/recognizers/places.py,
rules/lexicons/places.yaml ``lower_case_street_types``), on invented streets."""

from __future__ import annotations

import pytest


def locations(detector, text: str) -> list[str]:
    doc = detector.detect_text(text)
    return [text[s.start : s.end] for s in doc.spans if s.label == "LOCATION"]


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
