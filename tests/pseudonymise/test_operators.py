"""The policy's operators: one table of actions per label; possessives inside place names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import FakeDetector, new_key
from qualdeid.corpus.readers import Corpus
from qualdeid.pseudonymise import Scrubber, ScrubConfig
from qualdeid.pseudonymise.operators import OPERATORS, with_possessive
from qualdeid.pseudonymise.policy import Policy, PolicyError

PLACES = {
    "Wrenfield Girls' High": "ORGANIZATION",
    "Cotterill's Centre": "LOCATION",
    "St Thomas' Church": "LOCATION",
    "Pellow's": "ORGANIZATION",
    "O'Rourke Hall": "LOCATION",
}


def test_every_label_has_its_row_and_policy_choices_come_from_it(tmp_path: Path) -> None:
    assert set(OPERATORS) == {"PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "AGE", "CONTACT", "ID", "RARE_DETAIL"}
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "policy.yaml").write_text("labels:\n  AGE: blur\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="'blur' is not a policy for AGE; use one of: band, keep, placeholder"):
        Policy.load([rules])


@pytest.mark.parametrize(
    ("word", "suffix", "expected"),
    [("Harlow", "'", "Harlow's"), ("Marsh", "’", "Marsh’s"), ("Holmes", "'", "Holmes'"), ("Harlow", "'s", "Harlow's")],
)
def test_a_possessive_fits_the_word_that_replaces(word: str, suffix: str, expected: str) -> None:
    assert with_possessive(word, suffix) == expected


def test_possessives_inside_place_names_stay_possessives(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    text = (
        "Dropped her at Wrenfield Girls' High, then on to Cotterill's Centre and St Thomas' Church. "
        "Pellow's was shut. Met him outside O'Rourke Hall.\n"
    )
    (src / "day.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    Scrubber(new_key(tmp_path), ScrubConfig(seed="p"), detector=FakeDetector(PLACES)).scrub(Corpus([src]), out)
    new = (out / "day.txt").read_text(encoding="utf-8")
    for real in ("Wrenfield", "Cotterill", "Thomas", "Pellow", "Rourke"):
        assert real not in new
    # an apostrophe stays a possessive: never after a word that does not end in s, never before a lone s
    assert not re.search(r"[A-Za-rt-z]'(?![sS]\b)", new), new
    assert re.search(r"\b[A-Z][a-z]+(?:'s|s') High", new), new
    assert re.search(r"\b[A-Z][a-z]+(?:'s|s') Church", new), new
    assert re.search(r"\b[A-Z][a-z]+'s Centre", new), new
    assert re.search(r"\. [A-Z][a-z]+'s was shut", new), new
