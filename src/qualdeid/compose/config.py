"""Compose settings from ``rules/compose/compose.yaml`` (defaults, then each project rules folder)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.rules import Rules


@dataclass
class Section:
    name: str
    headings: list[re.Pattern[str]]


@dataclass
class ComposeConfig:
    sections: list[Section] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)
    worker_roles: set[str] = field(default_factory=set)
    worker_titles: set[str] = field(default_factory=set)
    kinship: set[str] = field(default_factory=set)
    female_nouns: set[str] = field(default_factory=set)
    male_nouns: set[str] = field(default_factory=set)
    statement: str = "A composite drawn from {n} accounts; names are pseudonyms."
    rules_dirs: list[Path] = field(default_factory=list)

    def section_of(self, text: str) -> tuple[int | None, int]:
        """(section index, length of the heading) when ``text`` starts with a known heading."""
        stripped = len(text) - len(text.lstrip())
        for i, sec in enumerate(self.sections):
            for rx in sec.headings:
                m = rx.match(text, stripped)
                if m:
                    end = m.end()
                    while end < len(text) and text[end].isspace():
                        end += 1
                    return i, end
        return None, stripped


def _words(v: Any) -> set[str]:
    return {str(x).lower() for x in v or []}


def load_compose_config(rules_dirs: list[Path] | tuple[Path, ...] = ()) -> ComposeConfig:
    merged: dict[str, Any] = {}
    for doc in Rules(rules_dirs).yaml("compose/compose.yaml"):
        if isinstance(doc, dict):
            merged.update(doc)
    c = ComposeConfig(rules_dirs=list(rules_dirs))
    for sec in merged.get("sections", []):
        heads = [re.compile(h, re.IGNORECASE) for h in sec.get("headings", [])]
        c.sections.append(Section(str(sec.get("name", "")), heads))
    c.placeholders = {str(k): str(v) for k, v in (merged.get("placeholders") or {}).items()}
    c.worker_roles = _words(merged.get("worker_roles"))
    c.worker_titles = _words(merged.get("worker_titles"))
    c.kinship = _words(merged.get("kinship"))
    c.female_nouns = _words(merged.get("female_nouns"))
    c.male_nouns = _words(merged.get("male_nouns"))
    c.statement = str(merged.get("statement", c.statement))
    return c
