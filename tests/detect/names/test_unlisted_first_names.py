"""A first name that no list holds, known by the listed surname after it, and then found alone in the
corpus (issue 13, class d). Invented texts."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def labelled(detector, *texts: str) -> list[tuple[str, str]]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [(d.text[s.start : s.end], s.label) for d in docs for s in d.spans]


def test_the_first_name_before_a_surname_is_a_person_and_found_again_alone(detector) -> None:
    found = labelled(
        detector,
        "On Friday we looked in on Shabreen Choudhury at home in Colver Road. Shabreen is doing her exams.",
        "The group was small. Shabreen joined after lunch with her cousin.",
    )
    assert ("Shabreen Choudhury", "PERSON") in found
    assert found.count(("Shabreen", "PERSON")) == 2
    assert not any(label == "LOCATION" and "Shabreen" in text for text, label in found)


@pytest.mark.parametrize(
    "text",
    [
        "We drove out to the Tallowbrook Murray estate on Friday.",
        "We met at the Kelvindale Murray Hall for the quiz.",
    ],
)
def test_places_before_a_surname_shaped_word_stay_places(detector, text: str) -> None:
    assert all(label != "PERSON" for _, label in labelled(detector, text))


def test_a_title_before_a_surname_is_no_first_name(detector) -> None:
    found = labelled(detector, "We meet on a Monday, Auntie Frances has the keys.", "She is not a real auntie.")
    assert ("auntie", "PERSON") not in found


def test_an_unlisted_name_opening_a_sentence_with_an_age_is_a_person(detector) -> None:
    found = labelled(detector, "The damp has reached the room where my son sleeps. Oleksiy is 9 and has asthma.")
    assert ("Oleksiy", "PERSON") in found
    # a distance or a price after "is" is no age
    assert not any(label == "PERSON" for _, label in labelled(detector, "Tallowbrook is 12 miles away."))


@pytest.mark.parametrize("opener", ["Coordinator", "Chair", "Today"])
def test_an_unlisted_first_name_after_a_word_opening_the_sentence(detector, opener: str) -> None:
    """ "Coordinator Tavinder Dhillon greets everyone": the capitalised word before opens the sentence and
    is no name, so it does not make the pair part of a longer Title Case phrase."""
    from qualdeid.detect.names.evidence import NameEvidence
    from qualdeid.rules import Rules

    evidence = NameEvidence(Rules(), detector.nlp)
    sdoc = detector.nlp(f"Tea and biscuits. {opener} Tavinder Dhillon greets everyone by name.")
    [token] = [t for t in sdoc if t.text == "Tavinder"]
    assert evidence.unlisted_before_surname(sdoc, token) == "Dhillon"
    # inside a Title Case phrase it stays part of it
    sdoc = detector.nlp("We walked to the Upper Tavinder Dhillon estate.")
    [token] = [t for t in sdoc if t.text == "Tavinder"]
    assert evidence.unlisted_before_surname(sdoc, token) is None
