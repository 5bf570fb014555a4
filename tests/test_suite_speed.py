"""The suite's own speed-ups (tests/conftest.py) change nothing that is tested."""

from __future__ import annotations

from helpers import ROOT, SLOW_FIRST
from qualdeid.risk.lexicon import Related


def test_every_file_run_first_exists() -> None:
    assert [p for p in SLOW_FIRST if not (ROOT / p).is_file()] == []


def test_the_shipped_related_words_read_once_are_the_same_table_in_a_copy_of_its_own() -> None:
    """(A project's rules folder is still read each time: tests/risk/test_risk_lexicon.py.)"""
    first, second = Related.load(), Related.load(compound_zipf=2.5)
    assert first.words == second.words and first.words is not second.words
    assert (second.compound_zipf, first.compound_zipf) == (2.5, 0.0)
