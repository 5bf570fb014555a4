"""Organisations and streets closed by what they are: a street's name on an address's line or in brackets
(recognizers/places.py), service words and legal forms that end an organisation's name
(rules/lexicons/org_types.txt, legal_forms.txt), and NER's organisation kept whole over a name the name rules
read in it (finalise.py). Invented names."""

from __future__ import annotations

import pytest


def spans(detector, text: str) -> list[tuple[str, str]]:
    doc = detector.detect_text(text)
    return [(text[s.start : s.end], s.label) for s in doc.spans]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        (
            "Patient Advice and Liaison Service\nCorranby Vale General Hospital\nOrchard Road\nKittering KT4 7QT\n",
            "Orchard Road",
        ),
        ("Meetings were held at Carnmoor Gospel Church (Thistle Field Avenue) or in kitchens.", "Thistle Field Avenue"),
    ],
)
def test_a_street_of_common_words_on_an_address_line_is_a_street(detector, text: str, street: str) -> None:
    assert (street, "LOCATION") in spans(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Safe Place\nMain Road\nMemory Lane\n",  # lines of words, no address around them
        "Notes\nMain Road\nWe met on 12 May and talked.\n",  # a sentence with a number is no address line
    ],
)
def test_a_line_of_common_words_with_no_address_around_it_is_no_street(detector, text: str) -> None:
    assert [s for s, label in spans(detector, text) if label == "LOCATION"] == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ring Wrenna at Ovington Family Medical on Monday.", "Ovington Family Medical"),
        ("He goes to the Sandhurst Outreach van for soup.", "Sandhurst Outreach"),
        ("Referred to Pellick Youth Football for the summer.", "Pellick Youth Football"),
        ("She prays at Bremner Christian Assembly most weeks.", "Bremner Christian Assembly"),
        ("We took the tins to St Aldric's Foodbank.", "St Aldric's Foodbank"),
        ("She has been with the agency Veralto Home Plus SRL since June.", "Veralto Home Plus SRL"),
        ("Then he worked for Bruckhaus Bau gGmbH in the port.", "Bruckhaus Bau gGmbH"),
        ("With Kessel Logistik GmbH we had trouble.", "Kessel Logistik GmbH"),
    ],
)
def test_a_name_closed_by_a_service_word_or_a_legal_form_is_one_organisation(detector, text: str, org: str) -> None:
    assert (org, "ORGANIZATION") in spans(detector, text)


def test_service_words_alone_are_no_organisation(detector) -> None:
    text = "He was in recovery for years. Medical staff came at noon."
    assert [s for s, label in spans(detector, text) if label == "ORGANIZATION"] == []


def test_abbreviations_no_legal_form_list_holds_close_no_organisation(detector) -> None:
    text = "Type AB blood was needed. The Sun AG said so. Blood Bank SA rang."
    doc = detector.detect_text(text)
    assert [text[s.start : s.end] for s in doc.spans if s.detector == "LegalFormRecognizer"] == []


def test_ner_organisation_over_a_name_is_kept_whole(detector) -> None:
    text = "She works at Velmo Precision Parts in the town. Velmo said hi to everyone there."
    assert ("Velmo Precision Parts", "ORGANIZATION") in spans(detector, text)


def test_a_person_ner_took_for_an_organisation_stays_a_person(detector) -> None:
    text = "I met Osric Hawkmoor Dimbleton at the station."
    assert ("Osric Hawkmoor Dimbleton", "ORGANIZATION") not in spans(detector, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("She was referred to Tarbolton Talking Therapies last month.", "Tarbolton Talking Therapies"),
        ("We rode with Kelso Valley Coaches to the coast.", "Kelso Valley Coaches"),
    ],
)
def test_ner_organisation_over_a_town_or_a_place_is_kept_whole(detector, text: str, org: str) -> None:
    assert (org, "ORGANIZATION") in spans(detector, text)


def test_a_language_variety_named_after_a_town_is_no_organisation(detector) -> None:
    text = "At home he speaks Tarbolton English with his gran."
    assert [s for s, label in spans(detector, text) if "English" in s] == []


def test_a_town_of_two_words_holding_a_name_of_the_document_is_the_town(detector) -> None:
    text = "Alfred rang on Monday. She moved back to Port Alfred after the divorce, and Alfred still misses her."
    assert ("Port Alfred", "LOCATION") in spans(detector, text)


@pytest.fixture(scope="module")
def finaliser():
    from qualdeid.detect.finalise import Finaliser
    from qualdeid.rules import Rules

    return Finaliser(Rules())


@pytest.mark.parametrize(
    ("text", "org", "kept"),
    [
        ("She works at Velmo Precision Parts now.", "Velmo Precision Parts", True),
        ("Then the Day Care Service sent a nurse.", "Day Care Service", False),  # generic words only
        ("Ask Osric Hawkmoor Dimbleton about it.", "Osric Hawkmoor Dimbleton", False),  # a rare last word: a person
        ("We had the Velmo New Year party.", "Velmo New Year", False),  # a holiday in it
    ],
)
def test_which_ner_organisations_are_kept_whole_over_a_name(finaliser, text: str, org: str, kept: bool) -> None:
    from qualdeid.corpus.model import Span

    first = text.index(org)
    spans = [
        Span(first, first + len(org), "ORGANIZATION", "", 0.85, "SpacyRecognizer"),
        Span(first, first + len(org.split()[0]), "PERSON", "", 0.9, "names"),
    ]
    assert bool(finaliser._organisations_over_a_name(text, spans)) is kept
