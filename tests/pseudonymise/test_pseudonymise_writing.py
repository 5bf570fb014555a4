"""The threaded output writer: atomic writes, outcomes in call order, existing files respected."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualdeid.pseudonymise import ScrubResult
from qualdeid.pseudonymise.writing import QUEUED_PER_THREAD, OutputWriter


def test_outcomes_are_recorded_in_call_order(tmp_path: Path) -> None:
    (tmp_path / "same.txt").write_bytes(b"same")
    (tmp_path / "other.txt").write_bytes(b"old")
    result = ScrubResult()
    targets = [tmp_path / "sub" / f"{i:03}.txt" for i in range(60)]
    with OutputWriter(result, force=False, hint="use --force", threads=3) as writer:
        for i, target in enumerate(targets):
            writer.write(target, "txt", f"doc {i}".encode())
        writer.write(tmp_path / "same.txt", "txt", b"same")
        writer.write(tmp_path / "other.txt", "txt", b"new")
    assert result.written == targets
    assert [t.read_text() for t in targets] == [f"doc {i}" for i in range(60)]
    assert result.unchanged == [tmp_path / "same.txt"]
    assert len(result.errors) == 1 and "other.txt: already exists; use --force" in result.errors[0]
    assert (tmp_path / "other.txt").read_bytes() == b"old"
    assert not list(tmp_path.rglob("*.part"))


def test_force_overwrites(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"old")
    result = ScrubResult()
    with OutputWriter(result, force=True, hint="") as writer:
        writer.write(tmp_path / "a.txt", "txt", b"new")
    assert result.written == [tmp_path / "a.txt"] and (tmp_path / "a.txt").read_bytes() == b"new"


def test_an_interruption_leaves_only_whole_files(tmp_path: Path) -> None:
    result = ScrubResult()
    with pytest.raises(KeyboardInterrupt), OutputWriter(result, force=False, hint="", threads=2) as writer:
        for i in range(40):
            writer.write(tmp_path / f"{i}.txt", "txt", b"x" * 1000)
        raise KeyboardInterrupt
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*"))
    written = list(tmp_path.glob("*.txt"))
    # the writes collected before the interruption (all but the last few queued) are there, whole
    assert len(written) >= 40 - 2 * QUEUED_PER_THREAD
    assert sorted(written) == sorted(result.written)
    assert all(p.read_bytes() == b"x" * 1000 for p in written)
