"""Rare details told by a frame (invented texts): a craft lost with someone of the text tied to it, the only one
who lived through something, a prize won at a show, a body mark told by its shape or cause, a baby delivered
somewhere unusual."""

from __future__ import annotations

import pytest

from qualdeid.labels import RARE_DETAIL


def _rare(detector, text: str) -> list[str]:
    return [text[s.start : s.end] for s in detector.detect_text(text).spans if s.label == RARE_DETAIL]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Gwilym crewed on a longliner that went down off the cape.", "longliner that went down"),
        ("The scallop dredger he worked on sank in a storm.", "dredger he worked on sank"),
        ("They clung to a cooler for a day after our trawler capsized off the reef.", "our trawler capsized"),
        ("Her brother's yacht went down in the Tasman.", "yacht went down"),
    ],
)
def test_a_craft_lost_with_someone_tied_to_it_is_a_detail(detector, text: str, inside: str) -> None:
    assert any(inside in found for found in _rare(detector, text))


@pytest.mark.parametrize(
    "text",
    [
        "The price of the boat went down last year.",
        "We went down the river in a boat.",
        "The ferry went down to the harbour at six.",
        "My heart sank when the bus came.",
        "The old ferry sank off the point in the fifties.",
        "The sun went down and the boats came in.",
        "He has sunk a lot of money into the boat.",
    ],
)
def test_a_craft_going_down_with_no_one_tied_to_it_or_a_plain_going_down_is_none(detector, text: str) -> None:
    assert _rare(detector, text) == []


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Kester was the only one who walked out of the burning coach.", "who walked out of the burning coach"),
        ("Of the six crew he was the only one who survived the wreck.", "only one who survived the wreck"),
        ("Eight of them went in and Tobiah was the only one who lived.", "only one who lived"),
        ("I'm the only one who walked away, and I think about it.", "only one who walked away"),
    ],
)
def test_the_only_one_who_lived_through_something_is_a_detail(detector, text: str, inside: str) -> None:
    assert any(inside in found for found in _rare(detector, text))


@pytest.mark.parametrize(
    "text",
    [
        "She was the only one who walked out of the meeting.",
        "He was the only one who survived the whole week.",
        "She was the only one who lived nearby.",
        "He was the only one who got out of bed early.",
        "Lisbet was the only one who turned up on time.",
    ],
)
def test_the_only_one_who_did_something_everyday_is_none(detector, text: str) -> None:
    assert _rare(detector, text) == []


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("The ram she bred took the rosette at the county show.", "ram she bred took the rosette at the county show"),
        ("Her heifer that won the cup at the county show is in calf.", "heifer that won the cup at the county show"),
    ],
)
def test_what_someone_raised_that_won_at_a_show_is_a_detail(detector, text: str, inside: str) -> None:
    assert any(inside in found for found in _rare(detector, text))


def test_a_thing_that_won_at_a_show_with_no_one_tied_to_it_is_none(detector) -> None:
    assert _rare(detector, "The cake that won a prize at the village fete was mine.") == []


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("He has a scar on his shin from a shark.", "scar on his shin from a shark"),
        ("Mereana has a burn mark like a feather on her shoulder.", "burn mark like a feather on her shoulder"),
        ("You can still see the scar on my calf from the bull.", "scar on my calf from the bull"),
    ],
)
def test_a_mark_on_the_body_told_with_its_shape_or_cause_is_a_detail(detector, text: str, inside: str) -> None:
    assert any(inside in found for found in _rare(detector, text))


@pytest.mark.parametrize(
    "text",
    ["He has a scar on his knee from football.", "He got a burn on his hand from the oven."],
)
def test_a_mark_from_an_everyday_cause_is_none(detector, text: str) -> None:
    assert _rare(detector, text) == []


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Ysella delivered a baby in the back of a removal van.", "delivered a baby in the back of a removal van"),
        ("He once delivered a baby on the top deck of a night bus.", "delivered a baby on the top deck"),
    ],
)
def test_a_baby_someone_delivered_somewhere_unusual_is_a_detail(detector, text: str, inside: str) -> None:
    assert any(inside in found for found in _rare(detector, text))


@pytest.mark.parametrize(
    "text",
    [
        "She delivered a baby at the hospital last night.",
        "The midwife delivered twins in the birthing pool.",
        "He delivered a parcel in the back of a van.",
    ],
)
def test_a_delivery_in_an_ordinary_place_or_of_a_thing_is_none(detector, text: str) -> None:
    assert _rare(detector, text) == []
