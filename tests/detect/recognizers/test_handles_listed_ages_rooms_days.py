"""Identifiers of lay and international texts the patterns missed (issue 13, classes e-i): a forum reply opened by
its writer's user name and a colon, a handle after "my handle there is" (rules/recognizers/contact.yaml); people listed
with their ages, a household's "Name (N, 9)", a child's age in years and months (ages.yaml); a room's number after
"is number" or another language's room word (ids.yaml); a shouted place in a lost poster's heading (notices.yaml);
a date before a colon, a day of the month in words, a birthday's dotted day and month (dates.yaml); "via" in lower
case before a capitalised street and its number (places.yaml); a rare name before a waterside kind of place
(lexicons/venue_kinds_lower.txt). Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("Thread: help\n\nfennel_99:\nSame here, my nan refused too.", ["fennel_99"]),
        ("> **BramOnTheMoor**: try a day centre first", ["BramOnTheMoor"]),
        ("> AsterK: we had this too", ["AsterK"]),
        ("> **ravenna.k:** thank you all", ["ravenna.k"]),
        ("find me on the forum, my handle there is kiri_boy", ["kiri_boy"]),
    ],
)
def test_a_user_name_opening_a_reply_or_named_as_the_handle(text: str, handles: list[str]) -> None:
    assert pattern_found("SocialHandleRecognizer", text) == handles


@pytest.mark.parametrize(
    "text",
    [
        "P12: yes I think so",  # a transcript's participant
        "N.B: bring the forms",
        "Int1: and then?",
        "MacDonald: hello",  # a speaker's surname
        "Speaker12: mm",
        "Summary: fine",
    ],
)
def test_a_speaker_label_is_no_handle(text: str) -> None:
    assert pattern_found("SocialHandleRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        (" 1. Olwen Brackett Vask, 12 years\n 2. Perrin Brackett Vask, 8 years - deaf", ["12", "8"]),
        ("- Dorrin Vask, 9 yrs\n", ["9"]),
        ("Household: Kaveta (K, 9), baby Aro (A, 5 mths)", ["5 mths", "9"]),
        ("Age/Sex: 6 y 3 mo / F\nSibling: age 2y 7m", ["2y 7m", "6 y 3 mo"]),
    ],
)
def test_listed_and_household_ages(text: str, ages: list[str]) -> None:
    assert pattern_found("AgeRecognizer", text) == ages


def test_a_listed_stay_is_no_age() -> None:
    assert pattern_found("AgeRecognizer", "Lived in Harrowby Vale, 3 years and then moved.") == []


@pytest.mark.parametrize(
    ("text", "rooms"),
    [
        ("His room is number 31, by the lift.", ["31"]),
        ("Cama A, Quarto: 14", ["14"]),
        ("la signora del terzo piano, interno 4", ["4"]),
    ],
)
def test_a_room_number_after_is_number_or_in_another_language(text: str, rooms: list[str]) -> None:
    assert pattern_found("RoomNumberRecognizer", text) == rooms


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("LOST CAT – QUENHOLM 🙏 please share\nGrey tom.", ["QUENHOLM"]),
        ("LOST DOG – QUENHOLM – PLEASE HELP 🐶", ["QUENHOLM"]),
        ("MISSING CAT – PLEASE SHARE", []),
        ("MISSING CAT — GATO PERDIDO", []),  # the heading again in another language
    ],
)
def test_a_shouted_place_in_a_lost_poster_heading(text: str, places: list[str]) -> None:
    assert pattern_found("NoticeHeadingPlaceRecognizer", text) == places


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Update Mar 27: the van is fixed", ["Mar 27"]),
        ("May 10:30 meeting moved", []),  # a time after the day
        ("She's away until the seventeenth, then back.", ["seventeenth"]),
        ("by the twelfth of June", ["twelfth"]),
        ("on the fourth floor", []),
        ("until the fifth one came", []),
        ("birthday on 12.07, so bring a card", ["12.07"]),
        ("meet on 10.30 tomorrow", []),
    ],
)
def test_dates_before_a_colon_in_words_and_dotted_birthdays(text: str, dates: list[str]) -> None:
    assert pattern_found("CalendarDateRecognizer", text) == dates


def test_a_rare_name_before_a_waterside_kind_is_one_place(detector) -> None:
    doc = detector.detect_text("He rows out from Tarrabee harbour most mornings, and we had a picnic on Kelmora beach.")
    places = [s.text for s in doc.spans if s.label == "LOCATION"]
    assert places == ["Tarrabee harbour", "Kelmora beach"]
    doc = detector.detect_text("We walked along the beach and then the harbour, and sat on the pier.")
    assert [s.text for s in doc.spans] == []


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        ("an office in via Tassoni 17, near the station", ["via Tassoni 17"]),
        ("we met via Zoom 3, then by phone", []),
        ("flew via Dubai 2 times", []),
    ],
)
def test_a_lower_case_via_before_a_capitalised_street(text: str, streets: list[str]) -> None:
    assert pattern_found("StreetPrefixRecognizer", text) == streets
