"""Format-preserving outputs: .docx runs and styles, csv columns, replacement inside runs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import pytest

from helpers import PASSPHRASE, FakeDetector, new_key
from qualdeid.corpus import Document
from qualdeid.corpus.parts import TextBuilder
from qualdeid.edits import Edit, apply_edits
from qualdeid.pseudonymise import Key, Restorer, Scrubber, ScrubConfig
from qualdeid.pseudonymise.formats import UnsafeOutput, docx_text, part_edits, part_texts


def runs_doc(runs: list[str]) -> Document:
    """A document whose text is the given runs side by side (as a .docx paragraph's)."""
    builder = TextBuilder()
    for i, run in enumerate(runs):
        builder.add(run, "body", "word/document.xml", i)
    return Document("d", builder.text, parts=builder.parts, fmt="docx")


@pytest.mark.parametrize(
    ("runs", "edits", "expected"),
    [
        # a word split over two runs: the replacement goes where the name starts
        (["Hello Jo", "shua Hale", " bye"], [(6, 17, "Amy Marsh")], ["Hello Amy Marsh", "", " bye"]),
        (["Josh", " and ", "Kev"], [(0, 4, "Dan"), (9, 12, "Tim")], ["Dan", " and ", "Tim"]),
        (["abc"], [(1, 2, "XYZ")], ["aXYZc"]),
        # whole words in their own runs: each invented word takes its original's run (and formatting)
        (["Met ", "Mags", " Okafor", " today"], [(4, 15, "Dana Reyes")], ["Met ", "Dana", " Reyes", " today"]),
        # the words do not line up: all in the first run
        (["Mags", " Okafor"], [(0, 11, "[PERSON-3]")], ["[PERSON-3]", ""]),
    ],
)
def test_replacements_go_into_the_runs_that_held_the_name(runs: list[str], edits, expected: list[str]) -> None:
    doc = runs_doc(runs)
    new_text, applied = apply_edits(doc.text, [Edit(s, e, new) for s, e, new in edits])
    texts = part_texts(doc, applied)
    assert [texts[i] for i in range(len(runs))] == expected
    assert "".join(expected) == new_text


def test_a_replacement_over_a_separator_is_refused() -> None:
    builder = TextBuilder()
    builder.add("Mags", "body", "m", 0)
    builder.fixed("\n")
    builder.add("Okafor", "body", "m", 1)
    doc = Document("d", builder.text, parts=builder.parts, fmt="docx")
    _, applied = apply_edits(doc.text, [Edit(0, 11, "Dana Reyes")])
    with pytest.raises(UnsafeOutput):
        part_edits(doc, applied)


def make_docx(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Visit notes", level=1)
    p = d.add_paragraph("Today ")
    p.add_run("Jo").bold = True
    p.add_run("shua Hale came in. ")
    p.add_run("Josh's").italic = True
    p.add_run(" mood was good.")
    d.add_paragraph("Kevin Doyle helped.", style="List Bullet")
    d.add_table(rows=1, cols=2).rows[0].cells[1].text = "Joshua Hale"
    d.save(str(path))


def test_docx_keeps_structure_and_styles(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    make_docx(src / "visit.docx")
    key = new_key(tmp_path)
    out = tmp_path / "out"
    result = Scrubber(key, ScrubConfig(seed="x"), detector=FakeDetector()).scrub([src], out)
    assert result.ok, result.errors
    before, after = docx.Document(str(src / "visit.docx")), docx.Document(str(out / "visit.docx"))
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]
    assert len(after.paragraphs[1].runs) == len(before.paragraphs[1].runs)
    assert after.paragraphs[1].runs[1].bold and after.paragraphs[1].runs[3].italic
    text = docx_text((out / "visit.docx").read_bytes())
    cell = after.tables[0].rows[0].cells[1].text
    for name in ("Joshua", "Hale", "Josh", "Kevin", "Doyle"):
        assert name not in text and name not in cell
    person = key.identities["PERSON"]["PERSON|joshua|hale"]
    assert f"{person['pseudo_first']} {person['pseudo_last']} came in" in text
    assert cell == f"{person['pseudo_first']} {person['pseudo_last']}"  # known value replaced in the table
    back = tmp_path / "back"
    restored = Restorer(Key.open(key.path, PASSPHRASE)).restore([out], back)
    assert restored.ok, restored.errors
    assert docx_text((back / "visit.docx").read_bytes()) == docx_text((src / "visit.docx").read_bytes())


def test_csv_keeps_other_columns(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    rows = [
        {
            "id": "1",
            "site": "Marrowbank Community Centre",
            "comment": "Josh rang Kevin Doyle at Marrowbank Community Centre.",
            "score": "4",
        },
        {"id": "2", "site": "north", "comment": "Quiet day.", "score": "5"},
    ]
    with (src / "survey.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    key = new_key(tmp_path)
    out = tmp_path / "out"
    config = ScrubConfig(seed="x", text_column="comment")
    result = Scrubber(key, config, detector=FakeDetector()).scrub([src], out)
    assert result.ok, result.errors
    got = list(csv.DictReader(io.StringIO((out / "survey.csv").read_text(encoding="utf-8"))))
    assert [list(r) for r in got] == [list(r) for r in rows]
    assert [r["score"] for r in got] == ["4", "5"] and got[1]["comment"] == "Quiet day."
    assert "Josh" not in got[0]["comment"] and "Marrowbank" not in got[0]["site"]
