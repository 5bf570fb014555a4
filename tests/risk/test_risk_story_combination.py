"""A story whose facts are each in several people's accounts but all together in one person's only
points to that person (``linkage.similarity.story_combination``). Texts are invented.

Fixture: tests/fixtures/risk_story_combination.jsonl (invented): four residents; a bicycle, a bakery,
an umbrella and a harbour are each in three residents' accounts, all four in Cosmo's (C01) only.
"""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.analysis import analyse
from qualdeid.risk.similarity import Match

STORY = (
    "A man had a bicycle and often stopped at the bakery. He always carried an umbrella. "
    "In the afternoons he was down by the harbour."
)


@pytest.fixture(scope="module")
def checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([FIXTURES / "risk_story_combination.jsonl"]))


def _combinations(checker: RiskChecker, text: str) -> dict[str, list[str]]:
    a = analyse(checker.detector.nlp, [("t", text)], checker.profile.synonyms)[0]
    return {p: [t.lemma for t in ws] for p, ws in checker.linker.combinations(a, []).items()}


def _person(checker: RiskChecker, doc: str) -> str:
    return next(p for p, s in checker.profile.sources.items() if s.role != "worker" and doc in s.documents)


def test_common_words_that_only_one_persons_accounts_hold_together_are_a_combination(checker) -> None:
    cosmo = _person(checker, "C01")
    for word in ("bicycle", "bakery", "umbrella", "harbour"):  # each in three people's accounts
        assert checker.profile.class_trace(word).k >= checker.k
    assert _combinations(checker, STORY) == {cosmo: ["bicycle", "bakery", "umbrella", "harbour"]}
    # three of them are held together by two others too, and are too few to be a story's combination
    assert _combinations(checker, STORY.replace("umbrella", "hat")) == {}


def test_a_story_links_by_its_combination_above_the_threshold_only(checker) -> None:
    cosmo = _person(checker, "C01")
    a = analyse(checker.detector.nlp, [("t", STORY)], checker.profile.synonyms)[0]
    assert checker.linker.story(a)
    ev = checker.linker.evidence(a, [], [])[cosmo]
    assert len(ev.combination) == 4
    linker = checker.linker
    ev.similarity = None  # not above the calibrated threshold
    assert not linker.combined(ev)
    ev.similarity = Match(cosmo, 1.0, 2.0, 1.5, ev.combination)
    assert linker.combined(ev)
    assert ev in linker.linked({cosmo: ev}, 3, 3.0, 3, 2.5, 2)
    ev.story = False  # one sentence of facts is no story
    assert not linker.combined(ev)
