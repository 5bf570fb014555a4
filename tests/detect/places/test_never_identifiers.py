"""Terms that are never names on their own (rules/detect.yaml ``never_identifiers``: clinical and legal
terms, kinds of service; ``words_also_names``: te reo Māori and Pacific words) and everyday words are
never labelled a person, a place or an organisation in lower case, anywhere in a corpus that also uses
them capitalised at the start of a sentence; clinical and legal terms not even there."""

from __future__ import annotations

import pytest

from qualdeid.corpus import Document
from qualdeid.detect.processors import PLAN
from qualdeid.labels import LOCATION, ORGANIZATION, PERSON
from qualdeid.rules import Rules

EVERYDAY = ["day", "fair", "carers", "hope", "will", "grace", "market", "bath", "reading", "mill"]


def _words(key: str) -> list[str]:
    rules = Rules()
    return sorted({w for name in rules.lists(PLAN)[key] for w in rules.words(f"lexicons/{name}")})


NEVER = _words("never_identifiers")
TERMS = [*NEVER, *_words("words_also_names"), *EVERYDAY]


def _corpus() -> list[Document]:
    """Each term in lower case in the middle of a sentence, and capitalised opening one, across a
    corpus that also names real (invented) people and places."""
    docs = []
    for n, term in enumerate(TERMS):
        text = (
            f"Met Odile Marchetti at Quillmore House today. We talked about {term.lower()} for a while "
            f"and she said it helped. {term[:1].upper()}{term[1:]} was part of the plan, Bram Tessaly said."
        )
        docs.append(Document(id=f"d{n}", text=text))
    return docs


@pytest.fixture(scope="module")
def labelled(detector) -> dict[str, set[str]]:
    """Each term as written in the corpus -> the labels of any name, place or organisation span holding
    exactly it (a rare detail is another matter: "a pet scan" may read as one)."""
    out: dict[str, set[str]] = {}
    for doc in detector.detect(_corpus()):
        for span in doc.spans:
            if span.label in (PERSON, ORGANIZATION, LOCATION):
                out.setdefault(doc.text[span.start : span.end], set()).add(span.label)
    return out


def test_the_corpus_names_its_people(detector) -> None:
    doc = next(iter(detector.detect(_corpus()[:1])))
    assert "Odile Marchetti" in {doc.text[s.start : s.end] for s in doc.spans}


def test_no_lower_case_term_is_labelled(labelled: dict[str, set[str]]) -> None:
    assert {t: labelled[t.lower()] for t in TERMS if t.lower() in labelled} == {}


def test_no_clinical_or_legal_term_is_labelled_even_capitalised(labelled: dict[str, set[str]]) -> None:
    capitalised = {f"{t[:1].upper()}{t[1:]}" for t in NEVER}
    assert {t: labelled[t] for t in capitalised if t in labelled} == {}


@pytest.mark.parametrize(
    "text",
    [
        "Tomas thinks in Welsh, dreams in Welsh, and counts in Welsh when he is tired.",
        "She crewed yachts in the Caribbean for years before the Arctic trip.",
    ],
)
def test_a_language_or_a_region_is_not_a_person(detector, text: str) -> None:
    doc = detector.detect_text(text)
    named = {text[s.start : s.end] for s in doc.spans if s.label in (PERSON, ORGANIZATION, LOCATION)}
    assert named.isdisjoint({"Welsh", "Caribbean", "Arctic"})


def test_a_place_named_only_by_what_it_is_is_not_an_organisation(detector) -> None:
    text = "Everyone asks him that, the ER asked him, the crisis worker asked him."
    doc = detector.detect_text(text)
    assert "ER" not in {text[s.start : s.end] for s in doc.spans}
