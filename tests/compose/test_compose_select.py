"""Counting subjects: documents, not the names detection split a person into."""

from __future__ import annotations

from qualdeid.compose.select import _distinct_subjects


def test_a_document_counts_for_one_subject() -> None:
    assert len(_distinct_subjects({"D1": {"P1", "P2"}})) == 1  # one account, whatever it names
    assert len(_distinct_subjects({"D1": {"P1", "P2"}, "D2": {"P1"}})) == 2
    assert len(_distinct_subjects({"D1": {"P1"}, "D2": {"P1"}, "D3": {"P1", "P3"}})) == 2
    assert len(_distinct_subjects({"D1": {"P1"}, "D2": {"P2"}, "D3": {"P3"}})) == 3
