"""Names written in capitals inside an ordinary text: a notice's heading, an appeal's line, a group's title, a
form's surname field in another language (detect/names/processor.py, rules/lexicons/form_fields.yaml; invented
texts)."""

from __future__ import annotations

import pytest


def _people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("IN LOVING MEMORY OF DOROTHY HAKKARAINEN\n\nPassed away on a Tuesday.", "DOROTHY HAKKARAINEN"),
        ("DEATH NOTICE\n\nGERTRUDE ORSOLYA VENDEL née Brisco, known to all as Nan.", "GERTRUDE ORSOLYA VENDEL"),
        ("Please share. MISSING: TAUNO BRISCO, aged 74, last seen on the bridge.", "TAUNO BRISCO"),
        ("Group chat: FAMILIA MZEE OKWENNA", "MZEE OKWENNA"),
        ("1. DATI ANAGRAFICI\nCognome: VENDEL                    Nome: Ysolde\n", "VENDEL"),
        ("Achternaam: DE BRISCO\nVoornaam: Teodric\n", "DE BRISCO"),
    ],
)
def test_a_name_in_capitals(detector, text: str, name: str) -> None:
    assert any(name in found for found in _people(detector, text))


def test_headings_in_capitals_stay_words(detector) -> None:
    text = "CASE CONFERENCE - MINUTES\nGRACE PERIOD ENDS FRIDAY. OPEN DAY AT THE HOSPICE.\nThe meeting opened at 4."
    found = _people(detector, text)
    assert not any(w in " ".join(found) for w in ("CONFERENCE", "GRACE", "PERIOD", "OPEN DAY"))


@pytest.mark.parametrize(
    "text",
    [
        "Avviso per le famiglie del quartiere: SAGRA DELLE CASTAGNE IN PIAZZA, sabato con i bambini della scuola.",
    ],
)
def test_a_name_that_is_a_word_of_another_language_in_its_capitals_stays_the_word(detector, text: str) -> None:
    assert not any(w in " ".join(_people(detector, text)) for w in ("DELLE", "DES"))
