"""Places and organisations found again by their initials (detect/places/acronyms.py), on invented texts."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.places.acronyms import AcronymProcessor
from qualdeid.labels import LOCATION, ORGANIZATION, PERSON
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


def _defined_again(first: Document, spans: list[Span], second: Document) -> list[str]:
    processor = AcronymProcessor(Rules())
    _, observation = processor.first_pass(first, None, spans)
    processor.observe("a", observation)
    return sorted(second.text[s.start : s.end] for s in processor.second_pass(second, [], []))


def _span(text: str, name: str, label: str, detector: str = "SpacyRecognizer") -> Span:
    start = text.index(name)
    return Span(start, start + len(name), label, detector=detector)


def test_an_acronym_defined_after_an_organisation_s_name_is_defined_again() -> None:
    """ "Brackwater Tenants Network (BTN)": every "BTN" of the corpus is the organisation, however short."""
    text = "Ana rang Brackwater Tenants Network (BTN) about the mould."
    first = Document("a", text)
    second = Document("b", "BTN said no. The btn on the remote broke. SBTN and BTN-2 are codes.")
    spans = [_span(text, "Brackwater Tenants Network", ORGANIZATION)]
    assert _defined_again(first, spans, second) == ["BTN"]


def test_an_acronym_defined_before_the_name_it_stands_for() -> None:
    text = "Key: cl client, FDW = Fellhaven Department for Work, vol volunteer"
    spans = [_span(text, "Fellhaven Department for Work", ORGANIZATION)]
    second = Document("b", "Emailed FDW again.")
    assert _defined_again(Document("a", text), spans, second) == ["FDW"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She works at Oskirk Fisheries (OKF) now.", "Oskirk Fisheries"),  # letters that are no initials
        ("He moved to the United Kingdom (UK) in 2001.", "United Kingdom"),  # a region
        ("Community Psychiatric Nursing (CPN) rang.", "Community Psychiatric Nursing"),  # a role in capitals
        ("He is on the Intensive Care Unit (ICU) now.", "Intensive Care Unit"),  # named by what it is
    ],
)
def test_no_acronym_that_is_not_the_name_s(text: str, name: str) -> None:
    spans = [_span(text, name, ORGANIZATION)]
    second = Document("b", "OKF and UK and CPN and ICU all called.")
    assert _defined_again(Document("a", text), spans, second) == []


def test_a_defined_acronym_does_not_yield_to_another_reading() -> None:
    """Initials alone yield to another reading (a person's initials); an acronym the text defined does not."""
    text = "Abbrev: cl client, QPF = Quarry Pond Farms"
    spans = [_span(text, "Quarry Pond Farms", ORGANIZATION)]
    processor = AcronymProcessor(Rules())
    _, observation = processor.first_pass(Document("a", text), None, spans)
    processor.observe("a", observation)
    second = Document("b", "Emailed QPF re sick pay.")
    other = _span(second.text, "QPF", PERSON, detector="names")
    assert [second.text[s.start : s.end] for s in processor.second_pass(second, [], [other])] == ["QPF"]
