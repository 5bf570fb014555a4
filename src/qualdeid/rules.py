"""The rules folder: plain data files a researcher can read and edit.

A rules folder holds word lists (``*.txt``: one item per line, ``#`` starts a comment, a line
``!item`` removes an item that an earlier folder added) and YAML files. The defaults ship with
qualdeid; a project adds its own folder on top (``--rules DIR``), and later folders win.
"""

from __future__ import annotations

from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def default_rules_dir() -> Path:
    """The bundled rules: ``qualdeid/_rules`` in an installed wheel, ``rules/`` in a source checkout."""
    packaged = Path(str(resources.files("qualdeid"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


class Rules:
    def __init__(self, extra_dirs: list[Path] | tuple[Path, ...] = ()) -> None:
        self.dirs = [default_rules_dir(), *[Path(d) for d in extra_dirs]]

    def words(self, name: str, *, lower: bool = False) -> set[str]:
        """Merge the list ``name`` (e.g. ``"lexicons/occupations.txt"``) across all rules folders."""
        items: set[str] = set()
        for d in self.dirs:
            path = d / name
            if not path.is_file():
                continue
            for raw in path.read_text(encoding="utf-8").splitlines():
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                if lower:
                    line = line.lower()
                if line.startswith("!"):
                    items.discard(line[1:].strip())
                else:
                    items.add(line)
        return items

    def yaml(self, name: str) -> list[Any]:
        """Every folder's parsed copy of the YAML file ``name``, defaults first."""
        docs = []
        for d in self.dirs:
            path = d / name
            if path.is_file():
                docs.append(yaml.safe_load(path.read_text(encoding="utf-8")))
        return docs

    def files(self, pattern: str) -> list[Path]:
        """All files matching ``pattern`` (a glob) in every folder, defaults first."""
        return [p for d in self.dirs for p in sorted(d.glob(pattern)) if p.is_file()]

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the rule set (for reports: which rules produced a result)."""
        import hashlib

        h = hashlib.sha256()
        for d in self.dirs:
            for p in sorted(d.rglob("*")):
                if p.is_file():
                    h.update(p.relative_to(d).as_posix().encode())
                    h.update(p.read_bytes())
        return h.hexdigest()[:12]
