"""The default spaCy model is pinned by the hash of each of its files, checked before it is loaded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qualdeid.detect.nlp.model_pin import (
    PINNED_PACKAGE,
    check_pinned_model,
    differences,
    file_hashes,
    package_folder,
    recorded_hashes,
)


def test_the_installed_model_is_the_recorded_one() -> None:
    folder = package_folder()
    assert folder is not None
    assert file_hashes(folder) == recorded_hashes()
    assert any(p.endswith("ner/model") for p in recorded_hashes())
    check_pinned_model()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the installed model package, first on the path of the processes given ``path_first``."""
    folder = package_folder()
    assert folder is not None
    copied = tmp_path / PINNED_PACKAGE
    shutil.copytree(folder, copied, ignore=shutil.ignore_patterns("__pycache__"))
    return copied


def flip_a_weight(copy: Path) -> str:
    weights = next(copy.rglob("ner/model"))
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 1
    weights.write_bytes(bytes(data))
    return weights.relative_to(copy).as_posix()


def test_a_changed_added_or_missing_file_is_found(copy: Path) -> None:
    assert differences(copy) == []
    changed = flip_a_weight(copy)
    (copy / "__init__.py").write_text((copy / "__init__.py").read_text() + "\nprint('ran')\n")
    (copy / "extra.py").write_text("print('ran')\n")
    (copy / "meta.json").unlink()
    assert differences(copy) == sorted([changed, "__init__.py", "extra.py", "meta.json"])


def test_a_swapped_model_is_refused_before_it_runs_with_one_line(copy: Path) -> None:
    flip_a_weight(copy)
    (copy / "__init__.py").write_text("print('ran')\n" + (copy / "__init__.py").read_text())
    # the copy comes first on the path, as a re-uploaded package installed over the real one would
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(copy.parent), *sys.path]))
    done = subprocess.run(
        [sys.executable, "-c", "from qualdeid.cli import main; main()", "scan", "-", "--jobs", "1"],
        input="Rang Dorcas Whitlow today.\n", capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"error: the installed spaCy model {PINNED_PACKAGE} is not the one qualdeid was checked")
    assert "2 file(s) differ" in line and "--force-reinstall" in line and "ran" not in done.stdout
