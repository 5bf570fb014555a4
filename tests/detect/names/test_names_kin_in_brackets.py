"""A relative named right before the kinship word in brackets is a person, even a month or a word-name
("since April (his wife) moved"); a bracket that is no kinship word leaves the month a month. The texts
are invented."""

from __future__ import annotations

from qualdeid.corpus.model import Document


def _people(detector, text: str) -> list[str]:
    (doc,) = detector.detect([Document(id="a", text=text)])
    return [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]


def test_a_month_named_as_a_relative_is_a_person(detector) -> None:
    assert "April" in _people(detector, "He has been lonely since April (his wife) moved into the care home.")


def test_a_word_name_named_as_a_relative_is_a_person(detector) -> None:
    assert "Hope" in _people(detector, "The visit went well and Hope (my sister) came by after lunch.")


def test_a_month_with_other_brackets_stays_a_month(detector) -> None:
    people = _people(detector, "We started in April (the month was wet) and went back in May (their busy month).")
    assert "April" not in people and "May" not in people
