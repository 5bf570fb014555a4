"""A street type written short, then a compass point written short: "1240 Maple St W", "88 Larch Dr NE"
(North American addresses; invented streets). "St" and "Dr" before a capital are a saint or a doctor
elsewhere."""

from __future__ import annotations

import pytest


def locations(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "LOCATION"]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("The shop is at 1240 Maple St W, side door.", "1240 Maple St W"),
        ("Her flat: 31 Bellwood St E, above the bakery.", "31 Bellwood St E"),
    ],
)
def test_a_street_with_a_short_compass_point(detector, text: str, street: str) -> None:
    assert street in locations(detector, text)


def test_a_saint_or_a_doctor_before_a_name_stays_one(detector) -> None:
    doc = detector.detect_text("We met at St Finnian's hall after Dr Wexley rang.")
    assert not any(s.label == "LOCATION" and s.text.startswith(("St W", "Dr W")) for s in doc.spans)
