"""Public agencies named alone, rooms named in prose, London postcode districts, ages after a name and a role in
commas, short local phones after a first name on a contact line and a birthday wished to a name (rules/recognizers/
agencies.yaml, ids.yaml, places.yaml, ages.yaml, contact.yaml, dates.yaml; issue 13). Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she rang the DWP twice about it", ["DWP"]),
        ("a letter from the Centrelink office came", ["Centrelink"]),
        ("then the Home Office wrote back", ["Home Office"]),
        ("she works from her home office most days", []),  # someone's room at home
        ("the DWPX form and a centrelink-ish thing", []),
    ],
)
def test_public_agency(text: str, expected: list[str]) -> None:
    assert found("PublicAgencyRecognizer", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("walked him back to Room 5 and sat down", ["Room 5"]),
        ("noise again (Rm 8 is next to the office)", ["Rm 8"]),
        ("Address: Room 5, 12 Quarry Road", ["5"]),  # a form's field keeps the number alone
        ("Wennet Lodge Care Home, Room 5\nMy name", ["5"]),  # an address's line too
        ("back in room 5 again", ["5"]),  # lower case: the number alone, as before
    ],
)
def test_room_in_prose(text: str, expected: list[str]) -> None:
    assert found("RoomNumberRecognizer", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we grew up in SE9, then a flat in NW6.", ["NW6", "SE9"]),
        ("vitamin B12 and an E10 form", []),  # one-letter areas and other codes stay out
    ],
)
def test_london_district(text: str, expected: list[str]) -> None:
    assert [p for p in found("PostcodeRecognizer", text) if " " not in p] == expected


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Involved:\n1. Quillon Yarrick, client, 15\n2. Ilsbet Vrell, grandmother, 67\nWitnesses: none", ["15", "67"]),
        ("Orsolt Dellis, son, 9, came with her", ["9"]),
        ("Orsolt Dellis, client, 12 Quarry Road", []),  # an address, not the item's end
    ],
)
def test_name_role_commas_age(text: str, ages: list[str]) -> None:
    assert [a for a in found("AgeRecognizer", text) if a in ages or a.isdigit()] == ages


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Contact: Quenby 552 7061 / Pharro 8842 1930", ["552 7061", "8842 1930"]),
        ("Call Orsolt D. 552 7061 any evening", ["552 7061"]),
        ("Quenby 552 7061 was the count", []),  # no phone's word on the line
    ],
)
def test_cued_line_first_name_phone(text: str, phones: list[str]) -> None:
    assert [p for p in found("PhoneShapeRecognizer", text) if p in phones or p.replace(" ", "").isdigit()] == phones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Happy 93rd, Tia Wennet! This Sunday we sing.", ["93rd"]),
        ("Happy 12th to us", []),
    ],
)
def test_happy_ordinal_to_a_name(text: str, expected: list[str]) -> None:
    assert [d for d in found("CalendarDateRecognizer", text) if d[-2:] in ("th", "rd")] == expected
