"""Custody, care and court histories (detect/rare/custody.py), one finder on its own: what it finds, and
the ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "custody"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Ravi did nine months in Fernhill before he came to us.", "did nine months in Fernhill"),
        ("After my four years inside I couldn't sleep in a quiet room.", "my four years inside"),
        ("Her uncle was imprisoned for two years.", "was imprisoned for two years"),
        ("The two brothers were separated in foster care for years.", "were separated in foster care"),
        ("Sam lost custody of her daughter last spring.", "lost custody of her daughter"),
        ("His cousin is still inside for the robbery.", "is still inside for the robbery"),
        ("I got sober on a prison detox wing.", "got sober on a prison detox wing"),
        ("My sister and I were parted in care as toddlers.", "were parted in care"),
        ("She had her first son adopted when she was sixteen.", "had her first son adopted"),
        ("We got him home through the family drug court.", "got him home through the family drug court"),
        ("He was found unfit to plead in the end.", "was found unfit"),
        ("My brother is in jail for his protests.", "is in jail for his protests"),
        ("Back then he did time for handling stolen cars.", "did time"),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    hits = finder_hits(detector, FAMILY, text)
    assert any(phrase in hit for hit in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "I stayed inside all day because of the rain.",
        "Still inside the house, she rang me twice.",
        "She works in care and loves it.",
        "The nurse took good care of him.",
        "He went to visit his dad in prison on Sunday.",
        "I lost everything once, not to prison but to drink.",
        "It was a duty of care issue for the team.",
        "He did six months of physio after the fall.",
        "The prison officer rang about the forms.",
        "She was detained under the Act last year.",
        "He spent two years in Lisbon with his aunt.",
        "She is in care homes every week for work.",
        # a stay in care is too common in these settings to single anyone out (custody.yaml, care_detail_verbs)
        "Her kids were in foster care while she was unwell.",
        "I'm trying to get my daughter back from care.",
        "He spent a year in residential care up north.",
        "He was scared he would have to go to prison for a long time.",
        "We used to do that every year in the summer.",
        "She has been caring for her mum since March.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
