"""Short local phone numbers, labelled IDs, numbered homes and addresses of numbered parts in many countries'
formats (rules/recognizers/contact.yaml, ids.yaml, recognizers/addresses.py), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.detect.nlp.presidio import compile_patterns
from qualdeid.detect.recognizers.addresses import AddressLinesRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZERS = {r.name: r for r in load_pattern_recognizers(Rules())}
ADDRESSES = AddressLinesRecognizer(Rules())


def found(name: str, text: str) -> list[str]:
    recognizer = RECOGNIZERS[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


def addresses(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in ADDRESSES.find(text)]


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Outreach volunteer\nMob. 44 817", ["44 817"]),
        ("Tel: 31 592 (her work)   or 68 240 (daughter's cell)", ["31 592", "68 240"]),
        ("Contacts\nBruno     51 336\nTorvald: 73 618\n\nNB bring the form.", ["51 336", "73 618"]),
        ("Missed call from 604 118 273 this morning.", ["604 118 273"]),
        ("Address: see file     tel. (3 7) 233 4410", ["(3 7) 233 4410"]),
        ("Si necesitáis algo, llamadme al 688 51 37 09.", ["688 51 37 09"]),
    ],
)
def test_short_local_phone_numbers(text: str, phones: list[str]) -> None:
    assert found("PhoneShapeRecognizer", text) == phones


def test_contact_list_after_lines_with_numbers() -> None:
    text = "Contacts\nOffice hours 9 to 5, room 12\nBruno     51 336\n"
    assert found("PhoneShapeRecognizer", text) == ["51 336"]


def test_a_long_chat_export_is_read_in_time() -> None:
    # every line holds digits: the contact list's look back over up to fifteen such lines once split each line
    # at every digit in turn, and a chat export of eight lines ran past the pattern time limit
    lines = "".join(f"12/03/24, 14:{i:02d} - Wren Olsby: words here and more words, see you\n" for i in range(14))
    text = "Group chat\n\n" + lines + "room: 14 and door 22 88341. later\n"
    recognizer = RECOGNIZERS["PhoneShapeRecognizer"]
    compile_patterns(recognizer)  # as detection does: a search past its time limit raises PatternTimedOut
    assert "88341" not in " ".join(found("PhoneShapeRecognizer", text))


@pytest.mark.parametrize(
    "text",
    [
        "We had 44 817 visitors. The phone was 12 years old.",
        "It cost € 604 118 273 in all, and 300 000 people came.",
        "Contacts\nMeeting at 10 30\n",
        "She scored 12 345 points on the phone game.",
    ],
)
def test_counts_and_sums_are_no_phones(text: str) -> None:
    assert found("PhoneShapeRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Benefits: none          SSN last 4: 9147          Housing: rent", ["9147"]),
        ("Лист № 221/23 of the office; registo nº 5518.", ["221/23", "5518"]),
        ("CERTIFICATE\nNo. 318/KS.04/VI/2023\n", ["318/KS.04/VI/2023"]),
        ("File KRT/Mž/14/2021 is open.", ["KRT/Mž/14/2021"]),
        ("Kept in the drawer: 800 4417 2096 3318, for the clinic.", ["800 4417 2096 3318"]),
        ("Last four digits 6904. Her phone ending ...7316 rang.", ["6904", "7316"]),
        ("The dog's chip reads 900 118 402 337 615\n", ["900 118 402 337 615"]),
        ("Aktenzeichen: 7 K 408/22\nTessera sanitaria: 61 4402 8810\n", ["61 4402 8810", "7 K 408/22"]),
    ],
)
def test_labelled_and_shaped_ids(text: str, ids: list[str]) -> None:
    assert sorted(found("RecordNumberRecognizer", text) + found("CodeRecognizer", text)) == ids


@pytest.mark.parametrize(
    ("text", "homes"),
    [
        ("Come up to flat 9 on the second floor.", ["flat 9"]),
        ("He lives in cabin 3 with another guy.", ["cabin 3"]),
        ("a flat 20 dollars fee. The flat 3 bedroom house. He paid a flat 50 for it.", []),
    ],
)
def test_flats_and_cabins_with_their_word(text: str, homes: list[str]) -> None:
    assert found("RoomNumberRecognizer", text) == homes


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "KALMAR CARE SOCIETY\nHouse No. 9, Street 3, Sector B-4, Tarvoabad, Kestrelpur 57216\nTel: 091",
            "House No. 9, Street 3, Sector B-4, Tarvoabad, Kestrelpur 57216",
        ),
        (
            "Please send post to Street 118-2, House No. 7, Qelta Varo, Mirkana. Thank you.",
            "Street 118-2, House No. 7, Qelta Varo, Mirkana",
        ),
        ("Громадська спілка\nвул. Садова, 41, кв. 9\n", "вул. Садова, 41, кв. 9"),
        ("Visit at Kolínská 17, byt č. 4, 612 00 Tarvov, with the mother.", "Kolínská 17, byt č. 4, 612 00 Tarvov"),
        ("Office: Jl. Kenari Sari III No. 9, Tarvo 60231   HP: 0852", "Jl. Kenari Sari III No. 9, Tarvo 60231"),
        ("P.O. Box 55812     Tel: +251 11 555 0123", "P.O. Box 55812"),
        ("вул. Садова, 41, кв. 9\nм. Тарвів, 79044\nУкраїна", "м. Тарвів, 79044"),
    ],
)
def test_addresses_of_numbered_parts(text: str, address: str) -> None:
    assert address in addresses(text)


@pytest.mark.parametrize(
    "text",
    [
        "Phase 2, Study 3, Block 4. Week 2, Session 5, Group 3. Table 2, Figure 3, Model 4.",
        "We met in House 3, Week 2, and then 14 people came, 20 left.",
        "Chapter 4, Section 2, Street Art and the City.",
    ],
)
def test_numbered_parts_of_prose_are_no_address(text: str) -> None:
    assert addresses(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Addr.: Vogelsanger Pfad 17, 41023 Krelsdorf\nFloor: 4",
            ("Vogelsanger Pfad 17, 41023 Krelsdorf", "LOCATION"),
        ),
        ("Front desk\nNo. HP: 0852 5550 0987\n", ("0852 5550 0987", "CONTACT")),
    ],
)
def test_short_labels_of_addresses_and_phones(text: str, value: tuple[str, str]) -> None:
    from qualdeid.detect.recognizers.forms import FormFieldRecognizer

    recognizer = FormFieldRecognizer(Rules())
    assert value in [(text[a:b], label) for a, b, label in recognizer.find(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Address: Vogelsanger Pfad 17, 41023 Krelsdorf      Floor: 2",
            "Vogelsanger Pfad 17, 41023 Krelsdorf",
        ),
        (
            "Address: 19 Quarnel St, Unit 5, Tarvo, MA 01957           Seen: yes",
            "19 Quarnel St, Unit 5, Tarvo, MA 01957",
        ),
    ],
)
def test_an_address_ends_at_the_gap_before_the_next_field(text: str, address: str) -> None:
    found = addresses(text)
    assert address in found
    assert not any(len(a) > len(address) for a in found)


def test_a_place_label_in_other_languages() -> None:
    from qualdeid.detect.recognizers.forms import FormFieldRecognizer

    text = "Paikka: Tammelankatu 18 B, kerhohuone\n"
    spans = [(text[a:b], label) for a, b, label in FormFieldRecognizer(Rules()).find(text)]
    assert any(value.startswith("Tammelankatu 18 B") for value, label in spans if label == "LOCATION")


@pytest.mark.parametrize(
    ("text", "handle"),
    [("> Quote from Grouchy_Fernbird:\n> fine", "Grouchy_Fernbird"), ("> quote tarnMoss88: same here", "tarnMoss88")],
)
def test_the_writer_of_a_quoted_post(text: str, handle: str) -> None:
    assert found("SocialHandleRecognizer", text) == [handle]


@pytest.mark.parametrize("text", ["Telefonnummer: 030 5550 1234", "Seitennummer: 4", "Numéro: rue basse"])
def test_a_phone_or_a_small_number_is_no_foreign_labelled_id(text: str) -> None:
    assert found("RecordNumberRecognizer", text) == []
