"""`qualdeid risk` as a user runs it: exit codes a script can trust, JSON with a summary by check and
by person, an HTML report written atomically with -o, the draft's own heading and notes not checked."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from helpers import FIXTURES
from qualdeid.cli import main

CORPUS = FIXTURES / "risk_people.jsonl"


def _run(*args: str):
    return CliRunner().invoke(main, ["risk", *args, "--corpus", str(CORPUS)])


def test_a_name_fails_with_exit_4_and_a_summary(tmp_path: Path) -> None:
    text = tmp_path / "v.md"
    text.write_text("# Ivo Pemberton\n\nLater Pemberton said he missed the water.\n", encoding="utf-8")
    result = _run(str(text), "--format", "json")
    assert result.exit_code == 4, result.output
    report = json.loads(result.output)
    assert report["status"] == "fail" and report["summary"]["by_check"] == {"residual_identifier": 1}
    (f,) = report["findings"]
    assert f["matched"] == "Pemberton" and f["line"] == 3  # the heading is not checked


def test_a_clean_text_passes_with_exit_0_and_html_is_written(tmp_path: Path) -> None:
    text = tmp_path / "v.md"
    text.write_text("Over tea, going slowly and listening helped most.\n", encoding="utf-8")
    out = tmp_path / "risk.html"
    result = _run(str(text), "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "PASS" in page and "<script" not in page
