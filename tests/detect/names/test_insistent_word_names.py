"""A word-name the document uses for a person twice or more is the person at its other capitalised
occurrences too (issue 13, class a: "inside one document, a person's name wins over the word reading
wherever the grammar allows it"), and the word stays a word where the grammar says so."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people_at(detector, text: str) -> list[int]:
    [doc] = detector.detect([Document(id="d", text=text)])
    return [s.start for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Faith asked for a copy. Faith laughed at the form. The sheet was typed up by Faith.", "by Faith"),
        ("Joy relaxed once we spoke Tagalog. Pia told Joy the news and Joy cried. I was cross at Joy after.", "at Joy"),
    ],
)
def test_a_name_the_document_insists_on_is_the_person(detector, text: str, phrase: str) -> None:
    at = text.index(phrase) + 3
    assert at in people_at(detector, text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Hope is important in recovery. We looked at Hope as a theme.", "at Hope"),  # no person in the document
        ("Hope said she was tired. Hope rang me. Hope is what keeps her going.", "Hope is what"),
        ("Hope said she was tired. Hope rang me. We were all at Hope Street.", "at Hope Street"),
        ("Will said he would come. Will rang later. Will you come on Friday?", "Will you"),
        ("Dawn said she was tired. Dawn rang me. We walked down Dawn Street.", "Dawn Street"),
        ("Dawn said she was tired. Dawn rang me. We left at dawn.", "dawn."),
    ],
)
def test_the_word_stays_a_word(detector, text: str, phrase: str) -> None:
    at = text.rindex(phrase)
    assert not any(at <= start < at + len(phrase) for start in people_at(detector, text))
