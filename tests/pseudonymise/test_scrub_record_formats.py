"""Markdown, .csv, .jsonl, legacy encodings and standard input: a planted (invented) name in every
place a file holds text is gone after scrub, and restore gives the file back (byte for byte where
the README promises it). Real files, the real detector, real scrub and restore."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import qualdeid.cli as cli
from qualdeid.corpus.readers import ALL_FIELDS, Corpus
from qualdeid.pseudonymise.key import PASSPHRASE_ENV

FIRST, LAST = "Imogen", "Blackwood"
OTHER = "Cedric Hollingsworth"
PASSPHRASE = "a passphrase for this test"


def leaked(data: bytes, *names: str) -> list[str]:
    text = data.decode("utf-8", errors="replace").lower()
    return [n for n in names if n.lower() in text]


def folder(tmp_path: Path, name: str, data: bytes) -> Path:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / name).write_bytes(data)
    return src


# ---------------------------------------------------------------------------- Markdown

MARKDOWN = f"""# Visit notes

**{FIRST}** {LAST} rang about the move; _{FIRST}_ sounded calmer.

> Spoke to [her sister](mailto:{FIRST.lower()}.{LAST.lower()}@example.org) as well.

![Photo of {OTHER}](photos/visit.jpg)

<!-- ask {OTHER} about the forms -->

