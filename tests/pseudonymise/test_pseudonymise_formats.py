"""Format-preserving outputs: .docx runs and styles, csv columns, replacement inside runs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import pytest

from helpers import PASSPHRASE, FakeDetector, new_key
from qualdeid.pseudonymise import Key, Restorer, Scrubber, ScrubConfig
from qualdeid.pseudonymise.formats import docx_text, replace_in_runs


class FakeRun:
    def __init__(self, text: str) -> None:
        self.text = text


@pytest.mark.parametrize(
    ("runs", "edits", "expected"),
    [
        (["Hello Jo", "shua Hale", " bye"], [(6, 17, "Amy Marsh")], ["Hello Amy Marsh", "", " bye"]),
        (["Josh", " and ", "Kev"], [(0, 4, "Dan"), (9, 12, "Tim")], ["Dan", " and ", "Tim"]),
        (["abc"], [(1, 2, "XYZ")], ["aXYZc"]),
    ],
)
def test_replace_in_runs(runs: list[str], edits, expected: list[str]) -> None:
    objs = [FakeRun(t) for t in runs]
    replace_in_runs(objs, edits)
    assert [r.text for r in objs] == expected


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
