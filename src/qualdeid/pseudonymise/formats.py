"""Output writers: the same format and structure as the input file, with texts replaced.

Each writer re-reads its *source* file and renders the new bytes, so everything the reader did
not turn into a document (record key order, JSON formatting, line endings, .docx styles) is kept.
Used by both ``scrub`` (source = raw file) and ``restore`` (source = scrubbed file).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import Document
from qualdeid.corpus.readers import decode_text
from qualdeid.pseudonymise.replace import Applied, OffsetMap

BOM = "\ufeff"
JSON_STYLES: dict[str, dict[str, Any]] = {
    "default": {"ensure_ascii": False},
    "ascii": {"ensure_ascii": True},
    "compact": {"ensure_ascii": False, "separators": (",", ":")},
    "compact_ascii": {"ensure_ascii": True, "separators": (",", ":")},
}


@dataclass
class OutDoc:
    """A document's new state: its text, how it got there, and record fields to overwrite."""

    doc: Document
    text: str
    applied: list[Applied]
    fields: dict[str, Any] = field(default_factory=dict)
    #: exact offsets to put back into ``segments``/``spans`` items (restore), instead of mapping them
    bounds: dict[str, list[list[int]]] | None = None

    @property
    def offsets(self) -> OffsetMap:
        return OffsetMap(self.applied)


def _source_text(source: Path, encoding: str | None = None) -> tuple[str, bool]:
    """The source file's text as the reader decoded it, and whether it began with a UTF-8 BOM.

    Outputs are always UTF-8 (with the BOM kept when the input had one).
    """
    if str(source) == "-":
        return "", False
    data = source.read_bytes()
    text = decode_text(data, str(source), encoding)
    return text, data.startswith(codecs.BOM_UTF8)


def render(
    fmt: str, source: Path, outs: list[OutDoc], scrub_other: Callable[[str], str], encoding: str | None = None
) -> bytes:
    """The output file's bytes. ``scrub_other`` cleans text the detector never saw (docx tables, headers)."""
    if fmt == "jsonl":
        return render_jsonl(source, outs, encoding)
    if fmt == "csv":
        return render_csv(source, outs, encoding)
    if fmt == "docx":
        return render_docx(source, outs, scrub_other)
    if fmt == "qdpx":  # REFI-QDA project: same codebook, codings re-mapped (corpus/qdpx.py)
        from qualdeid.corpus.qdpx import render_qdpx

        return render_qdpx(source, outs, scrub_other)
    _, bom = _source_text(source, encoding)
    return ((BOM if bom else "") + outs[0].text).encode("utf-8")


def json_style(line: str, record: Any) -> str:
    for name, kw in JSON_STYLES.items():
        if json.dumps(record, **kw) == line:
            return name
    return "default"


def render_jsonl(source: Path, outs: list[OutDoc], encoding: str | None = None) -> bytes:
    by_line = {int(o.doc.meta["_line"]): o for o in outs}
    text, bom = _source_text(source, encoding)
    lines = text.splitlines(keepends=True)
    result: list[str] = [BOM] if bom else []
    for lineno, line in enumerate(lines, 1):
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        if not body.strip():
            result.append(line)
            continue
        out = by_line.get(lineno)
        if out is None:
            continue  # a record that could not be read or scrubbed is never written
        record = json.loads(body)
        style = json_style(body, record)
        record["text"] = out.text
        remap_record(record, out)
        record.update({k: v for k, v in out.fields.items() if k in record})
        result.append(json.dumps(record, **JSON_STYLES[style]) + ending)
    return "".join(result).encode("utf-8")


def remap_record(record: dict[str, Any], out: OutDoc) -> None:
    """Move ``segments`` (and any ``spans``) to the new offsets, keeping their other keys and order."""
    offsets = out.offsets
    for name in ("segments", "spans"):
        items = record.get(name)
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                item["start"], item["end"] = offsets.start(item["start"]), offsets.end(item["end"])
                if name == "spans" and "text" in item:
                    item["text"] = out.text[item["start"] : item["end"]]
    for name, bounds in (out.bounds or {}).items():
        items = [it for it in record.get(name) or [] if isinstance(it, dict) and isinstance(it.get("start"), int)]
        for item, (start, end) in zip(items, bounds, strict=False):
            item["start"], item["end"] = start, end
            if name == "spans" and "text" in item:
                item["text"] = out.text[start:end]


