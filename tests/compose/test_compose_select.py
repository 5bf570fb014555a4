"""Counting subjects: documents, not the names detection split a person into."""

from __future__ import annotations

import random

from qualdeid.compose.select import Fragment, _distinct_subjects, _pick


def test_a_document_counts_for_one_subject() -> None:
    assert len(_distinct_subjects({"D1": {"P1", "P2"}})) == 1  # one account, whatever it names
    assert len(_distinct_subjects({"D1": {"P1", "P2"}, "D2": {"P1"}})) == 2
    assert len(_distinct_subjects({"D1": {"P1"}, "D2": {"P1"}, "D3": {"P1", "P3"}})) == 2
    assert len(_distinct_subjects({"D1": {"P1"}, "D2": {"P2"}, "D3": {"P3"}})) == 3


def _part(doc: str, section: int, subject: str, persons: set[str], relevance: float) -> Fragment:
    f = Fragment(doc, section, ["theme"], [(0, 10)], [], narrator=f"W-{doc}", subject=subject, named=True)
    f.persons, f.relevance = frozenset(persons), relevance
    return f


def test_a_subject_is_not_met_again_in_another_part() -> None:
    spine = _part("D1", 0, "P1", {"P1"}, 1.0)
    names_the_spine = _part("D2", 1, "P2", {"P2", "P1"}, 0.9)  # the spine's resident turns up here too
    elsewhere = _part("D3", 1, "P3", {"P3"}, 0.2)
    last = _part("D4", 2, "P4", {"P4"}, 0.2)
    picked = _pick([spine, names_the_spine, elsewhere, last], 3, random.Random(1), 3, set())
    assert picked is not None and {f.doc_id for f in picked} == {"D1", "D3", "D4"}
    # with no other part to take, the story is still composed
    picked = _pick([spine, names_the_spine, last], 3, random.Random(1), 3, set())
    assert picked is not None and {f.doc_id for f in picked} == {"D1", "D2", "D4"}
