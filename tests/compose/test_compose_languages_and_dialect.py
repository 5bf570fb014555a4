"""Words compose leaves as written although detection or the corpus took them for names (must-be-true 1):
a verb with a dialect's negative ending, a people's New Year, a language after "in" in a sentence about
words, a people's word in the risk check's never lists. Invented words throughout."""

from __future__ import annotations

import pytest

from helpers import targets_in_window as found
from qualdeid.compose.residual import residuals
from qualdeid.compose.targets import Targets
from qualdeid.corpus.model import Document, Span
from qualdeid.risk.config import load_risk_config


@pytest.mark.parametrize("word", ["Shouldnae", "Wouldna", "Mustna"])
def test_a_dialect_negative_is_a_verb_not_a_name(targets: Targets, word: str) -> None:
    text = f"She was upset at tea. {word} argue with her, I just listened."
    assert found(targets, text, [(word, "PERSON")], detector="SpacyRecognizer") == []
    assert found(targets, text, [(word, "PERSON")]) == []
    assert word.lower() in targets.not_names


def test_a_dialect_negative_never_takes_a_listed_name(targets: Targets) -> None:
    assert targets.negative_auxiliaries
    assert not targets.negative_auxiliaries & targets.name_words


@pytest.mark.parametrize(
    "text",
    [
        "We went to the Velmari New Year party at the hall and she danced all night.",
        "We went to the Velmari New Year's Eve party at the hall and she danced all night.",
    ],
)
def test_a_peoples_new_year_is_a_holiday_not_a_person(targets: Targets, text: str) -> None:
    assert found(targets, text, [("Velmari New", "PERSON")], known=["Velmari"]) == []
    assert found(targets, text, [("Velmari", "PERSON")], detector="SpacyRecognizer") == []


@pytest.mark.parametrize(
    "text",
    [
        "I explained to her in Velmari that the tablets take a few weeks.",
        "The leaflets in Velmari were gone by lunchtime.",
        "Oswin interpreted in Velmari for the whole group.",
    ],
)
def test_a_language_after_in_in_a_sentence_about_words(targets: Targets, text: str) -> None:
    # a person of the account bears the word as a name: where it stands, it is the language
    assert ("Velmari", "PERSON") not in found(targets, text, [("Velmari", "PERSON")], known=["Velmari"])
    assert ("Velmari", "PERSON") not in found(targets, text, [("Velmari", "PERSON")], detector="SpacyRecognizer")


def test_a_language_listed_with_a_people_word_though_a_person_bears_it(targets: Targets) -> None:
    text = "The Velmari and Kosovan women sat together at the back."
    assert found(targets, text, [("Velmari", "PERSON")], known=["Velmari"]) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She sat with Velmari in the kitchen and we talked it through.", "Velmari"),
        ("I explained it to Velmari, who nodded.", "Velmari"),
        ("The leaflets went out; she grew up in Brackenfold and knows everyone.", "Brackenfold"),
    ],
)
def test_a_name_without_those_frames_is_still_replaced(targets: Targets, text: str, name: str) -> None:
    got = found(targets, text, [(name, "PERSON")], known=["Velmari"])
    assert [v for v, _ in got] == [name]


def test_a_people_word_detection_took_for_a_place_is_no_residual_identifier(detector) -> None:
    """risk (and so compose's own check) holds no place or organisation made only of a people's word,
    though a place of the corpus stays one."""
    from qualdeid.risk.corpus import CorpusProfile

    text = "She talked with the Kosovan families about Brackenfold and the Kosovan church."
    at = text.index("Kosovan")
    town = text.index("Brackenfold")
    spans = [Span(at, at + 7, "LOCATION", "Kosovan"), Span(town, town + 11, "LOCATION", "Brackenfold")]
    docs = [Document(f"d{i}", text, spans=list(spans)) for i in (1, 2)]
    profile = CorpusProfile(load_risk_config(), detector.nlp, docs)
    checked = "The Kosovan choir sang; we drove back to Brackenfold."
    assert [checked[r.start : r.end] for r in residuals(profile, checked)] == ["Brackenfold"]
    country = text.replace("Brackenfold", "Moldova").replace("the Kosovan church", "Brackenfold")
    spans = [Span(country.index("Moldova"), country.index("Moldova") + 7, "LOCATION", "Moldova")]
    spans += [Span(country.index("Brackenfold"), country.index("Brackenfold") + 11, "LOCATION", "Brackenfold")]
    profile = CorpusProfile(
        load_risk_config(), detector.nlp, [Document(f"d{i}", country, spans=list(spans)) for i in (1, 2)]
    )
    checked = "She flew back to Moldova; we drove back to Brackenfold."
    assert [checked[r.start : r.end] for r in residuals(profile, checked)] == ["Brackenfold"]
    # nor does such a word stand alone for a longer name it is part of
    named = "We met at the Kosovan Quillby Centre on Tuesday."
    at = named.index("Kosovan Quillby Centre")
    spans = [Span(at, at + 22, "ORGANIZATION", "Kosovan Quillby Centre")]
    profile = CorpusProfile(
        load_risk_config(), detector.nlp, [Document(f"d{i}", named, spans=list(spans)) for i in (1, 2)]
    )
    assert residuals(profile, "The Kosovan choir sang in the hall.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She woke up in Ward 12 with a drip in her arm.", "Ward 12"),
        ("We swam at the Creek Beach pool most mornings.", "Creek Beach"),
    ],
)
def test_kinds_of_place_with_a_number_or_two_kinds_name_one_place(targets: Targets, text: str, value: str) -> None:
    got = found(targets, text, [(value, "LOCATION")])
    assert [label for _, label in got] == ["LOCATION"] and value in got[0][0]


@pytest.mark.parametrize(("text", "value"), [("She was taken to the Hospital.", "Hospital"), ("at the Beach", "Beach")])
def test_a_kind_of_place_alone_stays(targets: Targets, text: str, value: str) -> None:
    assert found(targets, text, [(value, "LOCATION")]) == []


def test_a_dictionary_word_opening_a_sentence_before_a_persons_verb_is_a_word(targets: Targets) -> None:
    text = "She was low all week. Chaplain came by at ten and sat with her."
    assert found(targets, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "She was low all week. Tobiah came by at ten and sat with her.",
        # the text writes the word with its capital inside a sentence too: a name
        "She was low all week. Sparrow came by at ten. I thanked Sparrow after.",
    ],
)
def test_a_name_opening_a_sentence_before_a_persons_verb_is_still_swept(targets: Targets, text: str) -> None:
    assert found(targets, text)[:1] in ([("Tobiah", "PERSON")], [("Sparrow", "PERSON")])


def test_a_kin_word_of_another_language_is_a_form_of_address(targets: Targets) -> None:
    text = "On Sunday we drove out to see Babushka and she made soup."
    assert found(targets, text, [("Babushka", "PERSON")]) == []
    assert "babushka" in targets.forms_of_address


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("My Welsh is Quellish and hers is the north, we laughed.", True),  # the variety of a language spoken
        ("Her Spanish was Quellish, from the coast.", True),
        ("My sister is Quellish and she lives in town.", False),  # no language before "is": a person
    ],
)
def test_the_variety_of_a_language_someone_speaks_is_no_name(targets: Targets, text: str, kept: bool) -> None:
    got = found(targets, text, [("Quellish", "PERSON")], detector="SpacyRecognizer")
    assert (got == []) is kept
