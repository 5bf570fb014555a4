"""The Zipf thresholds of detection live in rules/frequency.yaml, one documented place a researcher reads and a
project's rules folder changes (detect/nlp/frequency.py). The texts are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualdeid.corpus.model import Span
from qualdeid.detect.finalise import NER_DETECTOR, Finaliser
from qualdeid.detect.nlp.frequency import ZipfThresholds
from qualdeid.labels import ORGANIZATION
from qualdeid.rules import Rules, RulesError

TEXT = "They rang from Market yesterday."


def _kept(finaliser: Finaliser) -> list[str]:
    span = Span(
        TEXT.index("Market"), TEXT.index("Market") + len("Market"), ORGANIZATION, score=0.85, detector=NER_DETECTOR
    )
    return [s.text for s in finaliser.spans(TEXT, [span])]


def test_the_bundled_file_holds_every_section_detection_reads() -> None:
    rules = Rules()
    assert ZipfThresholds(rules, "finalise", ["common_word", "grammar"])["common_word"] == 5.0
    assert dict(ZipfThresholds(rules, "chat_senders", ["rare", "everyday", "common"])) == {
        "rare": 3.0,
        "everyday": 4.0,
        "common": 5.0,
    }


def test_a_project_changes_one_threshold_and_detection_follows(tmp_path: Path) -> None:
    assert _kept(Finaliser(Rules())) == []  # an everyday word NER read alone as a body
    (tmp_path / "frequency.yaml").write_text("finalise:\n  common_word: 7.5\n", encoding="utf-8")
    project = Rules([tmp_path])
    assert ZipfThresholds(project, "finalise", ["common_word", "grammar"])["grammar"] == 6.0  # the others stay
    assert _kept(Finaliser(project)) == ["Market"]


def test_a_missing_threshold_is_a_rules_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="no_such_value"):
        ZipfThresholds(Rules(), "finalise", ["no_such_value"])
    (tmp_path / "frequency.yaml").write_text("finalise:\n  common_word: often\n", encoding="utf-8")
    with pytest.raises(RulesError, match="number"):
        ZipfThresholds(Rules([tmp_path]), "finalise", ["common_word"])
