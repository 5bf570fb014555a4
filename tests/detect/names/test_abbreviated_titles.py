"""Titles of other languages written abbreviated, with or without their full stops, and kin titles before a name
(invented case notes and letters)."""

from __future__ import annotations

import pytest


def _people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Streit in der Küche. Hr. Tabrizan hatte den Herd belegt.", "Hr. Tabrizan"),
        ("Gentile maestra Pierotti, grazie per la segnalazione.", "maestra Pierotti"),
        ("Plan: ask ped. (dott.ssa Vannucchi) re the visit.", "dott.ssa Vannucchi"),
        ("21/03 - tel. con sig. Okwenna (RSU): conferma busta paga.", "sig. Okwenna"),
        ("Het dossier van dhr. Pauwels is compleet.", "dhr. Pauwels"),
        ("Tio Quim never married. He lived with my father.", "Tio Quim"),
    ],
)
def test_an_abbreviated_or_kin_title_joins_the_name(detector, text: str, name: str) -> None:
    assert name in _people(detector, text)


def test_a_lower_case_title_ending_a_sentence_is_no_abbreviation(detector) -> None:
    found = _people(detector, "She went to see her aunt. Rang me after lunch.")
    assert not any(f.startswith("aunt") for f in found)


def test_a_word_of_the_title_s_language_after_it_in_lower_case_is_no_name(detector) -> None:
    assert (
        _people(
            detector, "Nota per la scuola: la sig.ra arriva alle 9 con il figlio e la figlia, poi parliamo della casa."
        )
        == []
    )
