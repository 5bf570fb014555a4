"""Full names with particles and quoted nicknames are one name (issue 13, class d; invented names)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def names_found(detector, text: str) -> list[str]:
    [doc] = detector.detect([Document(id="d", text=text)])
    return [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Met Liesbet van der Hoorn at the library.", "Liesbet van der Hoorn"),
        ("Then Ramón de la Peña came in.", "Ramón de la Peña"),
        ("Sat with Yusuf bin Hamdan for an hour.", "Yusuf bin Hamdan"),
        ("Sat with Eoghan Ó Briain for an hour.", "Eoghan Ó Briain"),
        ('Saw Tomasz "Tomek" Wierzbicki at the desk.', 'Tomasz "Tomek" Wierzbicki'),
    ],
)
def test_a_full_name_is_one_span(detector, text: str, name: str) -> None:
    assert name in names_found(detector, text)


def test_particles_without_a_capitalised_name_after_them_stay_words(detector) -> None:
    assert names_found(detector, "Sat with Liesbet de facto in charge of the rota, then Liesbet left.") == [
        "Liesbet",
        "Liesbet",
    ]
