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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Termin am 3.4. um 9:10. Vorgangsnummer 2023-KLV-448120", "2023-KLV-448120"),
        ("Tolk användes: Ja, arabiska, tolknummer 66120 (Tolkservice)", "66120"),
        ("Claim reference (if known): QT/8812044", "QT/8812044"),
        ("tracking 9400 1118 2233 0456 sent today", "9400 1118 2233 0456"),
        ("실종 신고했습니다 (접수번호 2023-0412-남구)", "2023-0412"),
        ("现在在医院，住院号ZY20230711045。", "ZY20230711045"),
    ],
)
def test_a_number_after_another_language_s_label(text: str, code: str) -> None:
    assert pattern_found("RecordNumberRecognizer", text) == [code]


@pytest.mark.parametrize(
    "text", ["Vorgangsnummer folgt per Post", "tracking the kids' moods all week", "case 2023-ish, we think"]
)
def test_no_number_without_a_value_or_with_a_year(text: str) -> None:
    assert pattern_found("RecordNumberRecognizer", text) == []
