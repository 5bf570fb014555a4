"""Reading inputs: every format, and every kind of bad input becomes a one-line error naming the file."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from qualdeid.corpus import Document, InputError
from qualdeid.corpus.readers import Corpus, decode_text

#: Planted in bad inputs: no error message may ever quote it.
SECRET = "Zebulon Quartermaine"


def read(*paths: Path | str, **kwargs) -> tuple[list[Document], list[InputError]]:
    items = list(Corpus([str(p) for p in paths], **kwargs))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


def assert_clean_error(err: InputError, path: Path) -> None:
    message = str(err)
    assert str(path) in message and err.source == str(path)
    assert "\n" not in message
    assert SECRET not in message and "Zebulon" not in message


def make_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))


def test_folder_ids_are_relative_paths_and_hidden_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(f"{SECRET} came by.", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Notes\nSecond.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("not me", encoding="utf-8")
    docs, errors = read(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["a/one.txt", "two.md"]
    assert docs[0].text == f"{SECRET} came by."
    assert [d.fmt for d in docs] == ["txt", "md"]


def test_a_file_given_directly_is_named_by_its_file_name(tmp_path: Path) -> None:
    f = tmp_path / "diary.txt"
    f.write_text("Text.", encoding="utf-8")
    docs, _ = read(f)
    assert [d.id for d in docs] == ["diary.txt"]


def test_corpus_is_re_iterable(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Two.", encoding="utf-8")
    corpus = Corpus([tmp_path])
    first = [d.text for d in corpus.documents()]
    assert first == ["One.", "Two."]
    assert [d.text for d in corpus.documents()] == first


def test_docx_paragraphs_are_joined_with_their_parts(tmp_path: Path) -> None:
    f = tmp_path / "d.docx"
    make_docx(f, ["First line.", "", "Second para."])
    (doc,) = read(f)[0]
    assert doc.text.startswith("First line.\n\nSecond para.\n\n")  # then the document properties
    body = [p for p in doc.parts if p.where == "word/document.xml"]
    assert [(p.kind, doc.text[p.start : p.end]) for p in body] == [("body", "First line."), ("body", "Second para.")]


def test_jsonl_keeps_ids_segments_and_other_fields(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    rec = {"id": "R7", "text": "Hello there.", "segments": [{"start": 0, "end": 5, "codes": ["x"]}], "group": "g"}
    f.write_text(json.dumps(rec) + "\n\n", encoding="utf-8")
    (doc,) = read(f)[0]
    assert (doc.id, doc.text, doc.meta["group"]) == ("R7", "Hello there.", "g")
    assert [(s.start, s.end, s.codes) for s in doc.segments] == [(0, 5, ["x"])]


def test_jsonl_bad_line_names_the_line_and_keeps_the_good_records(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "1", "text": "fine"}),
        '{"id": "2", "text": "' + SECRET + '" broken',
        json.dumps({"id": "3", "text": "also fine"}),
        json.dumps({"id": "4", "body": SECRET}),
        '{"id": "5", "text": "fine", "text": "' + SECRET + '"}',  # which is the text?
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    docs, (err,) = read(f)
    assert [d.id for d in docs] == ["1", "3"]
    assert_clean_error(err, f)
    assert "3 bad record(s)" in err.message and "line 2" in err.message


def test_csv_needs_a_text_column(tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    f.write_text(f"id,comment\nA1,{SECRET} was great\n", encoding="utf-8")
    docs, (err,) = read(f)
    assert docs == []
    assert_clean_error(err, f)
    assert "--text-column" in err.message and "comment" in err.message
    docs, (err,) = read(f, text_column="answer")
    assert "no column 'answer'" in err.message
    docs, errors = read(f, text_column="comment")
    assert errors == [] and [(d.id, d.text) for d in docs] == [("A1", f"{SECRET} was great")]


def test_csv_with_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "twice.csv"
    f.write_text("id,note,note\n1,a,b\n", encoding="utf-8")
    (err,) = list(Corpus([f], text_column="note"))
    assert isinstance(err, InputError) and "twice" in err.message


def test_csv_with_a_very_long_cell(tmp_path: Path) -> None:
    f = tmp_path / "long.csv"
    long_text = "word " * 60_000  # beyond the csv module's default field limit of 131072
    f.write_text(f'id,text\n1,"{long_text}"\n', encoding="utf-8")
    docs, errors = read(f, text_column="text")
    assert errors == [] and docs[0].text == long_text


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + SECRET.encode(), "binary"),
        ("empty.txt", b"", "is empty"),
        ("blank.md", b"  \n\t\n   ", "only whitespace"),
        ("latin1.txt", f"{SECRET} said caf\u00e9".encode("latin-1"), "not valid UTF-8"),
        ("utf16-nobom.txt", f"{SECRET} wrote this".encode("utf-16-le"), "UTF-16"),
        ("broken.docx", b"PK\x03\x04 this is not really a zip " + SECRET.encode(), ".docx"),
        ("notes.pdf", b"%PDF-1.4 " + SECRET.encode(), "unsupported file type"),
        ("empty.jsonl", b"\n\n", "only whitespace"),
        ("nothing.jsonl", b"", "is empty"),
    ],
)
def test_bad_inputs_give_one_line_errors_without_text(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    docs, errors = read(f)
    assert docs == []
    (err,) = errors
    assert_clean_error(err, f)
    assert expected in err.message


def test_docx_without_text(tmp_path: Path) -> None:
    f = tmp_path / "blank.docx"
    make_docx(f, ["", "   "])
    _, (err,) = read(f)
    assert "no text" in err.message


def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    f = tmp_path / "notepad.txt"
    f.write_bytes(f"{SECRET} met \u00c9owyn.".encode("utf-16"))  # Python writes a BOM for "utf-16"
    (doc,) = read(f)[0]
    assert doc.text == f"{SECRET} met \u00c9owyn."


def test_utf8_bom_is_dropped() -> None:
    assert decode_text(codecs.BOM_UTF8 + b"Hi", "x") == "Hi"


def test_an_explicit_encoding_reads_legacy_files(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    f.write_bytes("Ren\u00e9e's caf\u00e9".encode("cp1252"))
    (doc,) = read(f, encoding="cp1252")[0]
    assert doc.text == "Ren\u00e9e's caf\u00e9"


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(SECRET * 10, encoding="utf-8")
    small.write_text("short", encoding="utf-8")
    docs, (err,) = read(big, small, max_bytes=100)
    assert [d.id for d in docs] == ["small.txt"]
    assert_clean_error(err, big)
    assert "limit" in err.message and "100 bytes" in err.message


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _, (err,) = read(missing)
    assert_clean_error(err, missing)
    assert "no such file" in err.message


def test_one_bad_file_in_a_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"good{i}.txt").write_text(f"Entry {i}.", encoding="utf-8")
    bad = tmp_path / "good1b.txt"
    bad.write_bytes(SECRET.encode("latin-1") + b"\xe9\xff")
    docs, errors = read(tmp_path)
    assert [d.id for d in docs] == ["good0.txt", "good1.txt", "good2.txt"]
    assert len(errors) == 1
    assert_clean_error(errors[0], bad)


def test_unsupported_files_in_folders_are_listed_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf")
    corpus = Corpus([tmp_path])
    assert [d.id for d in corpus.documents()] == ["a.txt"]
    assert sorted(s.path.name for s in corpus.skipped) == ["old.doc", "scan.pdf"]
