"""Ages the sets' forms, notices and field notes wrote and the patterns missed (rules/recognizers/ages.yaml, issue
13): "is 68 years." and "87 years of age" with their unit, a name's age in commas ending its line (a notice's
heading, a profile's), the youngest's age after "here" or in brackets, a decade after a sex without brackets, and
the age column after a household table's sex column. Invented examples."""

from __future__ import annotations

import pytest

from helpers import pattern_found


def found(text: str) -> list[str]:
    return pattern_found("AgeRecognizer", text)


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Mrs. Quelvane is 68 years. She lives alone.", ["68 years"]),
        ("Mr. Dorrowick is 87 years of age. He walks with a stick.", ["87 years"]),
        ('MISSING - OSWIN "OZ" FARRINGDALE, 83\n\nOur dad walked out this morning.', ["83"]),
        ("Perpenna, 36 🌿\nTarrowby Flats", ["36"]),
        ("Present: participant, her youngest (3), and the social worker.", ["3"]),
        ("I'm the youngest here, sixty-three. I look after my mum.", ["sixty-three"]),
        ("bus to client 2. F, 70s, dementia, lives with her daughter.", ["70s"]),
        ("chest pain, Quenna, M 50s, transported.", ["50s"]),
        ("1    Brynmor Qorrowe      granddaughter   F     2 y     12.1 (yellow)", ["2 y"]),
        # a name's age closing a sentence, set off by dashes, before a profile's emoji or dot
        ("Meet Ilse Varga, 34. Lives by the river with two cats.", ["34"]),
        ("meet Ilse Varga, 34. grew up by the river", ["34"]),
        ("Steph texts her son – Vesko, 17 – to make sure he is up.", ["17"]),
        ("Ondine, 29 · Quayside", ["29"]),
        ("Ilse, 41 🏡 Northgate", ["41"]),
        # another language's word for a relative after a possessive, the age in brackets
        ("my jiddo (81, dementia) wants to go home", ["81"]),
    ],
)
def test_ages_found(text: str, ages: list[str]) -> None:
    assert found(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "It was 5 years. He was there 3 years, then left.",
        "The grant ran 10 years of funding, then stopped.",
        "Adresa: Praha, ulice Květinová, 12",
        "Deliveries to Quarry Lane, 12",
        "Chapter, 12\n",
        "We met in the 1980s, at the Quarry Lane flats.",
        "Total   F     12     M     9",
        "We parked on Ruthven Street, 12. It was cold.",
    ],
)
def test_no_age(text: str) -> None:
    assert found(text) == []
