"""A greeting or thanks of another language opening a name is no part of the name (detect/finalise.py,
lexicons/greetings.txt; invented texts)."""

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
