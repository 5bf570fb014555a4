"""A pattern search that runs past Presidio's time limit fails its document; Presidio alone logs a
warning and carries on as if the pattern had found nothing, and the document would be written with
that pattern's identifiers in place."""

from __future__ import annotations

from pathlib import Path

import presidio_analyzer.pattern_recognizer as presidio_patterns
import pytest
from click.testing import CliRunner
from presidio_analyzer import Pattern, PatternRecognizer

from qualdeid.cli import main
from qualdeid.detect.nlp.presidio import compile_patterns
from qualdeid.detect.nlp.regex_timeout import PatternTimedOut
from qualdeid.pseudonymise.key import PASSPHRASE_ENV

#: a pattern whose search of a long run of "Qz" not followed by "!" backtracks for ever (the "!" later in the
#: text lets it past the gate of nlp/regex_gate.py), and is instant on ordinary text
SLOW = r"(?:Qz|QzQz)+!"
SECRET = "Wendeline Harcastle"


def _recognizer() -> PatternRecognizer:
    recognizer = PatternRecognizer(
        supported_entity="ID", name="SlowRecognizer", patterns=[Pattern("slow", SLOW, 0.9)], supported_language="en"
    )
    compile_patterns(recognizer)
    return recognizer


def test_a_search_that_runs_out_of_time_raises_instead_of_finding_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(presidio_patterns, "REGEX_TIMEOUT_SECONDS", 0.2)
    recognizer = _recognizer()
    assert recognizer.analyze("An ordinary line, Qz!", ["ID"])  # the pattern works
    with pytest.raises(PatternTimedOut) as raised:
        recognizer.analyze(f"{SECRET} {'Qz' * 3000} - thanks!", ["ID"])
    assert "SlowRecognizer/slow" in str(raised.value) and SECRET not in str(raised.value)


def test_compiling_twice_wraps_once() -> None:
    recognizer = _recognizer()
    compile_patterns(recognizer)
    assert recognizer.patterns[0].compiled_regex.compiled.pattern == SLOW


def test_scrub_never_writes_a_file_a_pattern_could_not_search_in_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rules = tmp_path / "project-rules" / "recognizers"
    rules.mkdir(parents=True)
    (rules / "slow.yaml").write_text(
        "recognizers:\n  - name: SlowRecognizer\n    supported_entity: ID\n    patterns:\n"
        f"      - name: slow\n        regex: '{SLOW}'\n        score: 0.9\n",
        encoding="utf-8",
    )
    src = tmp_path / "notes"
    src.mkdir()
    (src / "a.txt").write_text("Corwin Ashdale ran the morning group.\n", encoding="utf-8")
    (src / "b.txt").write_text(f"{SECRET} phoned about the form: {'Qz' * 3000} - thanks!\n", encoding="utf-8")
    monkeypatch.setattr(presidio_patterns, "REGEX_TIMEOUT_SECONDS", 0.2)
    monkeypatch.setenv(PASSPHRASE_ENV, "a passphrase for tests")
    out = tmp_path / "scrubbed"
    args = ["scrub", str(src), "-o", str(out), "--key", str(tmp_path / "k.key"), "--rules", str(rules.parent)]
    result = CliRunner().invoke(main, [*args, "--jobs", "1", "-q"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "b.txt" in errors[0] and "never written" in errors[0], result.stderr
    assert SECRET not in result.stderr and "Wendeline" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "qualdeid-audit.json"]
