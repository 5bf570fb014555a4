"""Labelled IDs whose value has spaces, letter groups or slashes, and door-bell numbers (rules/recognizers/ids.yaml),
on invented values."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a health card's letters before its digit groups, after an acronym label and "no."
        ("PHC no.: TRAB 5511 0923\nSchool: Lakeside", "TRAB 5511 0923"),
        # a reference of letter-and-digit groups joined by slashes
        ("Lease ref: KT/BRW41/G7\n\nDear Mr Hale,", "KT/BRW41/G7"),
        # the last digits of a number, said so in brackets
        ("Medicaid ID: 00382915     SSN (last 4): 4093\nAddress:", "4093"),
        # labels of other countries' social security, of permits and of a market stall
        ("Nº afiliación Seguridad Social: 41/20557311/08\nAddress", "41/20557311/08"),
        ("Dear Vendor #341,\nOur records show", "341"),
        ("Street market permit: SV 20931 expires in May", "SV 20931"),
        # a provincial health card after its acronym with no "no." nor colon; a licence of a digit and a group
        ("DDN 1981-05-02   RAMQ TRAB 6402 1183   Dossier 8120", "TRAB 6402 1183"),
        ("Dre Lise Vachon, omnipraticienne, permis 5-20417", "5-20417"),
    ],
)
def test_labelled_ids_with_groups(text: str, code: str) -> None:
    names = ("RecordNumberRecognizer", "CodeRecognizer")
    assert code in [c for n in names for c in found(n, text)]


@pytest.mark.parametrize(
    "text",
    [
        "THE BEST 2000 3000 NIGHT",  # capitals and numbers with no label word before them
        "we got PAID 300 for 2 days",
        "Vendor 12 years",  # a count of years after the label
        "the permit took 3 weeks",
        "Social 4 Saturday",
        "the permit took 1-2 weeks",  # a range of a count, not a licence
        "met my MSP in 2023",
    ],
)
def test_capitals_and_counts_are_no_ids(text: str) -> None:
    assert found("RecordNumberRecognizer", text) == []
    assert [c for c in found("CodeRecognizer", text) if " " in c] == []


@pytest.mark.parametrize(
    ("text", "number"), [("ring buzzer 217 then lift to 4th", "217"), ("Buzz 12 at the gate", "12")]
)
def test_door_bell_numbers(text: str, number: str) -> None:
    assert found("RoomNumberRecognizer", text) == [number]


def test_a_buzz_of_times_is_no_door_bell() -> None:
    assert found("RoomNumberRecognizer", "the phone went buzz 5 times") == []
