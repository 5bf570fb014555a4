"""A name inside an organisation's name: the name stands and the organisation keeps its other pieces,
whichever detector found the whole first (invented text)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import Finaliser
from qualdeid.labels import DATE_TIME, ID, LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules

TEXT = (
    "MBALI WELFARE ASSOCIATION OF GREATER LONDON\nP.O. Box 1182, London E1 6AN\n\n"
    "Dear members, we write to ask for your help with the rent of a family who lost their home."
)
WHOLE = "MBALI WELFARE ASSOCIATION OF GREATER LONDON"
REST = "WELFARE ASSOCIATION OF GREATER LONDON"


@pytest.fixture(scope="module")
def finaliser() -> Finaliser:
    return Finaliser(Rules())


@pytest.mark.parametrize("propagated", ["short_forms", "SpacyRecognizer"])
def test_a_typed_name_keeps_its_pieces_around_a_name(finaliser: Finaliser, propagated: str) -> None:
    spans = [
        Span(0, len(WHOLE), ORGANIZATION, score=0.86, detector=propagated),
        Span(0, 5, PERSON, score=0.9, detector="names"),
        Span(6, len(WHOLE), ORGANIZATION, score=0.86, detector="NamedPlaceRecognizer"),
    ]
    final = {(s.text, s.label) for s in finaliser.spans(TEXT, spans)}
    assert ("MBALI", PERSON) in final
    assert (REST, ORGANIZATION) in final


def test_without_a_typed_detector_an_everyday_piece_is_dropped(finaliser: Finaliser) -> None:
    """What the fix changes: the propagated whole alone, cut around the name, leaves only common words."""
    spans = [
        Span(0, len(WHOLE), ORGANIZATION, score=0.86, detector="short_forms"),
        Span(0, 5, PERSON, score=0.9, detector="names"),
    ]
    final = {(s.text, s.label) for s in finaliser.spans(TEXT, spans)}
    assert (REST, ORGANIZATION) not in final


@pytest.mark.parametrize(
    ("text", "whole", "name"),
    [
        ("I see him every week at the Garvey Family Hub on Fridays.", "Garvey Family Hub", "Garvey"),
        ("To the clerk,\nDunmore Magistrates' Court\nCase no. 4471", "Dunmore Magistrates' Court", "Dunmore"),
    ],
)
def test_a_typed_name_holding_a_name_the_name_rules_read_stays_whole(
    finaliser: Finaliser, text: str, whole: str, name: str
) -> None:
    start = text.index(whole)
    spans = [
        Span(start, start + len(whole), ORGANIZATION, score=0.86, detector="NamedPlaceRecognizer"),
        Span(start, start + len(name), PERSON, score=0.9, detector="names"),
    ]
    assert {(s.text, s.label) for s in finaliser.spans(text, spans)} == {(whole, ORGANIZATION)}


@pytest.mark.parametrize(
    ("text", "whole", "name"),
    [
        ("She went to Clínica Dental Ribera for advice.", "Clínica Dental Ribera", "Dental Ribera"),
        ("The Hôpital Saint-Aubin du Lac took him in.", "Hôpital Saint-Aubin du Lac", "Lac"),
    ],
)
def test_a_head_first_organisation_holding_a_name_stays_whole(
    finaliser: Finaliser, text: str, whole: str, name: str
) -> None:
    start, inner = text.index(whole), text.index(name)
    spans = [
        Span(start, start + len(whole), ORGANIZATION, score=0.86, detector="OrgHeadRecognizer"),
        Span(inner, inner + len(name), PERSON, score=0.9, detector="names"),
    ]
    assert {(s.text, s.label) for s in finaliser.spans(text, spans)} == {(whole, ORGANIZATION)}


def test_a_name_ner_reads_in_a_head_first_organisation_is_not_held(finaliser: Finaliser) -> None:
    """Only the name rules' persons: NER's longer person readings are no evidence of a name inside."""
    text = "She went to Clínica Orlena Brívia for advice."
    start = text.index("Clínica")
    spans = [
        Span(start, start + len("Clínica Orlena Brívia"), ORGANIZATION, score=0.86, detector="OrgHeadRecognizer"),
        Span(text.index("Orlena"), text.index(" for"), PERSON, score=0.9, detector="SpacyRecognizer"),
    ]
    assert ("Orlena Brívia", PERSON) in {(s.text, s.label) for s in finaliser.spans(text, spans)}


def test_a_name_beside_a_typed_name_stands(finaliser: Finaliser) -> None:
    text = "Ask Garvey at the Dunmore Family Hub."
    start = text.index("Dunmore")
    spans = [
        Span(start, start + len("Dunmore Family Hub"), ORGANIZATION, score=0.86, detector="NamedPlaceRecognizer"),
        Span(4, 10, PERSON, score=0.9, detector="names"),
    ]
    assert {(s.text, s.label) for s in finaliser.spans(text, spans)} == {
        ("Garvey", PERSON),
        ("Dunmore Family Hub", ORGANIZATION),
    }


def test_an_id_keeps_letters_ner_read_as_a_name(finaliser: Finaliser) -> None:
    text = "NI number: SW 41 77 92 C\nThanks"
    start = text.index("SW")
    spans = [
        Span(start, start + 13, ID, score=0.5, detector="UkNinoRecognizer"),
        Span(start, start + 2, PERSON, score=0.85, detector="SpacyRecognizer"),
    ]
    assert {(s.text, s.label) for s in finaliser.spans(text, spans)} == {("SW 41 77 92 C", ID)}


def test_an_id_keeps_letters_ner_read_with_the_word_before_them(finaliser: Finaliser) -> None:
    text = "my NI SW 41 77 92 C. ok"
    spans = [
        Span(6, 19, ID, score=0.5, detector="UkNinoRecognizer"),
        Span(3, 8, ORGANIZATION, score=0.85, detector="SpacyRecognizer"),
        Span(9, 17, DATE_TIME, score=0.85, detector="SpacyRecognizer"),
    ]
    assert ("SW 41 77 92 C", ID) in {(s.text, s.label) for s in finaliser.spans(text, spans)}


def test_an_id_does_not_take_a_date_read_in_its_digits(finaliser: Finaliser) -> None:
    text = "ref 12.03.2024-77 was sent"
    spans = [
        Span(4, 17, ID, score=0.45, detector="CodeRecognizer"),
        Span(4, 14, DATE_TIME, score=0.9, detector="CalendarDateRecognizer"),
    ]
    assert ("12.03.2024", DATE_TIME) in {(s.text, s.label) for s in finaliser.spans(text, spans)}


def test_a_typed_name_running_over_a_person_and_a_connector_leaves_the_person(finaliser: Finaliser) -> None:
    text = "Thanks to Ana Ruiz of Kelso Rovers FC for the pitch."
    start = text.index("Ana")
    spans = [
        Span(start, text.index(" for"), ORGANIZATION, score=0.86, detector="NamedPlaceRecognizer"),
        Span(start, start + 8, PERSON, score=0.9, detector="names"),
    ]
    assert ("Ana Ruiz", PERSON) in {(s.text, s.label) for s in finaliser.spans(text, spans)}


def test_an_id_holding_a_name_leaves_a_date_running_out_of_it(finaliser: Finaliser) -> None:
    text = "file KVR 18842/2024, first date May 6 at 9:30"
    spans = [
        Span(5, 19, ID, score=0.7, detector="RecordNumberRecognizer"),
        Span(5, 8, ORGANIZATION, score=0.85, detector="SpacyRecognizer"),
        Span(9, 37, DATE_TIME, score=0.85, detector="SpacyRecognizer"),
    ]
    assert any(s.label == DATE_TIME and "May 6" in s.text for s in finaliser.spans(text, spans))


def test_an_address_holding_a_flat_number_stays_whole(finaliser: Finaliser) -> None:
    text = "She lives at Flat 3B, 12 Orrin Road now."
    start, end = text.index("Flat"), text.index(" now")
    spans = [
        Span(start, end, LOCATION, score=0.92, detector="AddressLinesRecognizer"),
        Span(text.index("3B"), text.index("3B") + 2, ID, score=0.6, detector="RoomNumberRecognizer"),
    ]
    assert {(s.text, s.label) for s in finaliser.spans(text, spans)} == {("Flat 3B, 12 Orrin Road", LOCATION)}
