"""Addresses of parts with their areas and buildings, lower-case and one-word streets, short dates a document's
full dates or an update confirm (detect/recognizers/addresses.py, short_dates.py, rules/recognizers/places.yaml
and dates.yaml), on invented text."""

from __future__ import annotations

import pytest
from presidio_analyzer import PatternRecognizer

from qualdeid.detect.recognizers.addresses import AddressLinesRecognizer
from qualdeid.detect.recognizers.short_dates import ShortDateRecognizer
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RULES = Rules()
ADDRESSES = AddressLinesRecognizer(RULES)
SHORT = ShortDateRecognizer(RULES)
PATTERNS: dict[str, PatternRecognizer] = {r.name: r for r in load_pattern_recognizers(RULES)}


def addresses(text: str) -> list[str]:
    return sorted(text[a:b] for a, b, _ in ADDRESSES.find(text))


def pattern(name: str, text: str) -> list[str]:
    recognizer = PATTERNS[name]
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, recognizer.supported_entities))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # the street, its neighbourhood and ward by their area words, after a form's label
        (
            "Alamat      : Jl. Kenari Tepi Gg. II No. 8, RT 003/RW 011, Kel. Sumbertani, Kec. Wonolor",
            "Jl. Kenari Tepi Gg. II No. 8, RT 003/RW 011, Kel. Sumbertani, Kec. Wonolor",
        ),
        # a colonia and a postcode by its label, the state abbreviated
        (
            "Dirección postal: Calle Tulipán No. 42, Col. Arboleda, C.P. 41820, Ixtavel, Qro.",
            "Calle Tulipán No. 42, Col. Arboleda, C.P. 41820, Ixtavel, Qro",
        ),
        # a block and a lot inside a sentence, the barangay and the town with its postcode
        (
            "ipadala sa Blk 12 Lot 3, Phase 2, Marela Groves, Brgy. Tambolin, Quarro City 4127, salamat",
            "Blk 12 Lot 3, Phase 2, Marela Groves, Brgy. Tambolin, Quarro City 4127",
        ),
        # a floor, a building and a street named by its kind's word, no address word before a number
        (
            "3/F Alcova Bldg., Ferrando Ave. cor. Lumen St., Tarvesa City 6021",
            "3/F Alcova Bldg., Ferrando Ave. cor. Lumen St., Tarvesa City 6021",
        ),
        # a building's letter and a flat, the street and the postcode in a chat's lower case
        (
            "vous êtes toujours bât d appt 17, 8 rue des glycines, 21409 vorcelles ?",
            "bât d appt 17, 8 rue des glycines, 21409 vorcelles",
        ),
        # a street in lower case with its number, then its neighbourhood
        (
            "endereço: rua dos pessegueiros 412 fundos, bairro serrinha",
            "rua dos pessegueiros 412 fundos, bairro serrinha",
        ),
        # a floor named by its word between numbered parts
        ("H. No. 77, Third Floor, Gali No. 9, Pembrook", "No. 77, Third Floor, Gali No. 9, Pembrook"),
    ],
)
def test_addresses_of_parts_with_areas_and_buildings(text: str, address: str) -> None:
    assert addresses(text) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "We met at 3, then 4 came, ok?",
        "Week 3, Day 2, Room 6, Street party after.",
        "I paid 40, the rest 20, col. Pirrow said fine.",
        "we had 3 kids, 2 dogs, a lot 5 times, 4 cats",
    ],
)
def test_counts_and_lists_are_no_address_of_parts(text: str) -> None:
    assert addresses(text) == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("quem busca? av. serra lontral 2210 ap 41\nok", "av. serra lontral 2210 ap 41"),
        ("she moved to calle orvelas 14, near the park", "calle orvelas 14"),
        ("HV Via Quarnaro 118 w/ the social worker", "Via Quarnaro 118"),
        ("lunch at Piazza Tremosa 3.", "Piazza Tremosa 3"),
    ],
)
def test_prefixed_streets_in_lower_case_and_italian_ones(text: str, street: str) -> None:
    assert pattern("StreetPrefixRecognizer", text) == [street]


@pytest.mark.parametrize(
    "text",
    [
        "en la calle hay 2 perros grandes",  # a sentence: the number does not close it
        "Via Skorn 3 times a week we met",  # a count after the number
        "sent via Skorn 3 times",
    ],
)
def test_sentences_with_a_street_word_are_no_street(text: str) -> None:
    assert pattern("StreetPrefixRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("at the school, Vlierbesstraat entrance.", "Vlierbesstraat"),
        ("walk via Tolvanstr. to the hall", "Tolvanstr."),
        ("tamara: quittengasse stiege 2, lift kaputt", "quittengasse"),
        ("meet at the corner of Pelkolankatu", "Pelkolankatu"),
    ],
)
def test_one_word_streets_without_a_number(text: str, street: str) -> None:
    assert pattern("CompoundStreetRecognizer", text) == [street]


@pytest.mark.parametrize(
    "text",
    ["Her Arbeitsplatz was fine and the Heimweg long.", "The Minister said so.", "the Koivutie was closed"],
)
def test_words_with_other_endings_are_no_one_word_street(text: str) -> None:
    assert pattern("CompoundStreetRecognizer", text) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a document writing its full dates with slashes writes its short ones so
        ("Plan: clinic review 6/3; forms.\n\n6/3/25 - went with her, fine.", ["6/3"]),
        # a leading zero is no score out of ten
        ("07/10 - plan made: train home 09/10, cousin meets her.", ["07/10", "09/10"]),
        # an update's date
        ("Rota (updated 19/6 by Tove)", ["19/6"]),
    ],
)
def test_short_dates_by_the_documents_dates(text: str, dates: list[str]) -> None:
    assert [text[s:e] for s, e, _ in SHORT.find(text)] == dates


def test_a_month_and_year_with_a_full_stop() -> None:
    assert pattern("WorldDateRecognizer", "Karte gültig bis 09.2031, dann neu") == ["09.2031"]
    assert pattern("WorldDateRecognizer", "version v3.10.2024 and £10.2024") == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("the landlord at 12840 66A Ave says we must go", "12840 66A Ave"),
        ("meet at 881 12 Ave NW today", "881 12 Ave NW"),
    ],
)
def test_a_street_named_by_its_number_after_a_house_number(detector, text: str, street: str) -> None:
    doc = detector.detect_text(text)
    assert [text[s.start : s.end] for s in doc.spans if s.label == "LOCATION"] == [street]


def test_postal_box_after_a_label_with_a_note_after_it() -> None:
    text = "Postal: PO Box 5127, Tarvemont, 8042 (the office collects)\nContact: us"
    assert addresses(text) == ["PO Box 5127, Tarvemont, 8042"]
