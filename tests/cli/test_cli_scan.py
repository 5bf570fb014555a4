"""`qualdeid scan`: output formats, ids, stdin, exit codes and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from helpers import EXAMPLES
from qualdeid.cli import count_documents, main
from qualdeid.corpus.readers import Corpus

SECRET = "Zebulon Quartermaine"
SPAN_KEYS = {"start", "end", "label", "text", "score", "detector"}


@pytest.fixture(autouse=True)
def _model_loaded_once(detector) -> None:
    """Every scan builds a Detector; the session fixture makes sure the model is already loaded."""


def scan(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["scan", *args], input=input)


def records(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_output_is_exactly_one_record_per_document(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    text = "Dr Ingrid Falkenrath wrote to me from ingrid.f@example.net today."
    (tmp_path / "sub" / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Nothing much happened today.", encoding="utf-8")
    result = scan(str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    recs = records(result)
    assert [r["id"] for r in recs] == ["a.txt", "sub/b.txt"]
    for r in recs:
        assert set(r) == {"id", "text", "spans", "review"}
        for s in r["spans"]:
            assert set(s) >= SPAN_KEYS
            assert r["text"][s["start"] : s["end"]] == s["text"]
            assert isinstance(s["score"], float) and isinstance(s["start"], int)
    assert {s["label"] for s in recs[1]["spans"]} >= {"PERSON", "CONTACT"}


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    (tmp_path / "one.txt").write_text("Met Tamsin Oyelaran at the Brackenfield Library on 4 June.", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Notes\n\nCooked pasta with the group.", encoding="utf-8")
    return tmp_path


def test_jsonl_input_keeps_record_ids(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps({"id": i, "text": f"Entry {i}.", "x": 1}) + "\n" for i in ("b7", "a1")))
    result = scan(str(f), "--format", "jsonl", "--quiet")
    assert result.exit_code == 0
    assert [(r["id"], r["text"]) for r in records(result)] == [("b7", "Entry b7."), ("a1", "Entry a1.")]


def test_all_example_formats_are_read() -> None:
    result = scan(str(EXAMPLES / "diaries"), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    ids = [r["id"] for r in records(result)]
    assert "diary-08.md" in ids and "diary-10.docx" in ids and len(ids) == 10
    assert "10 document(s)" in result.stderr


def test_json_format_is_one_array_with_the_same_records(small_folder: Path) -> None:
    as_json = scan(str(small_folder), "--format", "json", "--quiet")
    as_jsonl = scan(str(small_folder), "--format", "jsonl", "--quiet")
    assert json.loads(as_json.stdout) == records(as_jsonl)
    assert len(records(as_jsonl)) == 2


def test_table_format_shows_each_document() -> None:
    result = scan(str(EXAMPLES / "diaries" / "diary-02.txt"), "--format", "table")
    assert result.exit_code == 0
    assert "diary-02.txt" in result.stdout and "PERSON" in result.stdout and "detector" in result.stdout


def test_stdin() -> None:
    result = scan("-", "--format", "jsonl", input="Email me at someone@example.org please.")
    assert result.exit_code == 0
    (rec,) = records(result)
    assert rec["id"] == "stdin"
    assert any(s["label"] == "CONTACT" and s["text"] == "someone@example.org" for s in rec["spans"])


def test_csv_needs_text_column_and_then_uses_the_id_column() -> None:
    csv_path = str(EXAMPLES / "forms" / "feedback.csv")
    without = scan(csv_path, "--format", "jsonl")
    assert without.exit_code == 1 and "--text-column" in without.stderr and without.stdout == ""
    with_col = scan(csv_path, "--text-column", "comment", "--format", "jsonl")
    assert with_col.exit_code == 0
    assert [r["id"] for r in records(with_col)] == ["F01", "F02", "F03", "F04"]


def test_one_bad_file_is_named_on_one_line_and_the_rest_are_scanned(tmp_path: Path) -> None:
    (tmp_path / "ok1.txt").write_text("Went for a walk with the group.", encoding="utf-8")
    (tmp_path / "ok2.md").write_text("Cooked pasta together.", encoding="utf-8")
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04" + SECRET.encode())
    result = scan(str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert [r["id"] for r in records(result)] == ["ok1.txt", "ok2.md"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0]
    assert SECRET not in result.stderr


def test_missing_path_is_exit_1_and_the_others_are_scanned(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    result = scan(str(tmp_path / "ok.txt"), str(tmp_path / "gone.txt"), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(records(result)) == 1 and "gone.txt: no such file or folder" in result.stderr


def test_size_limit_and_encoding_options(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    f.write_bytes("Ren\u00e9e went to the caf\u00e9.".encode("cp1252"))
    refused = scan(str(f), "--format", "jsonl")
    assert refused.exit_code == 1 and "--encoding" in refused.stderr
    read = scan(str(f), "--format", "jsonl", "--encoding", "cp1252")
    assert read.exit_code == 0 and records(read)[0]["text"].startswith("Ren\u00e9e")
    too_big = scan(str(f), "--format", "jsonl", "--max-mb", "0.00001")
    assert too_big.exit_code == 1 and "limit" in too_big.stderr
    unknown = scan(str(f), "--encoding", "klingon")
    assert unknown.exit_code == 2 and "unknown encoding" in unknown.stderr


def test_missing_model_is_a_one_line_usage_error(small_folder: Path) -> None:
    result = scan(str(small_folder), "--model", "xx_no_such_pipeline")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not installed" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_usage_errors_exit_2() -> None:
    assert scan().exit_code == 2
    assert scan("x.txt", "--format", "xml").exit_code == 2
    assert scan("x.txt", "--jobs", "-1").exit_code == 2


def test_quiet_leaves_stderr_empty_on_success(small_folder: Path) -> None:
    result = scan(str(small_folder), "--format", "jsonl", "--quiet")
    assert result.exit_code == 0 and result.stderr == ""


def test_skipped_files_are_mentioned(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    result = scan(str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0 and "skipped 1 file(s)" in result.stderr and ".pdf" in result.stderr


@pytest.fixture
def seen_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict:
    """The DetectConfig the command builds (the detector itself replaced by a recorder)."""
    import qualdeid.detect
    from qualdeid.decisions import Decisions

    seen: dict = {}

    class Recorder:
        def __init__(self, config) -> None:
            seen["config"] = config
            self.decisions = Decisions()

        def detect(self, corpus):
            yield from corpus

        def close(self) -> None:  # the command closes its detector as it ends
            pass

    monkeypatch.setattr(qualdeid.detect, "Detector", Recorder)
    (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
    return seen


def test_jobs_and_rules_reach_the_detector_config(seen_config: dict, tmp_path: Path) -> None:
    result = scan(str(tmp_path), "--jobs", "2", "--rules", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    assert seen_config["config"].jobs == 2 and seen_config["config"].rules_dirs == [tmp_path]


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (3, 3), (16, 4)])
def test_jobs_default_to_one_per_core_within_a_cap(
    monkeypatch: pytest.MonkeyPatch, seen_config: dict, tmp_path: Path, cores: int, expected: int
) -> None:
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cores)), raising=False)
    assert scan(str(tmp_path), "--format", "jsonl").exit_code == 0
    assert seen_config["config"].jobs == expected


def test_help_teaches_with_examples() -> None:
    result = CliRunner().invoke(main, ["scan", "--help"])
    assert "Examples:" in result.output and "qualdeid scan examples/diaries/" in result.output
    assert "--text-column" in result.output and "Exit status" in result.output


def test_count_documents_for_the_progress_bar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n', encoding="utf-8")
    assert count_documents(Corpus([tmp_path])) == 3
    (tmp_path / "c.csv").write_text("id,text\n1,x\n", encoding="utf-8")
    assert count_documents(Corpus([tmp_path])) is None


def test_progress_bar_follows_documents_analysed_then_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, detector
) -> None:
    import io
    import sys

    from qualdeid.cli import progress

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Day {i}: met {SECRET} at the library.", encoding="utf-8")
    stderr = io.StringIO()
    stderr.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", stderr)
    seen: list[tuple[int, int]] = []
    with progress(Corpus([tmp_path]), enabled=True, label="Scanning") as stream:
        report = stream.detect_progress  # type: ignore[attr-defined]
        stream.detect_progress = lambda stage, done: (seen.append((stage, done)), report(stage, done))  # type: ignore[attr-defined]
        out = list(detector.detect(stream))
    assert len(out) == 3
    assert seen == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]
    assert SECRET not in stderr.getvalue()


def test_readme_quickstart_is_what_ci_runs() -> None:
    root = EXAMPLES.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("<!-- section: quickstart -->")[1].split("<!-- /section: quickstart -->")[0]
    commands = quickstart.split("```bash\n")[1].split("```")[0].strip().splitlines()
    assert len(commands) == 2  # the install with the main job on the examples, then the tests
    install_and_main_job, tests = commands
    assert install_and_main_job.startswith('python3 -m pip install -e ".[dev]" && qualdeid scrub examples/')
    assert tests == "python3 -m pytest -q -n auto"  # one worker per CPU (pytest-xdist)
    assert "virtual environment" in quickstart.split("```bash")[0]  # said before the block (PEP 668)
    ci = [line.strip() for line in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert [line for line in ci if line.startswith(("python3 ", "qualdeid "))] == commands
