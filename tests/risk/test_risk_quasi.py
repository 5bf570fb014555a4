"""Quasi-identifiers by meaning: part of speech, negation, lemma and synonyms; and combinations only
when a real quasi-identifier is among them and they narrow the corpus to fewer than k people."""

from __future__ import annotations

import pytest

from qualdeid.corpus import Document
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.analysis import analyse
from qualdeid.risk.lexicon import Synonyms
from qualdeid.risk.quasi import QuasiLexicon, extract


@pytest.fixture(scope="module")
def lexicon() -> QuasiLexicon:
    config = load_risk_config()
    return QuasiLexicon.build(config.quasi_identifiers, Synonyms.load(), config.weak_kinds)


@pytest.fixture(scope="module")
def qis(detector, lexicon):
    synonyms = Synonyms.load()

    def run(text: str) -> set[str]:
        (a,) = analyse(detector.nlp, [("t", text)], synonyms)
        return set(extract(a, lexicon))

    return run


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Nobody here will judge you for it.", set(), {"role:judge"}),  # the verb
        ("It was his idea, not mine.", set(), {"place_type:mine"}),  # the pronoun
        ("He worked down the mine for years.", {"place_type:mine"}, set()),
        ("I'm a peer worker, not her lawyer.", set(), {"role:lawyer"}),  # negated
        ("Her lawyer rang twice.", {"role:lawyer"}, set()),
        ("She nursed her mother for years.", {"family:mother"}, {"role:nurse"}),
        ("Her mam and her mum came.", {"family:mother"}, {"family:mum", "family:mam"}),  # one synonym class
        ("She was a nurse before the accident.", {"role:nurse", "event:accident"}, set()),
    ],
)
def test_terms_count_in_their_meaning(qis, text: str, present: set[str], absent: set[str]) -> None:
    found = qis(text)
    assert present <= found, found
    assert not absent & found, found


def _person(doc_id: str, text: str) -> Document:
    return Document(doc_id, text, meta={"author": f"W{doc_id}"})


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    # Four invented residents: the women Ada (nurse, 60s) and Bea (nurse, 30s), the man Cy (nurse, 60s),
    # the woman Di (teacher, 60s). "nurse", "female" and "60s" each fit three people; all three, one.
    docs = [
        _person("1", "Ada Quell is 64 and she was a nurse for years. She likes her garden and she reads."),
        _person("2", "Bea Quist is 33 and she works as a nurse at night. She likes her garden and she sings."),
        _person("3", "Cy Quorn is 67 and he was a nurse for years. He likes his garden and he reads."),
        _person("4", "Di Quaye is 61 and she was a teacher for years. She likes her garden and she paints."),
    ]
    config = load_risk_config()
    return RiskChecker(config, detector, docs)


def test_a_combination_that_narrows_to_one_person_is_reported(checker: RiskChecker) -> None:
    report = checker.check([Document("t", "She is in her sixties now. She was a nurse, and she still gardens.")])
    (combo,) = [f for f in report.findings if f.check == "combination"]
    assert combo.k == 1 and combo.sources == ["1"] and len(combo.ranges) == 2
    assert "nurse" in combo.message and "role" in combo.suggestion


def test_a_gender_and_a_role_alone_are_not_a_combination(checker: RiskChecker) -> None:
    # fits Ada and Bea only (k = 2 < 3), but a gender and one real quasi-identifier narrow a small
    # corpus by chance: it takes two real ones, or one and two weak ones
    report = checker.check([Document("t", "She was a nurse, and she still gardens.")])
    assert [f for f in report.findings if f.check == "combination"] == []


def test_details_spread_over_texts_combine(checker: RiskChecker) -> None:
    texts = [Document("a", "She was a nurse, and she still gardens."), Document("b", "He is in his sixties now.")]
    joint = [f for f in checker.check(texts).findings if f.check == "joint_combination"]
    assert joint and joint[0].k == 1


@pytest.fixture(scope="module")
def strong_checker(detector) -> RiskChecker:
    # "teacher" and "divorce" each fit three invented people; both together, two (k = 2 < 3)
    docs = [
        _person("1", "Ysella Vellick was a teacher and went through a divorce last year. She likes the garden."),
        _person("2", "Dorwin Varkon was a teacher for years. He likes the garden and he reads."),
        _person("3", "Marisel Voskin went through a divorce and she likes the garden."),
        _person("4", "Keverin Vennick was a teacher and went through a divorce long ago. She reads."),
    ]
    return RiskChecker(load_risk_config(), detector, docs)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("She was a teacher and went through a divorce.", True),  # one person's traits
        # about no one in particular: the terms of a generic sentence are no one's traits
        ("Teachers going through a divorce came up in many entries, alongside money worries.", False),
    ],
)
def test_a_sentence_about_no_one_in_particular_makes_no_combination(
    strong_checker: RiskChecker, text: str, reported: bool
) -> None:
    report = strong_checker.check([Document("t", text)])
    assert bool([f for f in report.findings if f.check == "combination"]) is reported
