"""Words that many people's accounts hold one by one, but that one sentence of only one person's accounts
holds together (risk/linkage.py, ``linkage.joint_zipf``), and a sentence sign told by the text's own
sentence (``linkage.converge``).

Invented corpus: three people mention a reservoir, three mention swans, and only one tells, in one
sentence, of feeding the swans at the reservoir.
"""

from __future__ import annotations

import dataclasses

import pytest

from qualdeid.corpus import Document
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.analysis import analyse
from qualdeid.risk.linkage import PersonEvidence

DOCS = [
    Document(
        "j1",
        "Ewald Corvin came to the drop-in. He spent his boyhood feeding the swans at the reservoir with "
        "his grandfather. We had tea in the kitchen.",
    ),
    Document("j2", "Leocadia Hortensia walked to the reservoir today. We had tea in the kitchen."),
    Document("j3", "Cassius Pellbright saw the reservoir from the bus. He was tired after the appointment."),
    Document("j4", "Isolde Peregrine drew swans in the art group. We had tea in the kitchen."),
    Document("j5", "Hiltrud Tollemy watched the swans in the park. She laughed about the weather."),
    Document("j6", "Quentin Aldous fixed the kettle and we went for a walk to the shops."),
]
TEXT = "One man had spent his childhood feeding swans at a reservoir."


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, DOCS)


def _person(checker: RiskChecker, document: str) -> str:
    (pid,) = [p for p, s in checker.profile.sources.items() if document in s.documents and s.role != "worker"]
    return pid


def _evidence(checker: RiskChecker, text: str) -> dict[str, PersonEvidence]:
    (a,) = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)
    return checker.linker.evidence(a, [], [])


def test_each_word_alone_is_held_by_many_people(checker: RiskChecker) -> None:
    (a,) = analyse(checker.detector.nlp, [("t", TEXT)], checker.profile.synonyms)
    for word in ("swans", "reservoir"):
        (t,) = [t for t in a.tokens if t.text == word]
        assert checker.profile.trace(t).k >= checker.k


def test_words_held_together_by_one_sentence_of_one_person_are_specific_to_them(checker: RiskChecker) -> None:
    ev = _evidence(checker, TEXT)[_person(checker, "j1")]
    assert {t.text for t in ev.joint_words} == {"swans", "reservoir"}
    assert {"swans", "reservoir"} <= {t.text for t in ev.sentence_words}
    report = checker.check([Document("t", TEXT)])
    linked = [f for f in report.findings if f.check == "subject_linkage"]
    assert [f.people for f in linked] == [[_person(checker, "j1")]]
    assert linked[0].severity == "warn"


def test_words_held_in_different_sentences_are_not_held_together(checker: RiskChecker) -> None:
    """Two people's sentences hold one word each: together they are everyone's."""
    (a,) = analyse(checker.detector.nlp, [("t", TEXT)], checker.profile.synonyms)
    words = [t for t in a.tokens if t.text in ("swans", "reservoir")]
    assert checker.linker.joint_k(words) == 1
    swans = [t for t in a.tokens if t.text == "swans"]
    assert checker.linker.joint_k(swans) >= checker.k
    for p, ev in _evidence(checker, TEXT).items():
        if p != _person(checker, "j1"):
            assert not ev.joint_words


def test_joint_words_can_be_turned_off(detector) -> None:
    config = dataclasses.replace(load_risk_config(), linkage_joint_zipf=0.0)
    checker = RiskChecker(config, detector, DOCS)
    assert not any(ev.joint_words for ev in _evidence(checker, TEXT).values())


def test_the_texts_sentence_telling_a_past_makes_a_shared_sentence_a_sign(checker: RiskChecker) -> None:
    """Their diary told it as an episode; the text retells it as a fact of a life: one sign, as when
    their sentence tells the past."""
    person = _person(checker, "j1")
    (a,) = analyse(checker.detector.nlp, [("t", "A man once fed swans at a reservoir.")], checker.profile.synonyms)
    words = [t for t in a.tokens if t.text in ("swans", "reservoir")]
    ev = PersonEvidence(person, words=words, weight=1.6, expected_weight=0.4)
    ev.sentence_words, ev.sentence_weight, ev.sentence_life = words, 1.2, False
    assert checker.linker.converging(ev) == 1
    ev.life = frozenset(t.start for t in words)  # the text's sentence tells one person's past
    assert checker.linker.converging(ev) == 2
