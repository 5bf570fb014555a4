"""Identity numbers with full stops between the thousands after a form's bare document abbreviation (issue 13,
class i): "TI 1.017.284.903" in a household table, "ID (C.C.): 43.812.554", "N.º 52.114.907"; an amount or a
word in capitals stays none. Invented numbers."""

from __future__ import annotations

import pytest

from helpers import pattern_found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mateo Quiroga       nieto     9     TI 1.093.527.806     colegio", "1.093.527.806"),
        ("Valentina Quiroga   nieta     2     RC 1.036.904.118", "1.036.904.118"),
        ("Titular: Aurora Pinzón     ID (C.C.): 39.614.207", "39.614.207"),
        ("Documento: CC [x]  CE [ ]    N.º 52.114.907 de Manizales", "52.114.907"),
    ],
)
def test_a_dotted_identity_number_after_a_bare_document_label(text: str, code: str) -> None:
    assert pattern_found("RecordNumberRecognizer", text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "The roof cost 12.500.000 pesos.",
        "TIENDA 1.200.000 pesos",  # a capital word that only starts like a label
        "the total came to 3.400.000, as the CC said later",
        "Ti 1.200.000 pesos",  # a label only in capitals
    ],
)
def test_no_identity_number_in_amounts(text: str) -> None:
    assert [c for c in pattern_found("RecordNumberRecognizer", text) if "." in c] == []
