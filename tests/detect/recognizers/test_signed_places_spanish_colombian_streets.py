"""A signature's place-and-date field and Spanish-speaking countries' street forms (issue 13, classes e and f): the
place of "Ort, Datum:" / "Sted/dato:" / "Lugar y fecha:" without its date; a Colombian address by the street's
number and the crossing ("Carrera 58 # 23B-14"); a Spanish "C/" street with its floor, door, postcode and town.
Invented places."""

from __future__ import annotations

import pytest

from helpers import pattern_found
from qualdeid.detect.recognizers.forms import FormFieldRecognizer
from qualdeid.labels import LOCATION
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def forms() -> FormFieldRecognizer:
    return FormFieldRecognizer(Rules())


def places(forms: FormFieldRecognizer, text: str) -> list[str]:
    return [text[a:b] for a, b, label in forms.find(text) if label == LOCATION]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ort, Datum: Quellbrunn, 03.05.2025\nUnterschrift: ______", "Quellbrunn"),
        ("Ort och datum: Vännäsby 2025-03-12", "Vännäsby"),
        ("Sted/dato: Kvaløysletta, 14.02.2025", "Kvaløysletta"),
        ("Place and date: Tarrowby, 12 May 2025", "Tarrowby"),
        ("Lugar y fecha: Villarrubio, 3 de mayo de 2025", "Villarrubio"),
        ("Lieu et date : Sainte-Orvelle, le 4 juin", "Sainte-Orvelle"),
        ("Place: Orrin Hall, Kessleby", "Orrin Hall, Kessleby"),
    ],
)
def test_the_place_of_a_signature_field_without_its_date(forms: FormFieldRecognizer, text: str, place: str) -> None:
    assert places(forms, text) == [place]


@pytest.mark.parametrize(
    "text",
    ["Date: 12 May 2025", "Ort, Datum: ________", "Place and date: to be confirmed"],
)
def test_no_place_in_an_empty_or_dated_field(forms: FormFieldRecognizer, text: str) -> None:
    assert places(forms, text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("vive en la Carrera 58 # 23B-14, barrio Laureles", "Carrera 58 # 23B-14"),
        ("Oficina: Cra 9B # 101-22 Sur, apto 302", "Cra 9B # 101-22 Sur, apto 302"),
        ("Nos vemos en Cl. 5 No. 3-41 a las 3.", "Cl. 5 No. 3-41"),
        ("queda en la Transversal 2 N° 18A-09", "Transversal 2 N° 18A-09"),
        (
            "Empadronamiento en C/ de Quintana Roja, 27, 3.º izda., 28031 Madrid",
            "C/ de Quintana Roja, 27, 3.º izda., 28031 Madrid",
        ),
        ("Sede: C/ del Olmo Verde 14, bajo B", "C/ del Olmo Verde 14, bajo B"),
        ("vive en c/ Alcalde Soria 212 con su tía", "c/ Alcalde Soria 212"),
    ],
)
def test_colombian_and_spanish_streets(text: str, address: str) -> None:
    assert address in pattern_found("StreetPrefixRecognizer", text)


@pytest.mark.parametrize(
    "text",
    [
        "the calle 5 bus was late",  # no crossing street and distance
        "Calle 5 was closed",
        "we paid 20 c/ kg",  # a price per unit
        "read chapter 12 # 3-4 again",
    ],
)
def test_no_street_without_its_form(text: str) -> None:
    found = pattern_found("StreetPrefixRecognizer", text)
    assert not any("#" in f or "/" in f for f in found)
