"""Addresses of parts in Vietnamese order, the number between the street word and the name ("hẻm 47 Trần Khánh Dư,
Phường 4, Quận 7": rules/lexicons/layout.yaml, detect/recognizers/addresses.py), and Italian streets in a chat's
lower case (rules/recognizers/places.yaml), on invented addresses."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.addresses import AddressLinesRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

STREETS = {r.name: r for r in load_pattern_recognizers(Rules())}["StreetPrefixRecognizer"]


@pytest.fixture(scope="module")
def addresses() -> AddressLinesRecognizer:
    return AddressLinesRecognizer(Rules())


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Currently living hẻm 47 Trần Khánh Dư, Phường 4, Quận 7, TP. HCM, works nights.",
            "hẻm 47 Trần Khánh Dư, Phường 4, Quận 7, TP. HCM",
        ),
        ("Now staying: ngõ 52 Hoàng Quốc Việt, phòng 212 (with 2 friends)", "ngõ 52 Hoàng Quốc Việt, phòng 212"),
    ],
)
def test_vietnamese_address_of_parts(addresses: AddressLinesRecognizer, text: str, address: str) -> None:
    assert address in [text[a:b] for a, b, _ in addresses.find(text)]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("i live now in via tassoni 17, second door", "via tassoni 17"),
        ("staying with my cousin in corso brenta 112 interno 4 top floor", "corso brenta 112"),
    ],
)
def test_italian_street_in_lower_case(text: str, street: str) -> None:
    assert street in [text[r.start : r.end] for r in STREETS.analyze(text, STREETS.supported_entities)]


@pytest.mark.parametrize("text", ["send it via email 2.", "we came via route 9.", "sent via whatsapp 3 times"])
def test_what_english_sends_via_is_no_street(text: str) -> None:
    assert STREETS.analyze(text, STREETS.supported_entities) == []
