"""A detail's tail (``RareDetailProcessor._tail``, ``detail_tail`` in rules/rare/frames.yaml): a confirmed detail runs
on over where, when and how its clause goes on, and ends on a noun, before a clause opener, a pronoun, a verb and a
name or place (the finaliser cuts a detail around those). All texts are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run
from qualdeid.rules import Rules

MENDED = "He once mended pianolas for diners all over, she said."


def _rules(folder: Path, tail: int, judge: float) -> Rules:
    (folder / "rare").mkdir(parents=True)
    (folder / "rare" / "frames.yaml").write_text(
        f"thresholds:\n  detail_tail: {tail}\n  detail_tail_judge: {judge}\n", encoding="utf-8"
    )
    return Rules([folder])


@pytest.fixture(scope="module")
def tail_rules(tmp_path_factory) -> Rules:
    return _rules(tmp_path_factory.mktemp("tail"), 8, 0)


def _details(detector, text: str, rules: Rules) -> list[str]:
    [spans] = run(detector, [text], rules)
    return [s.text for s in spans if s.label == "RARE_DETAIL"]


def test_the_tail_runs_on_to_its_last_noun(detector, tail_rules: Rules) -> None:
    assert _details(detector, MENDED, tail_rules) == ["once mended pianolas for diners"]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        (
            "He once mended pianolas for diners in the valley before the war.",
            "once mended pianolas for diners in the valley",
        ),
        ("She once mended pianolas for diners all over Uruguay.", "once mended pianolas for diners"),
    ],
)
def test_the_tail_stops_at_a_clause_opener_and_a_place(detector, tail_rules: Rules, text: str, detail: str) -> None:
    assert _details(detector, text, tail_rules) == [detail]


def test_the_tail_stops_at_another_subject(detector, tail_rules: Rules) -> None:
    text = "My uncle restores steam organs for carnivals he visits every year."
    assert all("visits" not in d for d in _details(detector, text, tail_rules))


@pytest.mark.parametrize(("tail", "judge"), [(0, 0), (8, 1.01)])
def test_no_tail_when_off_or_where_the_judge_doubts(detector, tmp_path: Path, tail: int, judge: float) -> None:
    assert _details(detector, MENDED, _rules(tmp_path, tail, judge)) == ["once mended pianolas"]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Turns out she got to nationals tossing cabers.", "got to nationals tossing cabers"),
        ("He used to breed ferrets going back years.", "used to breed ferrets"),
    ],
)
def test_the_tail_runs_on_over_a_gerund_with_its_object(detector, tail_rules: Rules, text: str, detail: str) -> None:
    assert _details(detector, text, tail_rules) == [detail]
