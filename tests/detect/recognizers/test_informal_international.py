"""Case notes' short dates, local phone formats, class codes, Philippine districts, an address with a
British postcode inside a sentence and organisations written as one word with capitals inside
(rules/recognizers/*.yaml, recognizers/addresses.py, recognizers/camel.py), on invented text."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.recognizers.addresses import AddressLinesRecognizer
from qualdeid.detect.recognizers.camel import CamelCaseOrgRecognizer
from qualdeid.detect.recognizers.institutions import InstitutionOfRecognizer
from qualdeid.rules import Rules


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("11/05 KT - call from client re pay.\n13/05 KT - rang agency.", ["11/05", "13/05"]),
        ("Sick note runs till 02/06, rota changed 23/05.", ["02/06", "23/05"]),
        ("bloods done (17/04). Nurse visit 04/23 at home.", ["04/23", "17/04"]),
        ("Meeting her weekly since 3/19. Take the poster down after 4/30.", ["3/19", "4/30"]),
        ("Benefit review done 26/8, licence expires 9/7.", ["26/8", "9/7"]),
    ],
)
def test_day_and_month_without_a_year(text: str, dates: list[str]) -> None:
    assert found("CalendarDateRecognizer", text) == dates


@pytest.mark.parametrize(
    "text",
    [
        "pain 7/10, ratio 3/4, open 24/7, scored 12/20 and 20/10 vision",
        "bp 130/85 and 10/10 for effort, 08/10 points",
        "see 12/05/2024 and 3/11",  # a full date is numeric-date's; a short one needs a context word
        "since 3/4 of them left and 2/15 of the votes",
    ],
)
def test_scores_and_shares_are_no_dates(text: str) -> None:
    assert [d for d in found("CalendarDateRecognizer", text) if "/2024" not in d] == []


def test_a_case_note_line_opening_with_a_dotted_day_and_month() -> None:
    text = "Kürzel: JL Klientin\n\n08.11. RK - Hausbesuch JL\n21.11. RK - Anruf JL"
    assert found("CalendarDateRecognizer", text) == ["08.11.", "21.11."]
    assert found("CalendarDateRecognizer", "2.1. Methods\n1.2. Sample") == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Address: Ulmenweg 12\nTel: ask for her son Baran Kovîn 0532 614 77 21\nNotes: none", "0532 614 77 21"),
        ("call her on 06 41 27 93 58 tomorrow", "06 41 27 93 58"),
    ],
)
def test_a_trunk_number_ending_in_pairs(text: str, phone: str) -> None:
    assert phone in found("PhoneShapeRecognizer", text)


def test_no_phone_in_other_runs_of_pairs() -> None:
    assert found("PhoneShapeRecognizer", "on 01 02 2024 the scores were 0 12 34 56") == []


def test_a_class_code_with_year_and_number() -> None:
    text = "old code 4c-2021-337, new code 4c-2021-373; Q4-2023 and 3b-12 are fine"
    assert found("CodeRecognizer", text) == ["4c-2021-337", "4c-2021-373"]


def test_a_philippine_district_with_its_word() -> None:
    text = "power cut in Brgy. Malvarosa again today. Barangay San Tobias was flooded, Purok Tres too."
    assert found("PlacePrefixRecognizer", text) == ["Barangay San Tobias", "Brgy. Malvarosa", "Purok Tres"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Our drop-in: 17 Old Tollgate, PE12 4QX, open Tuesdays", "17 Old Tollgate, PE12 4QX"),
        ("Or come to 3 Quarry Row, Dunmarsh HX9 2LT on Friday.", "3 Quarry Row, Dunmarsh HX9 2LT"),
        ("drop it at 40 Ferris Lane, K7L 3N6 please", "40 Ferris Lane, K7L 3N6"),
        ("Kelso Peer Network, 14 Ward Road, Dunmarsh, Fife KY1 1XX", "14 Ward Road, Dunmarsh, Fife KY1 1XX"),
        ("write to 12 Birch Ave, Dunmarsh ON K7L 3N6 or call", "12 Birch Ave, Dunmarsh ON K7L 3N6"),
    ],
)
def test_a_street_and_a_letter_postcode_inside_a_sentence(text: str, address: str) -> None:
    recognizer = AddressLinesRecognizer(Rules())
    assert [text[a:b] for a, b, _ in recognizer.find(text)] == [address]


@pytest.fixture(scope="module")
def camel() -> CamelCaseOrgRecognizer:
    rules = Rules()
    return CamelCaseOrgRecognizer(rules, NameLexicon.read(rules))


def test_one_word_with_capitals_inside_is_an_organisation(camel: CamelCaseOrgRecognizer) -> None:
    text = "Bring your CardLink letter. Ask BrightStaff about pay, then QuellTech."
    assert [text[a:b] for a, b, _ in camel.find(text)] == ["CardLink", "BrightStaff", "QuellTech"]


@pytest.mark.parametrize(
    "text",
    [
        "We use WhatsApp, YouTube and PayPal.",  # brands everybody writes
        "Dr McAllister, DeShawn and MacLeod came.",  # names whose prefix takes a capital
        "MaryBeth and LeeAnne came.",  # double first names
        "see MyNotes.docx, @BrightStaff, www.QuellTech.com and PhD",  # a file, a handle, an address, a degree
    ],
)
def test_no_organisation_in_other_capitals(camel: CamelCaseOrgRecognizer, text: str) -> None:
    assert [text[a:b] for a, b, _ in camel.find(text)] == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Benedek, 52 — Szeged\nwritten up by his neighbour", "52"),
        ("Tomas: Tomas Ferenczy, 23. I drive a taxi.", "23"),
        ("08:10 Q.Z. (M, approx 9) walks in late", "9"),
        ("Household: Dana and 1 baby 11 mo\n", "11 mo"),
        ("Next of kin: daughter 47. Son away at uni.", "47"),
    ],
)
def test_ages_of_profiles_speakers_and_field_notes(text: str, age: str) -> None:
    assert found("AgeRecognizer", text) == [age]


@pytest.mark.parametrize(
    "text",
    ["London, 2012.", "Flat 3, 12 — ok", "Hi Ana, 3 things.", "Dear Sir, 12 March", "child 3 of 4 in the family"],
)
def test_no_age_after_other_commas(text: str) -> None:
    assert found("AgeRecognizer", text) == []


def test_forum_writers_after_a_reply_dash_or_a_quote_mark() -> None:
    text = (
        "Any advice?\n\nReply — upland_ewe_99: Sold ours last year.\n\nReply — KestrelMoss: Try the co-op.\n"
        "> señora_de_york: Try the church hall.\nReply — Anna: ok\n> note: fine"
    )
    assert sorted(set(found("SocialHandleRecognizer", text))) == ["KestrelMoss", "señora_de_york", "upland_ewe_99"]


def test_a_room_after_its_fields_colon() -> None:
    assert found("RoomNumberRecognizer", "Resident: Nan Bet\nRoom: 21C\nKeyworker: Lou") == ["21C"]
    assert found("RoomNumberRecognizer", "the room: 3 people shared it") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Best wishes,\nPat\n\nDr Pat Quill\nUniversity of the West Fells\nTel 0114 496 0111",
            "University of the West Fells",
        ),
        ("a grant from the Institute for Coastal Research in May", "Institute for Coastal Research"),
    ],
)
def test_an_institution_of_its_own_name(text: str, org: str) -> None:
    recognizer = InstitutionOfRecognizer(Rules())
    assert [text[a:b] for a, b, _ in recognizer.find(text)] == [org]


@pytest.mark.parametrize("text", ["She trained at the College of Nursing", "the university of the third age"])
def test_no_institution_named_by_its_function_or_in_lower_case(text: str) -> None:
    assert list(InstitutionOfRecognizer(Rules()).find(text)) == []
