"""Short forms of places and organisations named once in full (detect/places/short_forms.py)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document, Span
from qualdeid.detect.places.short_forms import ShortFormProcessor
from qualdeid.labels import LOCATION, ORGANIZATION
from qualdeid.rules import Rules


def _labels(detector, texts: list[str]) -> list[dict[str, str]]:
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]
    return [{s.text: s.label for s in d.spans} for d in detector.detect(docs)]


def test_a_short_form_is_found_in_every_document(detector) -> None:
    first, second, third = _labels(
        detector,
        [
            "We went to Bramblecote Day Centre on Monday. The Corrowmere Wellbeing Trust runs it.",
            "Corrowmere are cutting the Friday sessions, so back at Bramblecote everyone was upset.",
            "BRAMBLECOTE: MEMBER NEWSLETTER",
        ],
    )
    assert first["Bramblecote Day Centre"] == "LOCATION"
    assert second.get("Corrowmere") == "ORGANIZATION"
    assert second.get("Bramblecote") == "LOCATION"
    assert third.get("BRAMBLECOTE") == "LOCATION"


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Bramblecote Day Centre", "Bramblecote"),
        ("Corrowmere Wellbeing Trust", "Corrowmere"),
        ("the Quarrendon House", "Quarrendon"),
        ("Hope House", None),  # a word-name: "I hope" must stay a word
        ("North Street", None),  # generic
        ("Victoria Hospital", None),  # a first name
        ("Community Mental Health Team", None),
        ("Park Road", None),  # a common word
        ("Alemanha Work Service", None),  # a country as another language writes it
        ("Corrowmere Work Service", "Corrowmere"),
    ],
)
def test_only_distinctive_short_forms(full: str, short: str | None) -> None:
    assert ShortFormProcessor(Rules()).short_form(full) == short


def test_word_names_in_place_names_stay_words_elsewhere(detector) -> None:
    _, other = _labels(detector, ["She lives at Hope House now.", "I hope she settles. Hope said thanks."])
    assert other.get("Hope") != "LOCATION"


def test_a_place_named_without_a_type_word_is_found_again_where_nothing_else_covers_it() -> None:
    processor = ShortFormProcessor(Rules())
    first = Document("a", "The ferry stops near Quillabeg twice a day.")
    _, observation = processor.first_pass(first, None, [Span(21, 30, LOCATION, detector="PlaceContextRecognizer")])
    processor.observe("a", observation)
    second = Document("b", "Quillabeg and back, then the Quillabeg Packing Shed.")
    shed = Span(29, 51, LOCATION, detector="NamedPlaceRecognizer")
    found = processor.second_pass(second, [], [shed])
    assert [second.text[s.start : s.end] for s in found] == ["Quillabeg"]


def test_processors_built_on_one_rules_share_its_lists_and_never_their_knowledge() -> None:
    """A processor is built for every detection run: the lists are read once per Rules, what a run learnt is its own."""
    rules = Rules()
    processor = ShortFormProcessor(rules)
    _, observation = processor.first_pass(
        Document("a", "The ferry stops near Quillabeg twice a day."),
        None,
        [Span(21, 30, LOCATION, detector="PlaceContextRecognizer")],
    )
    processor.observe("a", observation)
    again = Document("b", "Quillabeg and back.")
    assert [again.text[s.start : s.end] for s in processor.second_pass(again, [], [])] == ["Quillabeg"]
    fresh = ShortFormProcessor(rules)
    assert fresh.second_pass(again, [], []) == []
    assert fresh.towns is processor.towns and fresh.regions is processor.regions
    assert ShortFormProcessor(Rules()).towns is not processor.towns


@pytest.mark.parametrize(
    "name",
    ["Saskatchewan", "Tasmania", "Mongolia", "Slovakia", "Marrocos", "Talanoa", "Interp", "Tigrinya", "Vaisakhi"],
)
def test_regions_and_terms_are_never_remembered_as_places(name: str) -> None:
    assert not ShortFormProcessor(Rules()).distinctive_place(name)


def test_a_distinctive_town_is_remembered() -> None:
    assert ShortFormProcessor(Rules()).distinctive_place("Quillabeg")


def test_a_bus_route_is_found_again_in_its_document_only(detector) -> None:
    texts = [
        "We took the 212 home after the match. She knows every stop of the 212 by heart. "
        "It took the 212 minutes, near enough.",
        "She paid the 212 back on Friday.",
    ]
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    routes = [[d.text[s.start : s.end] for s in d.spans if s.label == "LOCATION"] for d in docs]
    assert routes == [["the 212", "the 212"], []]


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Alderbrook Lane", {"alderbrook lane"}),
        ("Kolbeinsvík", {"kolbeinsvík", "kolbeinsvik", "Kolbeinsvik"}),
        ("Mill Lane", set()),  # "mill lane" could be a word's
        ("Beaver", set()),  # a town, but "beaver" is the animal
        ("Park Road", set()),
        ("Tasmania", set()),  # a region
    ],
)
def test_lower_case_and_unaccented_forms_of_rare_names(name: str, forms: set[str]) -> None:
    assert ShortFormProcessor(Rules()).loose_forms(name) == forms


def test_a_place_is_found_again_in_lower_case_and_without_accents() -> None:
    processor = ShortFormProcessor(Rules())
    first = Document("a", "Dr Lind works in Kolding on Alderbrook Lane.")
    spans = [
        Span(17, 24, LOCATION, detector="SpacyRecognizer"),
        Span(28, 43, LOCATION, detector="NamedPlaceRecognizer"),
    ]
    _, observation = processor.first_pass(first, None, spans)
    processor.observe("a", observation)
    second = Document("b", "over in kolding tmrw, meet on alderbrook lane? the lane is shut")
    found = processor.second_pass(second, [], [])
    assert sorted(second.text[s.start : s.end] for s in found) == ["alderbrook lane", "kolding"]


def _found_again(first: Document, spans: list[Span], second: Document) -> list[str]:
    processor = ShortFormProcessor(Rules())
    _, observation = processor.first_pass(first, None, spans)
    processor.observe("a", observation)
    return sorted(second.text[s.start : s.end] for s in processor.second_pass(second, [], []))


def test_a_word_ner_took_for_a_place_and_a_common_short_form_stay_as_written() -> None:
    first = Document("a", "Sie geht zur Lernwerkstatt. Then Meadow Trust rang.")
    spans = [
        Span(13, 26, LOCATION, detector="SpacyRecognizer"),
        Span(33, 45, ORGANIZATION, detector="NamedPlaceRecognizer"),
    ]
    second = Document("b", "die lernwerkstatt ist zu. the meadow was wet")
    assert _found_again(first, spans, second) == []


def test_a_short_form_that_is_no_word_is_found_again_in_lower_case() -> None:
    first = Document("a", "Then Quorrbridge Trust rang about the repairs.")
    second = Document("b", "quorrbridge say the part comes monday. i rang Quorrbridge twice")
    spans = [Span(5, 22, ORGANIZATION, detector="NamedPlaceRecognizer")]
    assert _found_again(first, spans, second) == ["Quorrbridge", "quorrbridge"]


def test_the_town_line_of_an_address_is_found_again_in_lower_case() -> None:
    first = Document("a", "Flat 2, 9 Orrin Road\nDrumkelvie\nTallis TL4 2QX")
    spans = [
        Span(0, 20, LOCATION, detector="AddressBlockRecognizer"),
        Span(21, 31, LOCATION, detector="AddressBlockRecognizer"),
        Span(32, 46, LOCATION, detector="AddressBlockRecognizer"),
    ]
    second = Document("b", "meet at the hall in drumkelvie? drumkelvie bus is late")
    assert _found_again(first, spans, second) == ["drumkelvie", "drumkelvie"]


def test_a_town_line_that_is_a_word_stays_as_written() -> None:
    first = Document("a", "4 Orrin Road\nHarbour\nTallis TL4 2QX")
    spans = [Span(13, 20, LOCATION, detector="AddressBlockRecognizer")]
    second = Document("b", "the boats in the harbour")
    assert _found_again(first, spans, second) == []


def test_a_place_named_without_a_type_word_is_found_again_only_as_written() -> None:
    """NER's "Quillabeg" is found again as "Quillabeg", never in capitals ("QUILLABEG:" may be a speaker's
    label); a name closed by a type word keeps its capitals ("QUORRBRIDGE" for "Quorrbridge Trust")."""
    processor = ShortFormProcessor(Rules())
    first = Document("a", "The ferry stops near Quillabeg. Then Quorrbridge Trust rang.")
    spans = [
        Span(21, 30, LOCATION, detector="SpacyRecognizer"),
        Span(37, 54, ORGANIZATION, detector="NamedPlaceRecognizer"),
    ]
    _, observation = processor.first_pass(first, None, spans)
    processor.observe("a", observation)
    second = Document("b", "QUILLABEG: yes. Past Quillabeg, QUORRBRIDGE again.")
    found = processor.second_pass(second, [], [])
    assert sorted(second.text[s.start : s.end] for s in found) == ["QUORRBRIDGE", "Quillabeg"]


def _known(processor: ShortFormProcessor, text: str, spans: list[Span]) -> None:
    _, observation = processor.first_pass(Document("named", text), None, spans)
    processor.observe("named", observation)


_LOWER_DOC = (
    "what happened\nsat with jo in the kitchen at corran view for an hour. she was low. "
    "then we drove up to amherst for chips. the amherst lights were out. she laughed with quellan. "
    "we got back late. i wrote it up."
)


def test_a_writer_in_lower_case_types_the_places_named_in_capitals_elsewhere() -> None:
    processor = ShortFormProcessor(Rules())
    named = "Jo moved into Corran View last week. Her sister lives in Amherst. Quellan came."
    _known(
        processor,
        named,
        [
            Span(14, 25, LOCATION, detector="NamedPlaceRecognizer"),
            Span(57, 64, LOCATION, detector="TownRecognizer"),
            Span(66, 73, LOCATION, detector="SpacyRecognizer"),  # NER alone: maybe a person, stays as written
        ],
    )
    doc = Document("lower", _LOWER_DOC)
    found = [(doc.text[s.start : s.end], s.start) for s in processor.second_pass(doc, [], [])]
    # a town of the gazetteer that is also a word in English: only after a place preposition, not "the amherst lights"
    assert [text for text, _ in found] == ["corran view", "amherst"]
    assert doc.text[found[1][1] - 3 : found[1][1]] == "to "


def test_lower_case_forms_stay_words_in_a_document_written_in_capitals() -> None:
    processor = ShortFormProcessor(Rules())
    _known(processor, "Jo moved into Corran View last week.", [Span(14, 25, LOCATION, detector="NamedPlaceRecognizer")])
    doc = Document("capitals", "Sat with Jo at corran view. She was low. We had tea. Then chips. I wrote it up.")
    assert processor.second_pass(doc, [], []) == []


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Corran View", ("corran view", True)),
        ("Heron Quay", ("heron quay", False)),  # also a word: only after a place preposition
        ("Park View", None),  # every word common
        ("Victoria Park", None),  # a first name
        ("Corran", ("corran", True)),
        ("corran view", None),  # never written in capitals
    ],
)
def test_lower_case_forms_of_known_names(name: str, form: tuple[str, bool] | None) -> None:
    assert ShortFormProcessor(Rules()).lower_case_form(name) == form