[ref]: https://example.org/people/{LAST.lower()} "{OTHER}"
"""


def test_markdown_markup_does_not_hide_a_name_and_restore_is_byte_exact(tmp_path: Path, round_trip) -> None:
    src = folder(tmp_path, "visit.md", MARKDOWN.encode("utf-8"))
    (doc,) = Corpus([src]).documents()
    assert f"{FIRST} {LAST} rang" in doc.text  # the text a reader sees
    run = round_trip(src)
    assert run.scrubbed.ok, run.scrubbed.errors
    out = (run.out / "visit.md").read_bytes()
    assert leaked(out, FIRST, LAST, "Cedric", "Hollingsworth") == []
    assert out.startswith(b"# Visit notes\n\n**") and b"** " in out  # the markup is kept
    assert run.restored.ok, run.restored.errors
    assert (run.back / "visit.md").read_bytes() == MARKDOWN.encode("utf-8")


def test_markdown_first_and_surname_keep_their_emphasis(tmp_path: Path, round_trip) -> None:
    src = folder(tmp_path, "n.md", f"Met **{FIRST}** {LAST} at the day centre today.\n".encode())
    run = round_trip(src)
    out = (run.out / "n.md").read_text(encoding="utf-8")
    assert out.startswith("Met **") and out.index("**", 6) < out.index(" at the day centre")
    new_first = out[6 : out.index("**", 6)]
    assert new_first and " " not in new_first and new_first != FIRST


# ---------------------------------------------------------------------------- .csv


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


ROWS = [
    {"id": "1", "author": OTHER, "comment": "Quiet week at the house, the garden looks good.", "score": "4"},
    {"id": "2", "author": "Staff", "comment": f"Rang {FIRST} {LAST} about the new flat.", "score": "5"},
]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_other_columns_are_scanned_and_restore_needs_no_text_column(
    tmp_path: Path, round_trip, delimiter: str
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_csv(src / "survey.csv", ROWS, delimiter)
    run = round_trip(src, text_column="comment")  # the delimiter is sniffed from the header
    assert run.scrubbed.ok, run.scrubbed.errors
    out = (run.out / "survey.csv").read_bytes()
    assert leaked(out, FIRST, LAST, "Cedric", "Hollingsworth") == []
    got = list(csv.DictReader(io.StringIO(out.decode("utf-8")), delimiter=delimiter))
    assert [r["score"] for r in got] == ["4", "5"] and got[1]["author"] == "Staff"
    assert {tuple(d["read"]) for d in run.scrubbed.audit["documents"]} == {("text", "author", "score")}
    assert run.restored.ok, run.restored.errors  # Corpus([out]) without --text-column: the key knows it
    back = list(csv.DictReader(io.StringIO((run.back / "survey.csv").read_text(encoding="utf-8")), delimiter=delimiter))
    assert back == ROWS


def test_csv_scan_columns_can_be_narrowed(tmp_path: Path, round_trip) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_csv(src / "survey.csv", ROWS)
    run = round_trip(src, text_column="comment", scan_fields=())
    assert {tuple(d["read"]) for d in run.scrubbed.audit["documents"]} == {("text",)}
    assert leaked((run.out / "survey.csv").read_bytes(), FIRST, LAST) == []
    assert "Hollingsworth" in (run.out / "survey.csv").read_text(encoding="utf-8")  # not read, as asked


# ---------------------------------------------------------------------------- .jsonl

RECORDS = [
    '{"id": "r1", "text": "Rang Imogen Blackwood about the flat.", "author": "Cedric Hollingsworth", '
    '"weight": 1e3, "price": 1.50, "meta": {"worker": "Imogen Blackwood", "tags": ["Blackwood visit", 3]}, '
    '"segments": [{"start": 5, "end": 21, "codes": ["contact"]}]}',
    '{"id":"r2","text":"Quiet day, Zo\\u00eb stayed in.","ratio":2.50E+1,"note":"call back Tuesday"}',
    '{"id": "r3", "text": "Pasted from a web page:\u2028Imogen rang twice."}',  # a raw line separator in the text
    '{"id": "r4", "text": "Went to see Zoë Blackwood today."}',  # non-ASCII written raw, in the name only
]


def test_jsonl_every_string_field_is_scanned_and_untouched_raw_json_is_kept(tmp_path: Path, round_trip) -> None:
    data = ("\n".join(RECORDS) + "\n").encode("utf-8")
    src = folder(tmp_path, "notes.jsonl", data)
    run = round_trip(src)
    assert run.scrubbed.ok, run.scrubbed.errors
    out = (run.out / "notes.jsonl").read_bytes()
    assert leaked(out, FIRST, LAST, "Cedric", "Hollingsworth") == []
    lines = out.decode("utf-8").splitlines()
    assert '"weight": 1e3, "price": 1.50' in lines[0] and '"ratio":2.50E+1' in lines[1]
    first = json.loads(lines[0])
    seg = first["segments"][0]
    assert first["text"][seg["start"] : seg["end"]] == first["meta"]["worker"]  # codings moved with the text
    reads = {d["id"]: d["read"] for d in run.scrubbed.audit["documents"]}
    assert reads == {"r1": ["text", "author", "meta"], "r2": ["text", "note"], "r3": ["text"], "r4": ["text"]}
    assert run.restored.ok, run.restored.errors
    assert (run.back / "notes.jsonl").read_bytes() == data


def test_a_segment_past_the_end_of_the_text_is_an_input_error(tmp_path: Path) -> None:
    bad = '{"id": "x", "text": "short", "segments": [{"start": 0, "end": 99, "codes": []}]}'
    src = folder(tmp_path, "c.jsonl", (bad + '\n{"id": "y", "text": "fine"}\n').encode())
    items = list(Corpus([src]))
    assert [d.id for d in items if not isinstance(d, Exception)] == ["y"]
    (err,) = [e for e in items if isinstance(e, Exception)]
    assert "line 1" in str(err) and "segment" in str(err)


# ---------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("cp1252", f"Went to the café with {FIRST} {LAST}, naïve as ever.\r\n".encode("cp1252")),
        (None, codecs.BOM_UTF16_BE + f"Went to the café with {FIRST} {LAST}, naïve as ever.\n".encode("utf-16-be")),
        (None, codecs.BOM_UTF8 + f"Went to the café with {FIRST} {LAST}, naïve as ever.\n".encode()),
    ],
)
def test_text_in_any_encoding_comes_back_byte_for_byte(tmp_path: Path, round_trip, encoding, data: bytes) -> None:
    src = folder(tmp_path, "diary.txt", data)
    run = round_trip(src, encoding=encoding)
    assert run.scrubbed.ok, run.scrubbed.errors
    out = (run.out / "diary.txt").read_bytes()
    assert leaked(out, FIRST, LAST) == [] and "café".encode() in out  # outputs are UTF-8
    assert run.restored.ok, run.restored.errors
    assert (run.back / "diary.txt").read_bytes() == data


# ---------------------------------------------------------------------------- standard input


def test_standard_input_is_restored(tmp_path: Path, detector, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.common, "make_detector", lambda *a, **k: detector)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    text = f"Rang {FIRST} {LAST} about the flat.\n"
    key, out, back = tmp_path / "k" / "study.key", tmp_path / "out", tmp_path / "back"
    runner = CliRunner()
    scrub = runner.invoke(cli.main, ["scrub", "-", "-o", str(out), "--key", str(key), "--quiet"], input=text)
    assert scrub.exit_code == 0, scrub.output
    assert leaked((out / "stdin.txt").read_bytes(), FIRST, LAST) == []
    restore = runner.invoke(cli.main, ["restore", str(out), "-o", str(back), "--key", str(key), "--quiet"])
    assert restore.exit_code == 0, restore.output
    assert (back / "stdin.txt").read_text(encoding="utf-8") == text
    assert os.listdir(back) == ["stdin.txt"]


def test_scan_fields_reach_the_reader(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_csv(src / "survey.csv", ROWS)
    (doc, _) = Corpus([src], text_column="comment", scan_fields=ALL_FIELDS).documents()
    assert [(p.kind, p.where) for p in doc.parts] == [("text", "comment"), ("column", "author"), ("column", "score")]
    assert OTHER in doc.text


def test_cli_csv_options_and_restore_without_them(tmp_path: Path, detector, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.common, "make_detector", lambda *a, **k: detector)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    src = tmp_path / "in"
    src.mkdir()
    write_csv(src / "survey.csv", ROWS, delimiter=";")
    key, out, back = tmp_path / "k" / "study.key", tmp_path / "out", tmp_path / "back"
    runner = CliRunner()
    args = ["--text-column", "comment", "--delimiter", ";"]
    scan = runner.invoke(cli.main, ["scan", str(src), *args, "--scan-columns", "author", "--format", "jsonl"])
    assert scan.exit_code == 0, scan.output
    records = [json.loads(line) for line in scan.stdout.splitlines()]
    assert any(s["text"] == OTHER for r in records for s in r["spans"])  # found in the author column
    scrub = runner.invoke(cli.main, ["scrub", str(src), "-o", str(out), "--key", str(key), "-q", *args])
    assert scrub.exit_code == 0, scrub.output
    assert leaked((out / "survey.csv").read_bytes(), FIRST, LAST, "Cedric", "Hollingsworth") == []
    restore = runner.invoke(cli.main, ["restore", str(out), "-o", str(back), "--key", str(key), "-q"])
    assert restore.exit_code == 0, restore.output
    assert list(csv.DictReader(io.StringIO((back / "survey.csv").read_text(encoding="utf-8")), delimiter=";")) == ROWS
    bad = runner.invoke(cli.main, ["scan", str(src), *args, "--delimiter", ";;"])
    assert bad.exit_code == 2 and "--delimiter" in bad.output
