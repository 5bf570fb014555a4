"""Long numbers in dotted or spaced groups as IDs, a second phone after a slash, e-mail addresses read out with
"at" and "dot", NER's dates with a month of another language (rules/recognizers/ids.yaml, contact.yaml,
detect/finalise.py), on invented text."""

from __future__ import annotations

import pytest
from presidio_analyzer import PatternRecognizer

from qualdeid.detect.finalise import specific_date_pattern
from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RULES = Rules()
PATTERNS: dict[str, PatternRecognizer] = {r.name: r for r in load_pattern_recognizers(RULES)}


def pattern(name: str, text: str, min_score: float = 0.0) -> list[str]:
    recognizer = PATTERNS[name]
    results = recognizer.analyze(text, recognizer.supported_entities)
    return sorted(text[r.start : r.end] for r in results if r.score >= min_score)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Sozialvers.-Kennz.: 419.3306.5172.84\nAdresse", "419.3306.5172.84"),
        ("Protocolo: 07311.552910/2022-18\nNIS", "07311.552910/2022-18"),
        ("NIS: 271.55630.14-7\n", "271.55630.14-7"),
        ("Nomor: 512/331/402.7.3.11/2023\n", "512/331/402.7.3.11/2023"),
        ("N° sécu : 1 84 12 76 451 089 46\nContact", "1 84 12 76 451 089 46"),
        ("titulaire de la carte n° 2 604 1968 07215, vit seule", "2 604 1968 07215"),
    ],
)
def test_long_numbers_in_groups_are_ids(text: str, number: str) -> None:
    assert number in pattern("CodeRecognizer", text, min_score=0.6)


@pytest.mark.parametrize(
    "text",
    [
        "from 17.05.2023-23.05.2023 ok",  # a range of dates
        "on 2024.03.14 ok",
        "v1.2.3 and 10.5.2",
        "it cost 1.250.000.000 pesos",  # thousands apart by full stops
        "call 06 52 84 19 37 now",  # a phone: its trunk 0
        "+33 6 77 31 58 02 09",
        "0044 20 7946 0958 11",
        "2021 2022 2023 2024 in the table",  # a row of years
        "1 2 3 4 5 6 7 8 9 10 11 12 13",
    ],
)
def test_dates_amounts_phones_and_rows_are_no_grouped_ids(text: str) -> None:
    assert [n for n in pattern("CodeRecognizer", text, min_score=0.6) if len(n) > 8] == []


def test_a_second_phone_after_a_slash_and_a_country_code() -> None:
    text = "Tél. : +33 4 71 22 90 15 / 66 318 40 27 - bureau"
    assert "66 318 40 27" in pattern("PhoneShapeRecognizer", text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("or email rinak at tarvo care dot org dot nz, I'm in", "rinak at tarvo care dot org dot nz"),
        ("write to j.pell [at] postfeld [dot] com thanks", "j.pell [at] postfeld [dot] com"),
    ],
)
def test_addresses_read_out(text: str, address: str) -> None:
    assert pattern("EmailShapeRecognizer", text) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "looking at the dot com boom",
        "she was at work dot com",
        "we met at uni dot dot dot it was fine",
        "look at this dot com bubble",
    ],
)
def test_at_and_dot_in_prose_are_no_address(text: str) -> None:
    assert pattern("EmailShapeRecognizer", text) == []


def test_a_month_of_another_language_makes_a_date_specific() -> None:
    specific = specific_date_pattern(RULES)
    assert specific.search("27 avril")
    assert specific.search("am 4. Oktober")
    assert not specific.search("two weeks ago")  # a short month of another language that is an English word
    assert not specific.search("most evenings")
