"""`qualdeid scrub` and `qualdeid restore` end to end on the bundled examples, with the real detector."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import qualdeid.cli as cli
from helpers import EXAMPLES
from qualdeid.corpus import Document
from qualdeid.corpus.readers import Corpus
from qualdeid.pseudonymise.key import PASSPHRASE_ENV
from qualdeid.pseudonymise.scrub import AUDIT_NAME

DIARIES = EXAMPLES / "diaries"
DIRECT = ("PERSON", "LOCATION", "ORGANIZATION", "CONTACT", "ID")
PASS = "a passphrase for tests"


@pytest.fixture(autouse=True)
def _shared_detector(detector, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse the session's detector (loading spaCy per command would make this file slow)."""
    monkeypatch.setattr(cli.common, "make_detector", lambda *a, **k: detector)
    monkeypatch.setenv(PASSPHRASE_ENV, PASS)


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli.main, list(args), input=input)


@pytest.fixture(scope="module")
def scrubbed(tmp_path_factory: pytest.TempPathFactory, detector) -> tuple[Path, Path, Result]:
    base = tmp_path_factory.mktemp("scrub")
    out, key = base / "out", base / "private" / "study.key"
    mp = pytest.MonkeyPatch()
    mp.setattr(cli.common, "make_detector", lambda *a, **k: detector)
    mp.setenv(PASSPHRASE_ENV, PASS)
    try:
        result = run("scrub", str(DIARIES), "-o", str(out), "--key", str(key), "--locale", "en_AU", "--quiet")
    finally:
        mp.undo()
    return out, key, result


def test_scrub_writes_same_structure_audit_and_private_key(scrubbed) -> None:
    out, key, result = scrubbed
    assert result.exit_code == 0, result.output
    inputs = sorted(p.name for p in DIARIES.iterdir())
    assert sorted(p.name for p in out.iterdir()) == sorted([*inputs, AUDIT_NAME])
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    audit = json.loads((out / AUDIT_NAME).read_text(encoding="utf-8"))
    assert audit["summary"]["documents_written"] == len(inputs)
    assert audit["summary"]["replaced"]["PERSON"] > 10


def test_no_detected_identifier_survives(scrubbed, detector) -> None:
    out, _, _ = scrubbed
    scrubbed_docs = {d.id: d.text for d in Corpus([out]).documents()}
    audit = (out / AUDIT_NAME).read_text(encoding="utf-8")
    for doc in detector.detect(Corpus([DIARIES])):
        assert isinstance(doc, Document)
        for span in doc.spans:
            # a lowercase name that is also a word ("joy") may stay where it is used as the word
            if span.label in DIRECT and len(span.text) > 2 and not span.text.islower():
                pattern = r"(?<!\w)" + re.escape(span.text) + r"(?!\w)"
                assert not re.search(pattern, scrubbed_docs[doc.id]), (doc.id, span.label)
                assert not re.search(pattern, audit), (doc.id, span.label)  # "Ana" may be in "Analyzer"


def test_restore_round_trips_text_files_exactly(scrubbed, tmp_path: Path) -> None:
    out, key, _ = scrubbed
    back = tmp_path / "back"
    result = run("restore", str(out), "-o", str(back), "--key", str(key))
    assert result.exit_code == 0, result.output
    for f in DIARIES.iterdir():
        if f.suffix in (".txt", ".md"):
            assert (back / f.name).read_bytes() == f.read_bytes(), f.name


def test_wrong_passphrase_is_one_line_and_writes_nothing(scrubbed, tmp_path: Path, monkeypatch) -> None:
    _, key, _ = scrubbed
    before = key.read_bytes()
    monkeypatch.setenv(PASSPHRASE_ENV, "not the right one")
    result = run("scrub", str(DIARIES), "-o", str(tmp_path / "o"), "--key", str(key))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {key}: wrong passphrase or the key file was modified"
    assert not (tmp_path / "o").exists() and key.read_bytes() == before


def test_refuses_out_dir_inside_input_and_key_in_out_dir(tmp_path: Path) -> None:
    inside = run("scrub", str(DIARIES), "-o", str(DIARIES / "out"), "--key", str(tmp_path / "k"))
    assert inside.exit_code == 2 and "inside the input folder" in inside.stderr
    assert not (DIARIES / "out").exists()
    keyed = run("scrub", str(DIARIES), "-o", str(tmp_path / "o"), "--key", str(tmp_path / "o" / "k"))
    assert keyed.exit_code == 2 and "must not be inside the output folder" in keyed.stderr


def test_missing_key_for_restore(tmp_path: Path) -> None:
    result = run("restore", str(DIARIES), "-o", str(tmp_path / "o"), "--key", str(tmp_path / "none.key"))
    assert result.exit_code == 2 and "no such key file" in result.stderr
