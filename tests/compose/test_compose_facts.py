"""The character's basic facts in each fragment, and fragments that contradict each other (must-be-true 4)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qualdeid.compose.facts import Facts, contradictions
from qualdeid.compose.select import Fragment, _pick


@pytest.fixture(scope="module")
def facts() -> Facts:
    return Facts()


def values(facts: Facts, text: str, gender: str | None, names: tuple[str, ...] = ()) -> set[str]:
    return {f.key for f in facts.of(text, 0, len(text), gender, names)}


@pytest.mark.parametrize(
    ("text", "gender", "names", "expected"),
    [
        ("She has no kids and never wanted them.", "F", (), {"family: no children"}),
        ("Her grandson drove her in.", "F", (), {"family: grandchildren"}),
        ("She baked for her grandson's visit.", "F", (), {"family: grandchildren"}),
        ("Ottoline's daughter rang twice.", "F", ("Ottoline",), {"family: children"}),
        ("His son rang twice.", "F", (), set()),  # someone else's son in an account about a woman
        ("My kids were the same at that age.", "F", (), set()),  # the worker's own
        ("He lives alone above the bakery.", "M", (), {"living situation: lives alone"}),
        ("He is living with his mum again.", "M", (), {"living situation: lives with family or partner"}),
        ("They were sleeping rough all winter.", None, (), {"living situation: homeless"}),
        ("Since he lost his job he sleeps late.", "M", (), {"job: out of work"}),  # not "his job": employed
        ("She works at the garden centre.", "F", (), {"job: working"}),
        ("She's retired now and bored.", "F", (), {"job: retired"}),
        ("She’s in her seventies.", "F", (), {"age: older"}),
        ("He is a teenager, really.", "M", (), {"age: young"}),
        ("He's not homeless yet, but close.", "M", (), set()),  # negated: not stated
        # an age in a number: its band now; an age of the past, a time or someone else's says nothing
        ("She is 19 and loud with it.", "F", (), {"age: young"}),
        ("Wilhelmina (47) came in early.", "F", ("Wilhelmina",), {"age: middle"}),
        ("He turned sixty-four last week.", "M", (), {"age: older"}),
        ("She was 15 when it began.", "F", (), set()),
        ("She's 8 minutes late again.", "F", (), set()),
        ("He is 71, she said.", "F", (), set()),
        ("She never lived alone before.", "F", (), set()),
        ("Her husband drives lorries.", "F", (), {"partner: has a partner"}),
        ("She is a single mum of two.", "F", (), {"partner: no partner"}),
    ],
)
def test_facts_of_a_sentence(facts: Facts, text: str, gender, names, expected) -> None:
    assert values(facts, text, gender, names) == expected


def test_contradictions_are_listed_once(facts: Facts) -> None:
    parts = [
        facts.of(t, 0, len(t), "F")
        for t in (
            "She has no kids.",
            "Her grandson came by. She lives alone.",
            "Her granddaughter too. She is a teenager, she says.",
            "She lives on her own.",
        )
    ]
    found = {(i, a.key, j, b.key) for i, a, j, b in contradictions(facts, parts)}
    assert found == {
        (0, "family: no children", 1, "family: grandchildren"),
        (1, "family: grandchildren", 2, "age: young"),  # listed across facts in facts.yaml
    }  # children and grandchildren agree; "lives alone" twice agrees; each pair once
    assert not facts.clash("family: children", "family: grandchildren")
    assert facts.clash("family: no children", "family: children")


def test_ages_of_different_bands_contradict(facts: Facts) -> None:
    parts = [facts.of(t, 0, len(t), "F") for t in ("She's 23 and keen.", "She turned 68 in June.", "She is 25.")]
    found = contradictions(facts, parts)
    assert [(i, a.key, j, b.key) for i, a, j, b in found] == [(0, "age: young", 1, "age: older")]


def test_a_project_adds_and_removes_phrases(tmp_path: Path) -> None:
    (tmp_path / "compose").mkdir()
    (tmp_path / "compose" / "facts.yaml").write_text(
        "facts:\n  job:\n    working: ['{pron} (drives|drove) a cab']\n    out of work: ['!unemployed']\n",
        encoding="utf-8",
    )
    own = Facts([tmp_path])
    assert values(own, "He drives a cab at night.", "M") == {"job: working"}
    assert values(own, "He is unemployed.", "M") == set()


def _fragment(doc: str, section: int, subject: str, facts: Facts, text: str, relevance: float) -> Fragment:
    f = Fragment(doc, section, ["theme"], [(0, len(text))], [], narrator=f"w{doc}", subject=subject, named=True)
    f.facts, f.relevance = [facts.of(text, 0, len(text), "F")], relevance
    return f


def test_fragments_that_agree_are_chosen_together(facts: Facts) -> None:
    spine = _fragment("a", 0, "P1", facts, "She has no kids and lives alone.", 5.0)
    clashing = _fragment("b", 1, "P2", facts, "Her grandson helped her cook.", 3.0)
    agreeing = _fragment("c", 1, "P3", facts, "Her neighbour helped her cook.", 1.0)
    third = _fragment("d", 2, "P4", facts, "It mattered because she chose.", 1.0)
    for seed in range(5):
        picked = _pick([spine, clashing, agreeing, third], 3, random.Random(seed), 3, set(), facts)
        assert picked is not None and clashing not in picked and agreeing in picked
    # without the facts, the more relevant fragment is taken whatever it says
    picked = _pick([spine, clashing, agreeing, third], 3, random.Random(1), 3, set(), None)
    assert picked is not None and clashing in picked


def test_ages_of_one_band_far_apart_contradict(facts: Facts) -> None:
    parts = [facts.of(t, 0, len(t), "F") for t in ("She's 34 and keen.", "She is 36.", "She turned 52 in spring.")]
    found = {(i, j) for i, _, j, _ in contradictions(facts, parts)}
    assert (0, 2) in found or (1, 2) in found  # 34 or 36 against 52, each pair of values once
    assert (0, 1) not in found  # two years apart: one person told loosely


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She grew up in Wexcombe and hated it.", {"home town: wexcombe"}),
        ("She's originally from Tarrowby, she says.", {"home town: tarrowby"}),
        ("Her home town is Quenmere.", {"home town: quenmere"}),
        ("His home town is Quenmere.", set()),  # someone else's in an account about a woman
        ("She is from the council.", set()),  # no place named
    ],
)
def test_a_home_town_is_a_fact(facts: Facts, text: str, expected: set[str]) -> None:
    assert values(facts, text, "F") == expected


def test_two_home_towns_contradict(facts: Facts) -> None:
    parts = [facts.of(t, 0, len(t), "M") for t in ("He grew up in Wexcombe.", "He's from Tarrowby originally.")]
    assert [(a.kind, b.kind) for _, a, _, b in contradictions(facts, parts)] == [("home town", "home town")]
