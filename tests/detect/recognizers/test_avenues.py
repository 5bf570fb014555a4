"""Spanish avenues abbreviated "Av." with their floor and flat (rules/recognizers/places.yaml), on invented
addresses."""

from __future__ import annotations

import pytest

from helpers import pattern_found as found


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("the building on Av. Rivadavia 4410 where she works", "Av. Rivadavia 4410"),
        ('Place: Av. Sarmiento 880, 3° "B", Almagro', 'Av. Sarmiento 880, 3° "B"'),
        ("Avda. de la Paz 12, piso 4, Madrid", "Avda. de la Paz 12, piso 4"),
        ("Av. de los Incas 5120, 9° piso, Saavedra", "Av. de los Incas 5120, 9° piso"),
    ],
)
def test_abbreviated_spanish_avenues(text: str, street: str) -> None:
    assert street in found("StreetPrefixRecognizer", text)


@pytest.mark.parametrize("text", ["skrevet av Ibsen 1879", "a book av Hamsun 1920 i think", "the AV Club 3 times"])
def test_the_scandinavian_av_is_no_avenue(text: str) -> None:
    assert found("StreetPrefixRecognizer", text) == []
