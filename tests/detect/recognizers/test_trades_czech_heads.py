"""A small firm named by its trade ("Quorrell Electrical", rules/lexicons/org_types.txt) and a Czech counselling
centre, association or school named after its head word (``org_heads`` of rules/languages/cs.yaml), issue 13.
Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.labels import ORGANIZATION


def _orgs(detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect_text(text).spans if s.label == ORGANIZATION]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Had the power go out. Rang around, only Quorrell Electrical picked up.", "Quorrell Electrical"),
        ("Dobrý den, píšu z poradna Vlnka kvůli schůzce příští týden.", "poradna Vlnka"),
    ],
)
def test_organisation_found(detector, text: str, org: str) -> None:
    assert org in _orgs(detector, text)


def test_a_trade_in_lower_case_is_no_organisation(detector) -> None:
    assert _orgs(detector, "the electrical work was done, plumbing too") == []
