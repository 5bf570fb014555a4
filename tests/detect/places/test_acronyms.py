"""Places and organisations found again by their initials (detect/places/acronyms.py), on invented texts."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.places.acronyms import AcronymProcessor
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules


@pytest.fixture(scope="module")
def processor() -> AcronymProcessor:
    return AcronymProcessor(Rules())


@pytest.mark.parametrize(
    ("full", "label", "acronym"),
    [
        ("Brackenmoor Tenants Advice Line", ORGANIZATION, "BTAL"),
        ("ORRINDALE & SKELMFORD MIGRANT HELP POINT", ORGANIZATION, "OSMHP"),  # "&" is no word
        ("Vantry Council of Elders", ORGANIZATION, "VCE"),  # nor is "of"
        ("Quellwater Bay", LOCATION, "QB"),
        ("Quellwater Bay", ORGANIZATION, None),  # two letters stand for a place only
        ("Social Services Team", ORGANIZATION, None),  # no distinctive word
        ("United Kingdom", LOCATION, None),  # a country
        ("Tarrowby", LOCATION, None),  # one word
        ("Tarrowby Gardens\nPlan", LOCATION, None),  # across a line
    ],
)
def test_the_initials_of_a_distinctive_name(processor: AcronymProcessor, full: str, label: str, acronym: str | None):
    assert processor.acronym(full, label) == acronym


def _found(detector, texts: list[str]) -> list[dict[str, str]]:
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]
    return [{s.text: s.label for s in d.spans} for d in detector.detect(docs)]


def test_initials_are_found_in_every_document(detector) -> None:
    letter = "Letter from the Brackenmoor Tenants Advice Line, 4 Dale Road, Quellwater Bay."
    _, notes = _found(detector, [letter, "Rang BTAL on Monday, no answer. Still no chair in QB, so she travels."])
    assert notes.get("BTAL") == ORGANIZATION
    assert notes.get("QB") == LOCATION


def test_initials_that_are_a_word_stay_the_word_in_a_heading(detector) -> None:
    named = "She gets help from the Coldharbour Legal Advice Mission on Tuesdays."
    _, notes, heading = _found(
        detector, [named, "Saw the CLAM adviser about the letter.", "CLAM CHOWDER NIGHT\nBring a bowl."]
    )
    assert notes.get("CLAM") == ORGANIZATION
    assert "CLAM" not in heading
