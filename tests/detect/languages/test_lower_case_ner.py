"""English NER's person, place or organisation read from lower-case everyday words of a paragraph written in
another language is dropped (detect/finalise.py, OtherLanguages.in_paragraph_of, issue 13); in an English
paragraph of a text partly in that language, or where the words are capitalised, it stays. Invented texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qualdeid.labels import LOCATION, ORGANIZATION, PERSON

Final = Callable[[str, str, str], list[str]]

SPANISH = (
    "Buscamos a mi abuelo. Es alto, usa bastón de madera y lleva siempre una gorra gris. Si lo ven, por favor\n"
    "avisen a la familia. Seguro que está cerca de la estación porque le gusta mirar los trenes."
)
MIXED = (
    "Nana moved back to kelverton near the river last year and she loves it there. We visit on\n"
    "Sundays when we can, and the dog comes too.\n\n"
    "Dice que está bien, que no necesita nada, que la casa es grande y tranquila y que los vecinos son buenos."
)


@pytest.mark.parametrize(("surface", "label"), [("usa bastón", ORGANIZATION), ("gorra", PERSON), ("trenes", LOCATION)])
def test_lower_case_words_of_a_paragraph_in_another_language_are_no_name(
    final: Final, surface: str, label: str
) -> None:
    assert final(SPANISH, surface, label) == []


def test_an_english_paragraph_of_a_mixed_text_is_read_as_before(final: Final) -> None:
    assert final(MIXED, "kelverton", LOCATION) == ["kelverton"]
