"""A short form that is the ending of a given name the document gives ("Meet" of "Harmeet", "Preet" of
"Navpreet"), as communities of South Asia shorten names, is that person wherever the grammar takes a person,
in the case written; the ordinary word in lower case stays a word (detect/names/document.py; issue 13,
classes a and b; invented names)."""

from __future__ import annotations


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_the_ending_of_a_given_name_is_the_person_in_person_grammar(detector) -> None:
    text = (
        "Harmeet Brannagh's cousin dropped off some food at the desk this morning. Later Meet came down and the "
        "two of them talked. Meet is 52 and drove trucks for years. Meet's mum rings most nights. "
        "We meet on Fridays."
    )
    found = people(detector, text)
    assert found.count("Meet") == 3  # alone, before "is", with a possessive
    assert "meet" not in found  # the word in lower case


def test_a_word_that_ends_no_name_of_the_document_is_left_to_the_other_rules(detector) -> None:
    text = "Met Navpreet Ollerby at the hall. The Meet Club was shut. Afterwards Navpreet said she was tired."
    assert "Meet" not in people(detector, text)
