"""The words the risk checks read (risk/analysis.py): lemmas of verbs whose stem lost its silent "e"."""

from __future__ import annotations

import pytest

from qualdeid.risk.analysis import analyse, verb_lemma


@pytest.mark.parametrize(
    ("lemma", "form", "tag", "expected"),
    [
        ("star", "stared", "VBD", "stare"),  # "star" would be "starred"
        ("hop", "hoped", "VBN", "hope"),
        ("pin", "pining", "VBG", "pine"),
        ("star", "starred", "VBD", "star"),  # the doubled consonant is the stem's own
        ("stop", "stopped", "VBD", "stop"),
        ("open", "opened", "VBD", "open"),  # two syllables: no doubling to read
        ("fix", "fixed", "VBD", "fix"),  # x never doubles
        ("play", "played", "VBD", "play"),
        ("star", "stared", "NN", "star"),  # only a verb's past or -ing form
        ("bus", "bused", "VBD", "bus"),  # "buse" is no word
    ],
)
def test_a_stem_that_lost_its_silent_e(lemma: str, form: str, tag: str, expected: str) -> None:
    assert verb_lemma(lemma, form, tag) == expected


def test_the_lemmas_of_a_text_read_the_silent_e(detector) -> None:
    (a,) = analyse(detector.nlp, [("t", "Ludovic was pining for the hills and he hoped to go back.")])
    lemmas = {t.text: t.lemma for t in a.tokens}
    assert lemmas["pining"] == "pine" and lemmas["hoped"] == "hope"
