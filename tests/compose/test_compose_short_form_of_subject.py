"""A short form of the part's subject's first name that the corpus held as another person is the subject
(must-be-true 5: one person, one pseudonym), unless it could shorten another first name of the account."""

from __future__ import annotations

from qualdeid.compose.composer import _subject_by_short_form
from qualdeid.corpus.model import Document
from qualdeid.pseudonymise.people import PersonMention


class _People:
    def __init__(self, doc: Document, mentions: list[tuple[str, str]]) -> None:
        self.doc = doc
        self.mentions = []
        for written, pid in mentions:
            start = doc.text.index(written)
            self.mentions.append(PersonMention(doc.id, start, start + len(written), pid))

    def documents_of(self, pid: str) -> list[str]:
        return [self.doc.id]

    def mentions_in(self, doc_id: str) -> list[PersonMention]:
        return self.mentions


def _who(text: str, mentions: list[tuple[str, str]], pid: str = "P2") -> str | None:
    doc = Document("d1", text)
    return _subject_by_short_form(_People(doc, mentions), {"d1": doc}, doc, pid, "P1", {})


def test_a_short_form_of_the_subjects_first_name_is_the_subject() -> None:
    text = "Visited Marguerite Quenby at home. Margu is tired today."
    assert _who(text, [("Marguerite Quenby", "P1"), ("Margu", "P2")]) == "P1"


def test_not_when_it_could_shorten_another_first_name_of_the_account() -> None:
    text = "Visited Marguerite Quenby and her sister Margulie. Margu is tired today."
    assert _who(text, [("Marguerite Quenby", "P1"), ("Margulie", "P3"), ("Margu", "P2")]) is None


def test_not_a_name_that_shortens_nothing() -> None:
    text = "Visited Marguerite Quenby at home. Tobin is tired today."
    assert _who(text, [("Marguerite Quenby", "P1"), ("Tobin", "P2")]) is None


def test_a_pet_form_of_the_first_syllable_is_the_subject() -> None:
    text = "Visited Tamsinel Quenby at home. Her dad asked whether Tamsy should go back to college."
    assert _who(text, [("Tamsinel Quenby", "P1"), ("Tamsy", "P2")]) == "P1"
    # two letters of the name are no first syllable: another person
    text = "Visited Tamsinel Quenby at home. Her dad asked whether Tay should go back to college."
    assert _who(text, [("Tamsinel Quenby", "P1"), ("Tay", "P2")]) is None
