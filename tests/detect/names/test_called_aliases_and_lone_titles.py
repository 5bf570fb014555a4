"""What people call someone, where the text says so ("the nurses call her Sprocket", "Likes to be called: ..."), is
that person there, even an everyday word; a title standing alone ("Ông says", "Title: Mrs   Surname: ...") is
nobody (detect/names/processor.py, rules/lexicons/form_fields.yaml; invented texts)."""

from __future__ import annotations

import pytest


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She is 80 and hates the ward. The nurses call her Sprocket. She wanted to talk about food.\n", "Sprocket"),
        ("He turned up late again. Everyone calls him Flint, even his mum.\n", "Flint"),
    ],
)
def test_a_word_people_call_someone_is_that_person_there(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


@pytest.mark.parametrize("text", ["Do not call me Sir, I said.\n", "We call him Dad now.\n"])
def test_a_title_or_relative_people_call_someone_stays_a_word(detector, text: str) -> None:
    assert not any(w in people(detector, text) for w in ("Sir", "Dad"))


def test_the_names_a_form_says_someone_likes_to_be_called_are_that_person(detector) -> None:
    form = "Name: Opaline Tansel Hessany\nLikes to be called: Tansy, Nanny Tansy, or Mrs H by the staff.\nRoom: 4\n"
    found = people(detector, form)
    assert "Tansy" in found and "Nanny Tansy" in found


def test_a_title_alone_is_no_name(detector) -> None:
    assert people(detector, "We met Ông at the temple yesterday. He says hi.\n") == []
    form = "Ref 9921\nTitle: Mrs   Surname: QUARLEN   Forename(s): Tansel\n"
    assert "Mrs" not in people(detector, form)
