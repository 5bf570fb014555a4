"""CSV exports of coded quotations located in their documents."""

from __future__ import annotations

import pytest

from helpers import QDA
from qualdeid.corpus import Document
from qualdeid.corpus.quotations import (
    apply_quotations,
    is_quotation_export,
    locate,
    quotation_columns,
    read_quotations,
)
from qualdeid.corpus.readers import Corpus


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Document", "Codes", "Quotation Content"], ("Document", "Codes", "Quotation Content")),  # ATLAS.ti
        (["Color", "Document name", "Code", "Segment"], ("Document name", "Code", "Segment")),  # MAXQDA
        (["file", "NODE", "Coded_Text"], ("file", "NODE", "Coded_Text")),  # NVivo-like
    ],
)
def test_header_variants(header: list[str], expected: tuple[str, str, str]) -> None:
    cols = quotation_columns(header)
    assert cols is not None
    assert (cols["document"], cols["code"], cols["quotation"]) == expected


def test_not_a_quotation_export() -> None:
    assert quotation_columns(["id", "text"]) is None
    assert not is_quotation_export(QDA / "diaries.jsonl")
    assert is_quotation_export(QDA / "quotations.csv")


def test_locate_exact_normalised_fuzzy() -> None:
    text = "She said \u201cit\u2019s fine\u201d and then  we went\nfor a walk by the river."
    assert locate(text, "then we went for")[2] == "normalised"  # type: ignore[index]
    start, end, method = locate(text, "it's fine")  # type: ignore[misc]
    assert method == "normalised" and text[start:end] == "it\u2019s fine"
    start, end, method = locate(text, "...we went for a walk by the rivr")  # type: ignore[misc]
    assert method == "fuzzy" and text[start:end].startswith("we went")
    assert locate(text, "something else entirely, nowhere near") is None
    assert locate(text, "then")[2] == "exact"  # type: ignore[index]


def test_apply_quotations_adds_segments_and_reports_unlocated() -> None:
    docs = [d for d in Corpus([QDA / "diaries.jsonl"]) if isinstance(d, Document)]
    for d in docs:
        d.segments = []
    quotes = read_quotations(QDA / "quotations.csv")
    assert [q.row for q in quotes] == [2, 3, 4, 5]
    report = apply_quotations(docs, quotes)
    assert [(q.row, doc) for q, doc, *_ in report.located] == [(2, "A01"), (3, "A02")]
    assert [q.row for q, _ in report.unlocated] == [4, 5]
    by_id = {d.id: d for d in docs}
    (seg,) = by_id["A02"].segments
    assert seg.codes == ["lived_experience", "coping"]
    assert by_id["A02"].text[seg.start : seg.end].startswith("Walking side by side")
    assert by_id["A02"].text[seg.start : seg.end].endswith("all week.")
    (seg,) = by_id["A01"].segments
    assert by_id["A01"].text[seg.start : seg.end] == "Small things like a cup of tea can build trust."
    # reasons never quote the text
    assert all("sentence" not in reason for _, reason in report.unlocated)
