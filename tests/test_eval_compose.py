"""benchmarks/eval_compose.py counts what a draft still identifies, not the titles before a name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from eval_compose import kept_parts, still_written


@pytest.mark.parametrize(
    ("value", "label", "parts"),
    [
        ("Mama Wrenna", "PERSON", ["Mama Wrenna"]),  # one name: the span as a whole must be gone
        ("Brother Brisko Velloway", "PERSON", ["Brisko", "Velloway"]),
        ("Tito Brisko", "PERSON", ["Tito Brisko"]),  # a kin word of another language, as a title: the project's list
        ("Didi Wrenna Tensley", "PERSON", ["Wrenna", "Tensley"]),
        ("Aunty Wrenna Tensley", "PERSON", ["Wrenna", "Tensley"]),
        ("Wrenna Tensley", "PERSON", ["Wrenna", "Tensley"]),
        ("Mrs Tensley", "PERSON", ["Mrs Tensley"]),
        ("Velloway Hall", "LOCATION", ["Velloway Hall"]),
    ],
)
def test_a_kin_title_before_a_name_is_not_an_identifier_kept(value: str, label: str, parts: list[str]) -> None:
    assert kept_parts(value, label) == parts


def test_a_word_the_gold_leaves_unmarked_is_no_name_kept() -> None:
    from qualdeid.corpus.model import Document, Span

    text = "Wrenna agreed to come. Wrenna mention it to the team."  # the second, the gold says, is no name
    doc = Document("d", text, spans=[Span(0, 6, "PERSON", "Wrenna")])
    assert not still_written("Wrenna", "Tavi agreed to come. Wrenna mention it to the team.", doc, 0, len(text))
    assert still_written("Wrenna", "Wrenna agreed to come. Wrenna mention it to the team.", doc, 0, len(text))
