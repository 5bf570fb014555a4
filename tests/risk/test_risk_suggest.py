"""Suggestions that fit what was found: rules/generalise.yaml first, then the kind of the detail
(from the rare-detail lexicons) or of the identifier, from `suggestions` in rules/risk.yaml."""

from __future__ import annotations

import pytest

from qualdeid.risk import load_risk_config
from qualdeid.risk.analysis import analyse
from qualdeid.risk.suggest import Suggester


@pytest.fixture(scope="module")
def suggest() -> Suggester:
    return Suggester(load_risk_config().suggestions)


@pytest.fixture(scope="module")
def detail(detector, suggest):
    def run(words: str) -> tuple[str, str]:
        (a,) = analyse(detector.nlp, [("t", words)])
        return suggest.detail(words, a.tokens)

    return run


def test_a_reviewed_generalisation_comes_first(detail) -> None:
    _, text = detail("used to race pigeons")
    assert "had an unusual hobby" in text


@pytest.mark.parametrize(
    ("words", "kind", "says"),
    [
        ("she bred alpacas", "pet", "'a pet'"),
        ("she took up falconry", "hobby", "a hobby in general terms"),
        ("he plays the harp", "hobby", "plays a musical instrument"),  # generalise.yaml has harps
        ("a trapeze artist", "occupation", "a past job in general terms"),
        ("the blue kettle", "detail", "describe it in general terms"),
    ],
)
def test_otherwise_by_the_kind_of_detail(detail, words: str, kind: str, says: str) -> None:
    got_kind, text = detail(words)
    assert got_kind == kind and says in text


def test_identifiers_and_combinations_by_kind(suggest: Suggester) -> None:
    assert "a nearby town" in suggest.identifier("LOCATION") and "pseudonym" in suggest.identifier("PERSON")
    text = suggest.combination(["role:nurse", "age:60s"])
    assert "'nurse' (role)" in text and "'60s' (age)" in text and "a kind of work" in text


def test_entries_of_several_words_are_found_in_a_text(detector, suggest: Suggester) -> None:
    (a,) = analyse(detector.nlp, [("t", "He had a glass eye and once worked as a trapeze artist.")])
    found = [(" ".join(t.text for t in a.tokens[i:j]), kind) for i, j, kind in suggest.phrases(a.tokens)]
    assert found == [("glass eye", "physical_trait"), ("trapeze artist", "occupation")]
