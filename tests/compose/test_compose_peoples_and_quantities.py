"""Peoples, languages, tunes in quotation marks and quantities are no identifiers to replace (issue 11,
must-be-true 1); a person who bears such a name stays one."""

from __future__ import annotations

import pytest

from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.targets import Targets
from qualdeid.corpus.model import Document, Span
from qualdeid.pseudonymise.people import RoleWords


@pytest.fixture(scope="module")
def targets() -> Targets:
    return Targets([], Placeholders(), RoleWords.load())


def kinds(targets: Targets, text: str, spans: list[tuple[str, str]], detector: str = "SpacyRecognizer") -> list:
    doc = Document("d", text)
    for value, label in spans:
        start = text.index(value)
        doc.spans.append(Span(start, start + len(value), label, value, detector=detector))
    return [(text[t.start : t.end], t.label) for t in targets.in_window(doc, 0, len(text), None, None)]


def test_a_person_named_like_a_language_stays_a_person(targets: Targets) -> None:  # risk would fail it
    text = "Mapuche rang me twice and Zhuang said he would come."
    assert kinds(targets, text, [("Mapuche", "PERSON"), ("Zhuang", "PERSON")]) == [
        ("Mapuche", "PERSON"),
        ("Zhuang", "PERSON"),
    ]


def test_a_people_of_several_words_split_by_detection_is_no_name(targets: Targets) -> None:
    text = "Tobiah Quennell, Pacific Islander, family from the north, lives in a unit."
    spans = [("Tobiah Quennell", "PERSON"), ("Pacific", "LOCATION"), ("Islander", "PERSON")]
    assert kinds(targets, text, spans, detector="names") == [("Tobiah Quennell", "PERSON")]


@pytest.mark.parametrize(
    "text",
    [
        'Then he got into "Quellmoor Polka" and the whole hall got up.',
        "They played “Tarrow Mill Reel” twice.",
    ],
)
def test_a_tune_in_quotation_marks_is_no_person(targets: Targets, text: str) -> None:
    assert kinds(targets, text, []) == []


def test_a_nickname_in_quotation_marks_stays_a_name(targets: Targets) -> None:
    text = 'Her brother "Quellmoor" Dace rang about the car.'
    assert kinds(targets, text, [], detector="names") != []


@pytest.mark.parametrize(
    ("after", "quantity"),
    [(" acres of barley", True), (" hrs straight", True), (" head of cattle", True), (" on the door", False)],
)
def test_a_number_before_a_unit_is_a_quantity(targets: Targets, after: str, quantity: bool) -> None:
    text = "he farms 900" + after
    assert bool(targets.quantity_after.match(text, text.index("900") + 3)) is quantity
