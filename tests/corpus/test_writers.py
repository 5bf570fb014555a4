"""Atomic writers: the final name holds either the old content or the complete new one, never a part."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from qualdeid.corpus.writers import atomic_open, write_bytes_atomic, write_text_atomic


def test_writes_text_exactly_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "out" / "deep" / "a.txt"
    write_text_atomic(target, "line one\r\nline two\n\u00e9")
    assert target.read_bytes() == "line one\r\nline two\n\u00e9".encode()


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("partial new content")
        raise RuntimeError("crash")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_an_interrupt_leaves_no_file_at_all(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    with pytest.raises(KeyboardInterrupt), atomic_open(target) as fh:
        fh.write("half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_permissions_are_set_before_content_is_written(tmp_path: Path) -> None:
    target = tmp_path / "key.bin"
    with atomic_open(target, "wb", perms=0o600) as fh:
        assert stat.S_IMODE(os.fstat(fh.fileno()).st_mode) == 0o600
        fh.write(b"secret")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_ordinary_outputs_follow_the_umask_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.txt"
        write_text_atomic(target, "shareable")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
