"""One person, one subject: a name a naming frame gives ("everyone calls him QX") is the person's in every account."""

from __future__ import annotations

import pytest

from qualdeid.compose.aliases import given_names, join_given_names, with_given_names
from qualdeid.corpus.model import Document, Span
from qualdeid.pseudonymise.people import resolve_people

NAMED = "Tamsk (everyone calls him QX) walked to the river with me. Later QX said the walk helped."
OTHER = "QX came back on Friday and QX asked about the group again."


def _doc(doc_id: str, text: str, *names: str) -> Document:
    spans = [Span(text.index(n), text.index(n) + len(n), "PERSON", n) for n in names]
    return Document(doc_id, text, spans=spans)


def test_a_name_a_frame_gives_is_found_in_every_account() -> None:
    docs = [_doc("A", NAMED, "Tamsk"), _doc("B", OTHER)]
    given = given_names(docs)
    assert [(d, alias) for d, _, _, alias in given] == [("A", "QX")]
    with_names = with_given_names(docs, given)
    assert [NAMED[s.start : s.end] for s in with_names[0].spans] == ["Tamsk", "QX", "QX"]
    assert [OTHER[s.start : s.end] for s in with_names[1].spans] == ["QX", "QX"]


def test_the_other_names_account_counts_for_the_same_subject() -> None:
    docs = with_given_names([_doc("A", NAMED, "Tamsk"), _doc("B", OTHER)], given_names([_doc("A", NAMED, "Tamsk")]))
    given = given_names(docs)
    people = join_given_names(resolve_people(docs), docs, given)
    a, b = people.subjects_of("A"), people.subjects_of("B")
    assert a and b and a[0] == b[0]
    assert {m.person_id for m in people.mentions_in("A")} == {a[0]}  # "Tamsk" and "QX": one id
    assert set(people.documents_of(a[0])) == {"A", "B"}


@pytest.mark.parametrize(
    "text",
    [
        "Tamsk (everyone calls him Buddy) walked with me, my buddy from the unit.",  # a word the corpus writes
        "Tamsk walked with me.\nCalled him Quillon later.",  # not the same line
    ],
)
def test_no_other_name_without_a_frame_on_the_line_or_for_a_word(text: str) -> None:
    assert given_names([_doc("A", text, "Tamsk")]) == []


def test_a_name_given_after_who_and_not_a_form_of_address() -> None:
    text = "Tamsk, who we all call QX, walked with me. Tamsk (the kids call him Grandad) laughed."
    second = text.rindex("Tamsk")
    doc = Document("A", text, spans=[Span(0, 5, "PERSON", "Tamsk"), Span(second, second + 5, "PERSON", "Tamsk")])
    assert [a for *_, a in given_names([doc], {"grandad"})] == ["QX"]
    assert [a for *_, a in given_names([doc])] == ["QX", "Grandad"]
    assert given_names([_doc("A", "Tamsk called Quillon about the rent.", "Tamsk")]) == []


def test_the_other_name_after_an_article_is_a_word() -> None:
    docs = [_doc("A", NAMED, "Tamsk"), _doc("B", "The QX was loud, then QX rang.")]
    found = with_given_names(docs, given_names(docs))[1]
    assert [s.start for s in found.spans] == [found.text.rindex("QX")]
