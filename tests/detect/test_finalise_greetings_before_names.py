"""The words before a name in its span (detect/finalise.py; invented texts): a greeting or thanks of another
language opening a name is no part of it (lexicons/greetings.txt); a title is, unless a possessive stands right
before it ("her neighbour signora Pia": the neighbour is hers, the title stays)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hola Itzíar, te escribo por lo de mañana.", "Itzíar"),
        ("Grazie Teodolinda per tutto!", "Teodolinda"),
    ],
)
def test_a_greeting_before_a_name_stays_out_of_its_span(detector, text: str, name: str) -> None:
    people = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert people == [name]


def test_a_title_after_a_possessive_and_a_noun_stays_with_the_name(detector) -> None:
    text = "Her neighbour signora Ottavia rang me to say my aunt fell again.\n\nSenhor Teotónio came over with lemons."
    people = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert people == ["signora Ottavia", "Senhor Teotónio"]