def render_csv(source: Path, outs: list[OutDoc], encoding: str | None = None) -> bytes:
    text, bom = _source_text(source, encoding)
    terminator = "\r\n" if "\r\n" in text else "\n"
    buf = io.StringIO(newline="")
    first = outs[0].doc.meta
    columns: list[str] = list(first["_columns"])
    text_column = first["_text_column"]
    writer = csv.writer(buf, lineterminator=terminator)
    writer.writerow(columns)
    for out in sorted(outs, key=lambda o: int(o.doc.meta["_row"])):
        values = {**out.doc.meta, **out.fields, text_column: out.text}
        writer.writerow(["" if values.get(c) is None else values.get(c) for c in columns])
    return ((BOM if bom else "") + buf.getvalue()).encode("utf-8")


def docx_paragraph_edits(out: OutDoc) -> list[list[tuple[int, int, str]]]:
    """The document-level edits cut into paragraph-local ones (``meta['paragraphs']`` offsets)."""
    paragraphs = out.doc.meta.get("paragraphs", [])
    per: list[list[tuple[int, int, str]]] = [[] for _ in paragraphs]
    import bisect

    starts = [p[0] for p in paragraphs]
    for a in out.applied:
        i = max(0, bisect.bisect_right(starts, a.start) - 1)
        first = True
        while i < len(paragraphs) and paragraphs[i][0] < max(a.end, a.start + 1):
            ps, pe = paragraphs[i]
            s, e = max(a.start, ps) - ps, min(a.end, pe) - ps
            if s <= e:
                per[i].append((s, e, a.new if first else ""))
                first = False
            i += 1
    return per


def replace_in_runs(runs: list[Any], edits: list[tuple[int, int, str]]) -> None:
    """Apply paragraph-local edits to the runs, keeping every run's formatting.

    A replacement goes into the run where the replaced text starts; the rest of the replaced
    text is removed from the following runs.
    """
    texts = [r.text for r in runs]
    if not runs:
        return
    text = "".join(texts)
    owner = [i for i, t in enumerate(texts) for _ in t]
    pieces: list[list[str]] = [[] for _ in runs]
    pos = 0
    for s, e, new in sorted(edits):
        for c in range(pos, s):
            pieces[owner[c]].append(text[c])
        pieces[owner[s] if s < len(owner) else len(runs) - 1].append(new)
        pos = max(pos, e)
    for c in range(pos, len(text)):
        pieces[owner[c]].append(text[c])
    for run, old, new_parts in zip(runs, texts, pieces, strict=True):
        new_text = "".join(new_parts)
        if new_text != old:
            run.text = new_text


def _paragraph_runs(paragraph: Any) -> list[Any]:
    """The runs of a paragraph in text order, hyperlinks' runs included."""
    runs: list[Any] = []
    for item in paragraph.iter_inner_content():
        runs.extend(item.runs if hasattr(item, "runs") else [item])
    return runs


def render_docx(source: Path, outs: list[OutDoc], scrub_other: Callable[[str], str]) -> bytes:
    import docx

    document = docx.Document(str(source))
    out = outs[0]
    body = document.paragraphs
    for paragraph, edits in zip(body, docx_paragraph_edits(out), strict=False):
        if edits:
            runs = _paragraph_runs(paragraph)
            if "".join(r.text for r in runs) == paragraph.text:
                replace_in_runs(runs, edits)
    _scrub_unscanned_parts(document, scrub_other)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _scrub_unscanned_parts(document: Any, scrub_other: Callable[[str], str]) -> None:
    """Tables, headers and footers are not read as text by the reader: known values are replaced there."""
    paragraphs: list[Any] = []
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for section in document.sections:
        for part in (section.header, section.footer):
            paragraphs.extend(part.paragraphs)
    for p in paragraphs:
        runs = _paragraph_runs(p)
        for r in runs:
            new = scrub_other(r.text)
            if new != r.text:
                r.text = new


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
