"""A named landing, jetty, dock or ice road is one place with its lower-case closing words
(rules/recognizers/places.yaml, LandingPlaceRecognizer); shops named head-first in other languages are
organisations (``org_heads`` of rules/languages/*.yaml). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZER = {r.name: r for r in load_pattern_recognizers(Rules())}["LandingPlaceRecognizer"]


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text, RECOGNIZER.supported_entities)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("the boat came in at the Tolvaig ferry landing late", "Tolvaig ferry landing"),
        ("we drove the Nahanni ice road in March", "Nahanni ice road"),
        ("meet me at the Reed Lake float-plane dock at nine", "Reed Lake float-plane dock"),
        ("the kids jump off the Olsen jetty all summer", "Olsen jetty"),
        ("his boat is tied up at the Kinross pier", "Kinross pier"),
    ],
)
def test_named_landings(text: str, place: str) -> None:
    assert found(text) == [place]


@pytest.mark.parametrize(
    "text",
    [
        "take the Tolvaig road north",
        "the Monday ferry landing was late",
        "down at the Council jetty",
        "The dock was busy",
        "the Kinross pier workers went on strike",
        "we walked to the Harbour pier",
    ],
)
def test_no_landing_without_a_name(text: str) -> None:
    assert found(text) == []


ORG_HEADS = {r.name: r for r in load_pattern_recognizers(Rules())}["OrgHeadRecognizer"]


@pytest.mark.parametrize(
    ("text", "shop"),
    [
        ("met her at Panadería Santa Lucía before her shift", "Panadería Santa Lucía"),
        ("we ate at Trattoria Da Vinio on the corner", "Trattoria Da Vinio"),
        ("she works mornings at Boulangerie Lefeuvre", "Boulangerie Lefeuvre"),
    ],
)
def test_shops_named_head_first(text: str, shop: str) -> None:
    assert [text[r.start : r.end] for r in ORG_HEADS.analyze(text, ORG_HEADS.supported_entities)] == [shop]


@pytest.mark.parametrize("text", ["Cantina was closed on Monday", "she loves the brasserie downstairs"])
def test_no_shop_without_its_name(text: str) -> None:
    assert ORG_HEADS.analyze(text, ORG_HEADS.supported_entities) == []
