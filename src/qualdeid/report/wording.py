"""The report's plain words (``rules/report/wording.yaml``), a project's own folder on top."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

WORDING_FILE = "report/wording.yaml"


def load_wording(rules_dirs: Iterable[Path] = ()) -> dict[str, dict[str, str]]:
    """Section -> key -> words; later folders replace entries one by one."""
    from qualdeid.rules import Rules

    merged: dict[str, dict[str, str]] = {}
    for doc in Rules(list(rules_dirs)).yaml(WORDING_FILE):
        if not isinstance(doc, dict):
            continue
        for section, table in doc.items():
            if isinstance(table, dict):
                merged.setdefault(str(section), {}).update({str(k): " ".join(str(v).split()) for k, v in table.items()})
    return merged
