"""A first name that the allow list holds as a word ("ed", the emergency department) is a person where the
document shows one acting (issue 13 class a): the allow entry does not beat person evidence, and the word
stays a word where it is written as one ("ED", "ed")."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, *texts: str) -> list[list[str]]:
    docs = detector.detect([Document(id=str(i), text=t) for i, t in enumerate(texts)])
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Ring Ed about the rota. Ed said fine.", 2),
        ("Kai tonight is Ed's boil-up. Later Ed laughed.", 2),
        ("- Ed asked about the course. Told Ed it runs in May.", 2),
    ],
)
def test_an_allowed_word_acting_as_a_name_is_a_person(detector, text: str, count: int) -> None:
    [found] = people(detector, text)
    assert found.count("Ed") == count


def test_the_department_stays_a_word_beside_the_person(detector) -> None:
    acting, department = people(
        detector, "Ed said he would come. Ed rang later.", "Took him to ED. The ed team was busy."
    )
    assert acting == ["Ed", "Ed"]
    assert department == []  # "ED", "ed": as written, the department, even with a person "Ed" in the corpus


def test_without_person_evidence_the_allow_list_holds(detector) -> None:
    assert people(detector, "Sat in ED for hours. Ed department was packed.") == [[]]
