"""The suite's own ordering (tests/conftest.py) and the shared word tables it relies on for speed."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import ROOT, SLOW_FIRST
from qualdeid.risk.lexicon import Related


def test_every_file_run_first_exists() -> None:
    assert [p for p in SLOW_FIRST if not (ROOT / p).is_file()] == []


def test_the_shipped_related_words_are_read_once_and_shared_whatever_the_options() -> None:
    first, second = Related.load(), Related.load(compound_zipf=2.5)
    assert first.words is second.words
    assert (second.compound_zipf, first.compound_zipf) == (2.5, 0.0)


def test_a_project_list_edited_after_loading_is_read_again(tmp_path: Path) -> None:
    (tmp_path / "risk").mkdir()
    table = tmp_path / "risk" / "related.txt"
    table.write_text("glockenspiel: tamborim\n", encoding="utf-8")
    assert "shekere" not in Related.load([tmp_path]).of("glockenspiel")
    table.write_text("glockenspiel: tamborim, shekere\n", encoding="utf-8")
    stamp = table.stat().st_mtime_ns + 1_000_000
    os.utime(table, ns=(stamp, stamp))
    assert "shekere" in Related.load([tmp_path]).of("glockenspiel")
