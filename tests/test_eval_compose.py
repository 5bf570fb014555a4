"""benchmarks/eval_compose.py counts what a draft still identifies, not the titles before a name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from eval_compose import final_check_word, heading_leaks, kept_parts, replaced_by_final_check, still_written


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
        ("wee Brisko", "PERSON", ["Brisko"]),  # an everyday word in lower case before the name
        ("Ana van der Pellow", "PERSON", ["Ana", "Pellow"]),
        ("brisko velloway", "PERSON", ["brisko", "velloway"]),  # a name in lower case is still a name
    ],
)
def test_a_kin_title_before_a_name_is_not_an_identifier_kept(value: str, label: str, parts: list[str]) -> None:
    assert kept_parts(value, label) == parts


def test_a_word_the_gold_leaves_unmarked_is_no_name_kept() -> None:
    from qualdeid.corpus.model import Document, Span

    text = "Wrenna agreed to come. Wrenna mention it to the team."  # the second, the gold says, is no name
    doc = Document("d", text, spans=[Span(0, 6, "PERSON", "Wrenna")])
    assert not still_written("Wrenna", "Oswy agreed to come. Wrenna mention it to the team.", doc, 0, len(text))
    assert still_written("Wrenna", "Wrenna agreed to come. Wrenna mention it to the team.", doc, 0, len(text))


HEADINGS = {"wat gebeur het / what happened", "why it mattered to me", "what helped"}


@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Wat gebeur het / what happened She came in late.", ["Wat gebeur het / what happened"]),
        # compose took the heading's first words for a name or an organisation and replaced them
        ("Brisko Velloway het / what happened She came in late.", ["Brisko Velloway het / what happened"]),
        ("Went well. [an organisation] het / what happened She came in.", ["[an organisation] het / what happened"]),
        ("She came in. Wrenna mattered to me most.", []),  # half of the heading and two words must stay
        ("Then it mattered to me that she came.", []),  # a common word opening a sentence is no stand-in
        ("Why it mattered to me: she came back.", ["Why it mattered to me:"]),
        ("She said it mattered to me and to her.", []),  # the heading's words inside a sentence are prose
    ],
)
def test_a_heading_counts_as_leaked_also_with_its_first_words_replaced(text: str, leaks: list[str]) -> None:
    assert heading_leaks(text, HEADINGS) == leaks


def _final(original: str) -> dict:
    return {"start": -1, "end": -1, "original": original, "replacement": "[a name]", "reason": "final check"}


@pytest.mark.parametrize(
    ("value", "label", "changes", "replaced"),
    [
        ("Wrenna Tensley", "PERSON", [_final("Wrenna Tensley")], True),
        ("Wrenna Tensley", "PERSON", [_final("Wrenna"), _final("Tensley")], True),  # each name on its own
        ("Wrenna Tensley", "PERSON", [_final("Wrenna")], False),  # the surname was not replaced
        ("Brisko", "PERSON", [_final("Brisko Velloway")], True),  # the name inside what the check replaced
        ("Velloway Hall", "LOCATION", [_final("Velloway")], False),  # a place as a whole
        ("Velloway", "PERSON", [_final("Vellowayton")], False),  # not a whole word
        ("Brisko", "PERSON", [{**_final("Brisko"), "reason": "person", "start": 3, "end": 9}], False),
        ("Brisko", "PERSON", [], False),
    ],
)
def test_an_identifier_only_the_final_check_replaced(value: str, label: str, changes: list, replaced: bool) -> None:
    assert replaced_by_final_check(value, label, changes) is replaced


def test_what_only_the_final_check_replaced_counts_as_an_ordinary_word_outside_gold_spans() -> None:
    from qualdeid.corpus.model import Document, Span

    text = "Wrenna came by the Kestrel. Then Wrenna left."
    doc = Document("d", text, spans=[Span(0, 6, "PERSON")])
    assert final_check_word("Kestrel", doc, 0, len(text))  # written, no gold span: an ordinary word
    assert not final_check_word("Wrenna", doc, 0, len(text))  # the gold marks it (once at least)
    assert not final_check_word("Kestrel", doc, 28, len(text))  # not in this fragment
    assert not final_check_word("Oswy", doc, 0, len(text))  # not written in the fragment at all
