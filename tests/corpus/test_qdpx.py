"""REFI-QDA .qdpx: reading sources and codings, defensive archive handling, writing a re-mapped copy."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from helpers import QDA
from qualdeid.corpus import Document, InputError, Segment
from qualdeid.corpus.qdpx import MAX_MEMBERS, write_qdpx
from qualdeid.corpus.readers import Corpus

SAMPLE = QDA / "sample.qdpx"


def _gold() -> dict[str, dict]:
    lines = (QDA / "diaries.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


def _read(path: Path) -> list[Document | InputError]:
    return list(Corpus([path]))


def test_reads_text_sources_with_their_codings() -> None:
    docs = _read(SAMPLE)
    gold = _gold()
    assert [d.id for d in docs] == ["A01", "A02", "A03", "A04"]
    for d in docs:
        assert isinstance(d, Document)
        assert d.text == gold[d.id]["text"]
        assert [s.to_dict() for s in d.segments] == gold[d.id]["segments"]
        assert d.fmt == "qdpx"


def _replace(doc: Document, old: str, new: str) -> Document:
    """A scrub-like replacement: every occurrence of ``old`` becomes ``new``, segments re-mapped."""
    text, segments = doc.text, [Segment(s.start, s.end, list(s.codes)) for s in doc.segments]
    for m in reversed(list(re.finditer(re.escape(old), text))):
        delta = len(new) - len(old)
        text = text[: m.start()] + new + text[m.end() :]
        for s in segments:
            if s.start >= m.end():
                s.start += delta
            if s.end >= m.end():
                s.end += delta
    return Document(id=doc.id, text=text, segments=segments, meta=doc.meta, source=doc.source, fmt=doc.fmt)


def test_round_trip_with_remapped_segments(tmp_path: Path) -> None:
    docs = [d for d in _read(SAMPLE) if isinstance(d, Document)]
    replaced = [_replace(_replace(d, "Marcus", "Alexander Fitzgerald"), "Leila", "Jo") for d in docs]
    # drop the last source: a source without a replacement must not be copied through
    out = tmp_path / "scrubbed.qdpx"
    report = write_qdpx(SAMPLE, replaced[:3], out, source_names={replaced[0].meta["qdpx"]["source_guid"]: "P1"})
    assert report.sources_written == 3 and report.sources_dropped == 1
    assert report.elements_dropped.get("Description", 0) >= 3 and report.elements_dropped.get("Notes") == 1
    back = _read(out)
    assert [d.id for d in back] == ["P1", "A02", "A03"]
    for orig, new in zip(replaced[:3], back, strict=True):
        assert isinstance(new, Document)
        assert new.text == orig.text
        assert [(s.start, s.end, s.codes) for s in new.segments] == [(s.start, s.end, s.codes) for s in orig.segments]
        # each segment still starts with its template heading, so the offsets really moved with the text
        assert all(
            new.text[s.start :].startswith("What") or new.text[s.start :].startswith("Why") for s in new.segments
        )
    with zipfile.ZipFile(out) as zf:
        blob = b"".join(zf.read(n) for n in zf.namelist())
    assert b"Marcus" not in blob and b"Leila" not in blob and b"team memo" not in blob
    assert b"Rosa" not in blob  # the dropped source's text is gone too


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return buf.getvalue()


PROJECT = (
    b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
    b'<TextSource guid="S1" name="one"><PlainTextContent>hello there</PlainTextContent>'
    b'<PlainTextSelection guid="T1" startPosition="0" endPosition="5"/></TextSource></Sources></Project>'
)


def _write(tmp_path: Path, members: dict[str, bytes]) -> Path:
    p = tmp_path / "p.qdpx"
    p.write_bytes(_zip(members))
    return p


def test_inline_plain_text_content(tmp_path: Path) -> None:
    (doc,) = _read(_write(tmp_path, {"project.qde": PROJECT}))
    assert isinstance(doc, Document)
    assert doc.text == "hello there" and doc.segments == [Segment(0, 5, [])]


@pytest.mark.parametrize("bad_name", ["../evil.txt", "/etc/passwd", "sources/../../x.txt", "C:/x.txt"])
def test_rejects_path_traversal(tmp_path: Path, bad_name: str) -> None:
    (err,) = _read(_write(tmp_path, {"project.qde": PROJECT, bad_name: b"x"}))
    assert isinstance(err, InputError) and "unsafe member path" in str(err)


def test_rejects_entities(tmp_path: Path) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Project>&a;</Project>'
    (err,) = _read(_write(tmp_path, {"project.qde": bomb}))
    assert isinstance(err, InputError) and "DTD" in str(err)


def test_rejects_too_many_members(tmp_path: Path) -> None:
    members = {f"sources/{i}.txt": b"" for i in range(MAX_MEMBERS + 1)} | {"project.qde": PROJECT}
    (err,) = _read(_write(tmp_path, members))
    assert isinstance(err, InputError) and "members" in str(err)


def test_not_a_zip_and_missing_project(tmp_path: Path) -> None:
    p = tmp_path / "p.qdpx"
    p.write_bytes(b"not a zip at all")
    (err,) = _read(p)
    assert isinstance(err, InputError) and "not a zip" in str(err)
    (err,) = _read(_write(tmp_path, {"sources/a.txt": b"x"}))
    assert isinstance(err, InputError) and "project.qde" in str(err)


def test_selection_out_of_range_is_reported_rest_read(tmp_path: Path) -> None:
    bad = PROJECT.replace(b'endPosition="5"', b'endPosition="500"')
    items = _read(_write(tmp_path, {"project.qde": bad}))
    assert isinstance(items[0], Document) and items[0].segments == []
    assert isinstance(items[1], InputError) and "outside" in str(items[1])
    assert "hello" not in str(items[1])
