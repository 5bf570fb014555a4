"""A place or an organisation found once is found again where its document writes it once more, and a place
keeps the numbered section written with it (finalise.py; invented text)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import REPEATED_DETECTOR, Finaliser
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def finaliser() -> Finaliser:
    return Finaliser(Rules())


def _found(finaliser: Finaliser, text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in finaliser.spans(text, spans)]


def test_a_town_found_once_is_found_where_it_is_written_again(finaliser: Finaliser) -> None:
    text = "She came from Vellbrook in May.\nHow often to Vellbrook? Vellbrook is far now."
    start = text.index("Vellbrook")
    final = finaliser.spans(text, [Span(start, start + 9, LOCATION, score=0.86, detector="TownRecognizer")])
    assert [s.text for s in final] == ["Vellbrook"] * 3
    assert {s.label for s in final} == {LOCATION}
    assert sum(s.detector == REPEATED_DETECTOR for s in final) == 2


def test_an_organisation_read_by_ner_is_found_again(finaliser: Finaliser) -> None:
    text = "I rang QuellTech on Monday. QuellTech will pay in June."
    start = text.index("QuellTech")
    spans = [Span(start, start + 9, ORGANIZATION, score=0.85, detector="SpacyRecognizer")]
    assert _found(finaliser, text, spans) == [("QuellTech", ORGANIZATION)] * 2


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The PI met us. Later the PI left.", "PI"),  # a short acronym NER reads as an organisation
        ("She passed the QWERTZ in May. The QWERTZ was hard.", "QWERTZ"),  # an exam NER reads as one
        ("Groups met weekly at the hall. Groups were small.", "Groups"),  # a common word NER read alone
    ],
)
def test_what_is_not_found_again(finaliser: Finaliser, text: str, word: str) -> None:
    start = text.index(word)
    spans = [Span(start, start + len(word), ORGANIZATION, score=0.85, detector="SpacyRecognizer")]
    final = finaliser.spans(text, spans)
    assert all(s.detector != REPEATED_DETECTOR for s in final)


def test_not_inside_a_longer_word_or_an_address(finaliser: Finaliser) -> None:
    text = "Back to Vellbrook soon. Write to info@vellbrook.org or see Vellbrookshire."
    start = text.index("Vellbrook")
    final = finaliser.spans(text, [Span(start, start + 9, LOCATION, score=0.86, detector="TownRecognizer")])
    assert [s.text for s in final] == ["Vellbrook"]


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("The clinic is in Sector 3, Vellbrook, by the market.", "Vellbrook", "Sector 3, Vellbrook"),
        ("They live in Vellbrook-9 now, near the market.", "Vellbrook", "Vellbrook-9"),
    ],
)
def test_a_place_keeps_its_numbered_section(finaliser: Finaliser, text: str, place: str, expected: str) -> None:
    start = text.index(place)
    spans = [Span(start, start + len(place), LOCATION, score=0.86, detector="TownRecognizer")]
    assert _found(finaliser, text, spans) == [(expected, LOCATION)]


def test_a_section_written_again_is_one_place(finaliser: Finaliser) -> None:
    text = "From Vellbrook: sites in Vellbrook-4 and Vellbrook-10."
    start = text.index("Vellbrook")
    spans = [Span(start, start + 9, LOCATION, score=0.86, detector="TownRecognizer")]
    assert _found(finaliser, text, spans) == [
        ("Vellbrook", LOCATION),
        ("Vellbrook-4", LOCATION),
        ("Vellbrook-10", LOCATION),
    ]
