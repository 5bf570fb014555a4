"""tools/count_content_words.py counts vocabulary written in code, and counts the names of a format's
parts apart (marked ``# format:``), never hiding a word from both totals."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "count_content_words.py"
spec = importlib.util.spec_from_file_location("count_content_words", TOOL)
assert spec and spec.loader
tool = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = tool  # dataclasses look their module up
spec.loader.exec_module(tool)

SOURCE = """
PETS = {"ferret", "gecko", "tortoise"}
# format: docx part names
PARTS = ("header", "footer", "endnotes")
FIELDS = ["author", "revision", "manager"]  # format: metadata fields
PRONOUNS = {"she", "her", "they"}
ACTS = _words("whistled hummed they")
"""


def test_marked_literals_are_counted_apart_and_the_rest_as_content(tmp_path: Path, capsys) -> None:
    src = tmp_path / "sample.py"
    src.write_text(SOURCE)
    literals = tool.count([src])
    content = {w for lit in literals if not lit.format for w in lit.words}
    schema = {lit.format: lit.words for lit in literals if lit.format}
    # pronouns are grammar words; a word string split by a helper is a list too
    assert content == {"ferret", "gecko", "tortoise", "whistled", "hummed"}
    assert schema == {
        "docx part names": frozenset({"header", "footer", "endnotes"}),
        "metadata fields": frozenset({"author", "revision", "manager"}),
    }
    tool.main([str(src)])
    out = capsys.readouterr().out
    assert "content words: 5 in 2 literals" in out and "format/schema words: 6 in 2 literals" in out
