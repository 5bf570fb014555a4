"""A confirmed detail runs on over a second verb of the same person that goes on with the fact
(detect/rare/frames.py, ``Frames._coordinated``), also where the small tagger reads that verb as a plural
noun or the verb is "has" with a count (invented texts)."""

from __future__ import annotations

import pytest

from helpers import rare_details as _details


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a rare verb tagged as a plural noun, with its object after it
        ("In the barn he builds coracles by hand and caulks the seams himself.", "and caulks the seams"),
        # having a count of the things made or kept
        ("Orla restores old jukeboxes and has thirty-one of them.", "and has thirty-one"),
        # a verb of showing with the things as its object
        ("Her aunt breeds ferrets and shows them at county fairs.", "and shows them at county fairs"),
        ("He raises pygmy goats and shows them at the spring fair.", "and shows them at the spring fair"),
    ],
)
def test_runs_on_over_second_verb(detector, text: str, phrase: str) -> None:
    assert any(phrase in d for d in _details(detector, text)), _details(detector, text)


@pytest.mark.parametrize(
    ("text", "stop"),
    [
        # an auxiliary, not having: the second clause is no part of the detail
        ("Orla restores old jukeboxes and has gone quiet about it lately.", "gone"),
        # a plural noun after "and" with no object is no verb
        ("He builds coracles by hand and nets for the river.", "nets"),
        # a verb of showing or telling with a person as its object goes on with no fact
        ("Her aunt breeds ferrets and showed me how at the fair.", "showed"),
        ("Her aunt breeds ferrets and mentioned it on the way home.", "mentioned"),
    ],
)
def test_stops_before_other_clauses(detector, text: str, stop: str) -> None:
    details = _details(detector, text)
    assert details and not any(stop in d for d in details), details
