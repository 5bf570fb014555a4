"""How common a word is, whichever side of the Atlantic spelled it (detect/nlp/frequency.py)."""

from __future__ import annotations

import pytest

from qualdeid.detect.nlp.frequency import zipf, zipf_any_spelling


@pytest.mark.parametrize(
    ("british", "american"),
    [("organiser", "organizer"), ("paediatric", "pediatric"), ("jewellery", "jewelry"), ("licence", "license")],
)
def test_a_british_spelling_counts_as_common_as_the_american(british: str, american: str) -> None:
    assert zipf(british) < zipf(american)
    assert zipf_any_spelling(british) == zipf(american)


@pytest.mark.parametrize("word", ["bandura", "taxidermist", "four", "catalogue"])
def test_a_word_without_a_more_common_spelling_keeps_its_own(word: str) -> None:
    assert zipf_any_spelling(word) == zipf(word)
