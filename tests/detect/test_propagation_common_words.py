"""Corpus-wide propagation never turns an ordinary word into an identifier (issue 13, class j).

One document of the corpus uses everyday words, holidays, clinical and legal terms and Māori and
Pacific words inside names or names of things, where NER or the name detector may take them for
people or organisations; the other documents use the same words in ordinary sentences. Nothing in
those is flagged by the corpus processors that carry what one document found to the others. The
texts are invented.
"""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document

#: The detectors that carry a name or a place found in one document to every other document.
PROPAGATING = {"names", "short_forms"}

SEEDS = [
    "On St Enda's Day we ran the stall with Nell Day and Bram Carers. The Kindness Fair at Corran Mill"
    " was packed, and Fair Trade Fortnight starts Monday.",
    "Rua said the Mental Health Act review and the ECG were both done. Whānau came to the Hui, Kai was"
    " shared after Karakia, then Talanoa with the Aiga. Fono on Friday.",
    "Day two. Fair enough. Carers Week was busy and Mill Lane was closed. Act now, said Tavita.",
    "Hope Mill, Grace Lane and Patience Week are on the poster. Marae Day was lovely, said Wiremu.",
]

ORDINARY = [
    "It was a long day at work but a fair result. The carers met at the mill after lunch.",
    "Day by day she is better. Fair play to the carers, they stayed late. Week one done.",
    "Her ecg was normal and the ECG leads were cold. Nobody mentioned the mental health act or the act itself.",
    "We shared kai with the whānau after the hui, then karakia. A talanoa with her aiga helped. Kai was lovely.",
    "Another day, another fair. Carers looked tired. The Mill was quiet and the lane was muddy.",
    "Went to the marae for the fono. Hui went well. Whanau first, always.",
    "Is there hope? She took it with grace. Day after day of patience, then the week was over.",
]

#: the words of the seeds that must stay words in ORDINARY
WORDS = {
    "day",
    "fair",
    "carers",
    "mill",
    "lane",
    "week",
    "ecg",
    "act",
    "kai",
    "hui",
    "whānau",
    "whanau",
    "karakia",
    "talanoa",
    "aiga",
    "fono",
    "marae",
    "enda",
    "fortnight",
    "trade",
    "hope",
    "grace",
    "patience",
}


@pytest.fixture(scope="module")
def detected(detector) -> dict[str, Document]:
    docs = [Document(id=f"seed{i}", text=t) for i, t in enumerate(SEEDS)]
    docs += [Document(id=f"ordinary{i}", text=t) for i, t in enumerate(ORDINARY)]
    return {d.id: d for d in detector.detect(docs)}


@pytest.mark.parametrize("index", range(len(ORDINARY)))
def test_no_ordinary_word_is_flagged_through_propagation(detected, index: int) -> None:
    doc = detected[f"ordinary{index}"]
    propagated = [(doc.text[s.start : s.end], s.label) for s in doc.spans if s.detector in PROPAGATING]
    assert propagated == []


def test_the_seed_words_are_no_known_names_of_the_corpus(detected) -> None:
    """The seeds' own people stay found, their words do not become people anywhere."""
    found = {d.text[s.start : s.end].lower() for d in detected.values() for s in d.spans if s.detector in PROPAGATING}
    assert "tavita" in found and "rua" in found
    assert found & WORDS == set()
