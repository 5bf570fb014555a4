"""Address lines in many countries' orders (detect/recognizers/addresses.py), on invented addresses."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.addresses import AddressLinesRecognizer
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def recognizer() -> AddressLinesRecognizer:
    return AddressLinesRecognizer(Rules())


def found(recognizer: AddressLinesRecognizer, text: str) -> list[str]:
    return sorted(text[a:b] for a, b, _ in recognizer.find(text))


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Aila Nurmi\nPeltokatu 9 C 14\n33210 Vierumaa\nFINLAND", ["33210 Vierumaa", "Peltokatu 9 C 14"]),
        (
            "Flat 2, 17 Kestrel Street\nMoorby, Tallis 5024\nPhone: 021",
            ["Flat 2, 17 Kestrel Street", "Moorby, Tallis 5024"],
        ),
        ("Ανδρέα Λασκαράτου 14\nΚαστέλι 73100", ["Ανδρέα Λασκαράτου 14", "Καστέλι 73100"]),
        ("Address: 27A Quill Road\n        Moorby, Tallis 2022", ["27A Quill Road", "Moorby, Tallis 2022"]),
        ("630 Larch Ave S, Apt 9B\nBrennerton MN 55454", ["630 Larch Ave S, Apt 9B", "Brennerton MN 55454"]),
        ("Sgt Ann Vero\nPSC 1234, Box 5678\nAPO AE 09876", ["APO AE 09876", "PSC 1234, Box 5678"]),
        ("Kőrösi utca 206.\nH-2912 Tarnokvár", ["H-2912 Tarnokvár", "Kőrösi utca 206."]),
        (
            "Travessa do Lírio, 88\nVárzea Nova\n39113-400 Pedralva / MG",
            ["39113-400 Pedralva / MG", "Travessa do Lírio, 88", "Várzea Nova"],
        ),
        ("Kwikstraat 38\n8215 KZ Oudewier", ["8215 KZ Oudewier", "Kwikstraat 38"]),
        ("Edda Lind\nKvarngränd 61, 16831 Ödeby\n\nRe: your letter", ["Kvarngränd 61, 16831 Ödeby"]),
        ("ul. Lipowa 45/67, 83-045 Brzezno", ["ul. Lipowa 45/67, 83-045 Brzezno"]),
        # a labelled field holding the whole address, the number before a comma, a postcode with 3 digits
        (
            "Nom: Q\nAdresse: 1182, rue des Ormes, app. 4, Lachute QC H7N 2K9\nTel: 555",
            ["1182, rue des Ormes, app. 4, Lachute QC H7N 2K9"],
        ),
        ("> Chair, Vooruit Zuid\n> Eikenlaan 212-B\n> 3083 KL Moerdam", ["3083 KL Moerdam", "Eikenlaan 212-B"]),
        ("Writing from\nPO Box 417, Harbour Street, Moorby 9058\n", ["PO Box 417, Harbour Street, Moorby 9058"]),
        # a postal box line above a town with its postcode, of digits or of letters and digits
        ("Customer Care\nBrackwater Homes\nPO Box 4410\nHollins EN4 2QT\n\nDear", ["PO Box 4410"]),
        ("Postbus 8120\n6802 KA Oudewier\n", ["6802 KA Oudewier", "Postbus 8120"]),
        # a floor and a door after the house number, the province in brackets after the town (no identifier)
        (
            "Ilinca Popa\nC/ Mirto Sanz 22, 3º dcha.\n28912 Leganés (Madrid)\n\n4 May 2024",
            ["28912 Leganés", "C/ Mirto Sanz 22, 3º dcha."],
        ),
    ],
)
def test_address_lines(recognizer: AddressLinesRecognizer, text: str, lines: list[str]) -> None:
    assert found(recognizer, text) == sorted(lines)


@pytest.mark.parametrize(
    "text",
    [
        "We met 3 times\nSession 2024",
        "Week 3 was hard\nMarch 2024",
        "Notes\nMoorby\n2024 was good",
        "She scored 12 points.\nSeason 2023 ended",
        "Moorby 5024",  # a postcode line with no street above it
        "Date: 12, March session, Room 2024",  # a labelled value with numbers, no postcode and town
        "Score: 3, 2 and 1, Leeds 2024",
        "We had 3 sessions, 2024 Moorby",
        "Went to 3 Mill Lane, Moorby 5024 and back",
        "Call 555 0199!\nTallis 5024",
    ],
)
def test_lines_that_are_no_address(recognizer: AddressLinesRecognizer, text: str) -> None:
    assert found(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "The family moved to Kuusikatu 4 B 9, 20100 Aurajoki in May, near the school.",
            "Kuusikatu 4 B 9, 20100 Aurajoki",
        ),
        (
            "She moved to Rua das Laranjeiras 45, 2.º Dto., 4050-262 Porto last month.",
            "Rua das Laranjeiras 45, 2.º Dto., 4050-262 Porto",
        ),
        ("Her new address Lindenweg 27, 72070 Tübingen, from May.", "Lindenweg 27, 72070 Tübingen"),
        ("We met at 14 Oak Street, 3050 Parkville on Friday.", "14 Oak Street, 3050 Parkville"),
    ],
)
def test_an_address_inside_a_sentence(recognizer: AddressLinesRecognizer, text: str, address: str) -> None:
    assert address in found(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Since June 5, 2020 Covid changed everything.",
        "On page 12, 2019 Report says so",
        "We had 3 sessions, 2024 Budget",
    ],
)
def test_numbers_and_years_in_a_sentence_are_no_address(recognizer: AddressLinesRecognizer, text: str) -> None:
    assert found(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # a postal box of another language, a postcode of three digits before a rare town
        ("Jon Olafs\nPósthólf 5521\n112 Hafnarvík\n\nDear Jon", ["112 Hafnarvík", "Pósthólf 5521"]),
        ("Postfach 1120\n7712 Ottenhain", ["7712 Ottenhain", "Postfach 1120"]),
        # an Argentine postcode (a letter, four digits, maybe three letters) before the town
        ('Mendoza 2211, 4° "A", C1428AAF CABA\nTel. 4555-1234', ['Mendoza 2211, 4° "A", C1428AAF CABA']),
        ("Pringles 880\nC1183 CABA", ["C1183 CABA", "Pringles 880"]),
    ],
)
def test_international_boxes_and_postcodes(recognizer: AddressLinesRecognizer, text: str, lines: list[str]) -> None:
    assert found(recognizer, text) == lines


@pytest.mark.parametrize("text", ["Flat 3\n112 Main Street", "Room 4\n120 People came", "Box 3\n250 Grams"])
def test_a_three_digit_number_before_common_words_is_no_postcode(recognizer: AddressLinesRecognizer, text: str) -> None:
    assert found(recognizer, text) == []
