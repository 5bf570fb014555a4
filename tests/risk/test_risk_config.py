"""Risk thresholds come from rules/risk.yaml; a project rules folder's risk.yaml overrides them one by one.

Fixture: tests/fixtures/risk_corpus.jsonl (invented). "kiln" (rare in general English) is in R03-R05:
diaries about two people.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES
from qualdeid.corpus import Document, Span
from qualdeid.corpus.readers import Corpus
from qualdeid.risk import RiskChecker, load_risk_config
from qualdeid.risk.identifiers import index_corpus

CORPUS = FIXTURES / "risk_corpus.jsonl"
KILN = "She fired it in the old kiln."


def _project(tmp_path: Path, yaml_text: str) -> Path:
    (tmp_path / "risk.yaml").write_text(yaml_text, encoding="utf-8")
    return tmp_path


def _kiln(checker: RiskChecker) -> list[list[str]]:
    report = checker.check([Document("v", KILN)])
    return [f.sources for f in report.findings if f.check == "rare_detail" and "kiln" in f.matched]


def test_project_values_replace_the_defaults_one_by_one(tmp_path: Path) -> None:
    defaults = load_risk_config()
    project = _project(tmp_path, "rare:\n  word_zipf: 2.0\nidentifiers:\n  short_form_zipf: 3.5\n")
    config = load_risk_config([project])
    assert (config.word_zipf, config.short_form_zipf) == (2.0, 3.5)
    assert (config.word_zipf, config.short_form_zipf) != (defaults.word_zipf, defaults.short_form_zipf)
    # the others keep the defaults' values
    assert config.distinctive_zipf == defaults.distinctive_zipf and config.phrase_max_zipf == defaults.phrase_max_zipf


@pytest.fixture(scope="module")
def default_checker(detector) -> RiskChecker:
    return RiskChecker(load_risk_config(), detector, Corpus([CORPUS]))


def test_a_project_k_decides_what_is_traceable(detector, default_checker, tmp_path: Path) -> None:
    # "kiln" is in the diaries of two people: traceable with k = 3, not with k = 2
    assert _kiln(default_checker) == [["R03", "R04", "R05"]]
    config = load_risk_config([_project(tmp_path, "sources: 2\n")])
    assert _kiln(RiskChecker(config, detector, Corpus([CORPUS]))) == []


def test_short_form_threshold_decides_which_prefixes_are_short_forms() -> None:
    doc = Document("d1", "Declan came early. Dec stayed for lunch.")
    doc.spans = [Span(0, 6, "PERSON")]
    # "dec" (Zipf about 4.3) is a short form under the default threshold (5.0), not under 4.0
    assert index_corpus([doc], short_form_zipf=load_risk_config().short_form_zipf).find("then Dec left")
    assert not index_corpus([doc], short_form_zipf=4.0).find("then Dec left")
