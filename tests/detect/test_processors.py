"""What detection runs: rules/detect.yaml names the corpus processors and rare-detail finders in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualdeid.detect.processors import build_processors, switched_on
from qualdeid.detect.rare.animals import AnimalFinder
from qualdeid.detect.rare.processor import FINDERS, RareDetailProcessor
from qualdeid.rules import Rules, RulesError


def _project(tmp_path: Path, text: str) -> Rules:
    (tmp_path / "detect.yaml").write_text(text, encoding="utf-8")
    return Rules([tmp_path])


#: the trained finder ships switched off (benchmarks/README.md: its leave-one-set-out figures)
OFF_BY_DEFAULT = {"learned"}


def test_the_defaults_run_every_processor_and_finder_in_the_listed_order() -> None:
    rules = Rules()
    names = ["names", "rare", "short_forms", "chat_senders", "acronyms", "scripts"]
    assert [p.name for p in build_processors(rules, None)] == names
    on = [name for name in FINDERS if name not in OFF_BY_DEFAULT]
    assert switched_on(rules, "rare_finders") == on
    assert [type(f) for f in RareDetailProcessor(rules).finders] == [FINDERS[name] for name in on]


def test_a_project_switches_one_finder_off_and_the_rest_keep_their_order(tmp_path: Path) -> None:
    rules = _project(tmp_path, "rare_finders:\n  animals: false\n")
    finders = [type(f) for f in RareDetailProcessor(rules).finders]
    assert AnimalFinder not in finders
    assert finders == [f for name, f in FINDERS.items() if f is not AnimalFinder and name not in OFF_BY_DEFAULT]


def test_a_project_switches_a_processor_off(tmp_path: Path) -> None:
    rules = _project(tmp_path, "processors:\n  short_forms: false\n")
    assert [p.name for p in build_processors(rules, None)] == ["names", "rare", "chat_senders", "acronyms", "scripts"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("rare_finders:\n  aliens: true\n", "'aliens'"),
        ("rare_finders:\n  animals: no thanks\n", "true or false"),
        ("rare_finders: [terms, roles]\n", "true or false"),
    ],
)
def test_a_mistake_in_detect_yaml_is_named_with_what_to_write(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(RulesError) as err:
        RareDetailProcessor(_project(tmp_path, text))
    assert "detect.yaml" in str(err.value) and says in str(err.value)
