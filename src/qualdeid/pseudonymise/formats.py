"""Output writers: the same format and structure as the input file, with texts replaced.

Each writer re-reads its *source* file and renders the new bytes, so everything the reader did
not turn into text (record key order, numbers as written, line endings, .docx styles and runs,
Markdown markup) is kept. Used by both ``scrub`` (source = raw file) and ``restore`` (source =
scrubbed file).

A document read from several places of its file (``Document.parts``: .docx text nodes, record
fields, Markdown text) gets each replacement written into the part it falls in (:func:`part_edits`).
A replacement over neighbouring parts (a name whose first name is bold is two .docx runs) is shared
out word by word when the words line up, else it goes into the first part (:func:`distribute`).
Where a replacement cannot be written into the file's own text the file is refused
(:class:`UnsafeOutput`), and .docx and Markdown outputs are read back and compared with the text
they must hold.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.corpus.jsonraw import Token, char_offsets, encode_string, pointer, value_tokens
from qualdeid.corpus.model import Document, Part
from qualdeid.corpus.readers import decode_text, text_encoding
from qualdeid.edits import Applied, OffsetMap

BOM = "\ufeff"
#: Characters that Markdown would read as markup in a replacement in running text; they are escaped
#: there (code, raw HTML and link targets take them as they are).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_TOKENS = re.compile(r"\s+|\S+")

#: A local edit of one part: ``(start, end, new)`` in the part's own text.
LocalEdit = tuple[int, int, str]


class UnsafeOutput(Exception):
    """A replacement cannot be written into the file's own text; the file is not written."""


@dataclass
class OutDoc:
    """A document's new state: its text, how it got there, and record fields to overwrite."""

    doc: Document
    text: str
    applied: list[Applied]
    fields: dict[str, Any] = field(default_factory=dict)
    #: exact offsets to put back into ``segments``/``spans`` items (restore), instead of mapping them
    bounds: dict[str, list[list[int]]] | None = None
    #: restore: what scrub replaced in the file's own pieces (.docx text nodes, Markdown source),
    #: from the key, put back as it was (see :func:`undo_record`)
    undo: list[list[Any]] | None = None
    #: restore: whether the original .jsonl line wrote non-ASCII characters as \u escapes (from the key)
    ascii_json: bool | None = None

    @property
    def offsets(self) -> OffsetMap:
        return OffsetMap(self.applied)


# ---------------------------------------------------------------------------- edits per part


def parts_of(doc: Document) -> list[Part]:
    """The document's parts; a text read whole is one part (the record's text field or column)."""
    if doc.parts:
        return doc.parts
    where = {"jsonl": "/text", "csv": str(doc.meta.get("_text_column", ""))}.get(doc.fmt, "")
    return [Part(0, len(doc.text), "text", where)]


def part_edits(doc: Document, applied: Sequence[Applied]) -> dict[int, list[LocalEdit]]:
    """The applied edits cut into edits of each part (by the part's number in :func:`parts_of`)."""
    parts = parts_of(doc)
    starts = [p.start for p in parts]
    out: dict[int, list[LocalEdit]] = {}
    for a in applied:
        if a.start == a.end:
            i = _part_at(parts, starts, a.start)
            out.setdefault(i, []).append((a.start - parts[i].start, a.start - parts[i].start, a.new))
            continue
        touched = _parts_over(parts, starts, a.start, a.end)
        pieces = [doc.text[max(a.start, parts[i].start) : min(a.end, parts[i].end)] for i in touched]
        for i, new in zip(touched, distribute(pieces, a.new), strict=True):
            p = parts[i]
            out.setdefault(i, []).append((max(a.start, p.start) - p.start, min(a.end, p.end) - p.start, new))
    return out


def _part_at(parts: Sequence[Part], starts: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0:
        if parts[i].start <= pos <= parts[i].end:
            return i
        i -= 1
    raise UnsafeOutput("an insertion falls between the file's pieces of text")


def _parts_over(parts: Sequence[Part], starts: list[int], start: int, end: int) -> list[int]:
    """The non-empty parts that ``[start, end)`` lies in; they must cover it without a gap."""
    i = max(0, bisect.bisect_right(starts, start) - 1)
    touched: list[int] = []
    pos = start
    while i < len(parts) and parts[i].start < end:
        p = parts[i]
        if p.end > pos and p.start < p.end:
            if p.start > pos:
                break
            touched.append(i)
            pos = p.end
        i += 1
    if not touched or pos < end:
        raise UnsafeOutput("a replacement runs over characters that are not the file's own text")
    return touched


def distribute(pieces: Sequence[str], new: str) -> list[str]:
    """Share ``new`` out over the pieces (runs, Markdown spans) that held the replaced text.

    When the replaced text and ``new`` have the same words and spaces, and no word of the
    replaced text is split between pieces, each word goes where its counterpart was ("**Mags**
    Okafor" → "**Dana** Reyes"); otherwise all of ``new`` goes into the first piece.
    """
    if len(pieces) == 1:
        return [new]
    old = "".join(pieces)
    owner = [k for k, piece in enumerate(pieces) for _ in piece]
    old_tokens = [(m.start(), m.end()) for m in _TOKENS.finditer(old)]
    new_tokens = _TOKENS.findall(new)
    if len(old_tokens) == len(new_tokens) and all(
        owner[s] == owner[e - 1] and old[s].isspace() == tok[0].isspace()
        for (s, e), tok in zip(old_tokens, new_tokens, strict=True)
    ):
        shared = [""] * len(pieces)
        for (s, _), tok in zip(old_tokens, new_tokens, strict=True):
            shared[owner[s]] += tok
        return shared
    return [new] + [""] * (len(pieces) - 1)


def apply_local(text: str, edits: Sequence[LocalEdit]) -> str:
    pieces: list[str] = []
    pos = 0
    for s, e, new in sorted(edits, key=lambda x: (x[0], x[1])):
        pieces.append(text[pos:s])
        pieces.append(new)
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


def part_texts(doc: Document, applied: Sequence[Applied], *, changed_only: bool = False) -> dict[int, str]:
    """Every part's new text (or only the changed parts')."""
    parts = parts_of(doc)
    edits = part_edits(doc, applied)
    numbers = sorted(edits) if changed_only else range(len(parts))
    return {i: apply_local(doc.text[parts[i].start : parts[i].end], edits.get(i, [])) for i in numbers}


def _markdown_splices(doc: Document, applied: Sequence[Applied]) -> list[LocalEdit]:
    """Source edits of a Markdown file: its parts sit in the source at ``slot``, character for character."""
    parts = parts_of(doc)
    splices = [
        (parts[i].slot + s, parts[i].slot + e, _MARKDOWN_SPECIAL.sub(r"\\\1", new) if parts[i].kind == "text" else new)
        for i, edits in part_edits(doc, applied).items()
        for s, e, new in edits
    ]
    return sorted(splices, key=lambda x: (x[0], x[1]))


def undo_record(doc: Document, applied: Sequence[Applied]) -> list[list[Any]] | None:
    """What restore needs to put a .docx's or Markdown file's own pieces back exactly as they were
    (run formatting, markup): each change as ``[member, node, start, end, original]`` in a .docx text
    node, ``[start, end, original]`` in a Markdown source (offsets in the output). Only the replaced
    text is kept, as in the edit log."""
    if doc.fmt == "docx":
        parts = parts_of(doc)
        return [
            [parts[i].where, parts[i].slot, *change]
            for i, edits in sorted(part_edits(doc, applied).items())
            for change in _inverse(doc.text[parts[i].start : parts[i].end], edits)
        ]
    if doc.fmt == "md" and doc.parts:
        splices = _markdown_splices(doc, applied)
        return [
            [s, e, _source_chars(doc, s0, e0)]
            for (s, e, _), (s0, e0, _) in zip(_inverse_at(splices), splices, strict=True)
        ]
    return None


def _inverse(text: str, edits: Sequence[LocalEdit]) -> list[list[Any]]:
    """``[start, end, original]`` in the edited text for each edit of ``text``."""
    ordered = sorted(edits, key=lambda x: (x[0], x[1]))
    return [[s, e, text[s0:e0]] for (s, e, _), (s0, e0, _) in zip(_inverse_at(ordered), ordered, strict=True)]


def _inverse_at(edits: Sequence[LocalEdit]) -> list[LocalEdit]:
    """Where each of the (ordered) edits sits in the edited text."""
    out: list[LocalEdit] = []
    delta = 0
    for s, e, new in edits:
        out.append((s + delta, s + delta + len(new), new))
        delta += len(new) - (e - s)
    return out


def _source_chars(doc: Document, start: int, end: int) -> str:
    """``source[start:end]`` of a Markdown document, from its parts (which hold the source's characters)."""
    for p in doc.parts:
        if p.slot <= start and end <= p.slot + (p.end - p.start):
            return doc.text[p.start + start - p.slot : p.start + end - p.slot]
    raise UnsafeOutput("a change in a Markdown file does not lie in one piece of its text")


# ---------------------------------------------------------------------------- rendering


def _source_text(source: Path, encoding: str | None = None) -> tuple[str, bool]:
    """The source file's text as the reader decoded it, and whether it began with a UTF-8 BOM."""
    if str(source) == "-":
        return "", False
    data = source.read_bytes()
    text = decode_text(data, str(source), encoding)
    return text, text_encoding(data, encoding)[1] == b"\xef\xbb\xbf"


def encode_output(text: str, utf8_bom: bool, written_as: tuple[str, str] | None = None) -> bytes:
    """Scrub writes UTF-8 (keeping a UTF-8 byte-order mark); restore writes the input's own encoding
    and byte-order mark back (``written_as``: codec and the mark in hex, recorded in the key)."""
    if written_as is not None:
        codec, bom = written_as
        return bytes.fromhex(bom) + text.encode(codec)
    return ((BOM if utf8_bom else "") + text).encode("utf-8")


def render(
    fmt: str,
    source: Path,
    outs: list[OutDoc],
    scrub_other: Callable[[str], str],
    encoding: str | None = None,
    written_as: tuple[str, str] | None = None,
) -> bytes:
    """The output file's bytes. ``scrub_other`` cleans names that are not text (.qdpx source names);
    ``written_as`` is the encoding to write (restore), UTF-8 by default."""
    if fmt == "docx":
        return render_docx(source, outs)
    if fmt == "qdpx":  # REFI-QDA project: same codebook, codings re-mapped (corpus/qdpx.py)
        from qualdeid.corpus.qdpx import render_qdpx

        return render_qdpx(source, outs, scrub_other)
    source_text, bom = _source_text(source, encoding)
    if fmt == "jsonl":
        text = render_jsonl(source_text, outs)
    elif fmt == "csv":
        text = render_csv(source_text, outs)
    elif fmt == "md" and outs[0].doc.parts:
        text = render_markdown(source_text, outs[0])
    else:
        text = outs[0].text
    return encode_output(text, bom, written_as)


def render_markdown(source_text: str, out: OutDoc) -> str:
    from qualdeid.corpus.markdown import markdown_text

    if out.undo is not None:
        splices = [(int(s), int(e), str(original)) for s, e, original in out.undo]
    else:
        splices = _markdown_splices(out.doc, out.applied)
    text = apply_local(source_text, splices)
    if markdown_text(text).text != out.text:
        raise UnsafeOutput("the Markdown written would not read back as the replaced text")
    return text


def render_docx(source: Path, outs: list[OutDoc]) -> bytes:
    from qualdeid.corpus.docx import docx_with_texts, read_docx
    from qualdeid.corpus.readers import InputFile

    out = outs[0]
    parts = parts_of(out.doc)
    if out.undo is not None:  # restore: the recorded originals, each in its own text node
        current = {(p.where, p.slot): out.doc.text[p.start : p.end] for p in parts}
        changes: dict[tuple[str, int], list[LocalEdit]] = {}
        for member, node, start, end, original in out.undo:
            changes.setdefault((str(member), int(node)), []).append((int(start), int(end), str(original)))
        texts = {where: apply_local(current[where], edits) for where, edits in changes.items()}
    else:
        texts = {
            (parts[i].where, parts[i].slot): t for i, t in part_texts(out.doc, out.applied, changed_only=True).items()
        }
    data = docx_with_texts(source.read_bytes(), str(source), texts)
    if read_docx(data, InputFile(source, out.doc.id)).text != out.text:
        raise UnsafeOutput("the .docx written would not read back as the replaced text")
    return data


def render_jsonl(source_text: str, outs: list[OutDoc]) -> str:
    by_line = {int(o.doc.meta["_line"]): o for o in outs}
    result: list[str] = []
    for lineno, line in enumerate(re.findall(r"[^\n]*\n|[^\n]+$", source_text), 1):
        body = line.rstrip("\r\n")
        if not body.strip():
            result.append(line)
            continue
        out = by_line.get(lineno)
        if out is None:
            continue  # a record that could not be read or scrubbed is never written
        result.append(jsonl_line(body, out) + line[len(body) :])
    return "".join(result)


def jsonl_line(line: str, out: OutDoc) -> str:
    """The record's line with only the changed values rewritten, each in the line's own style."""
    tokens = value_tokens(line)
    at = {pointer(t.path): t for t in tokens}
    ascii_only = line.isascii() if out.ascii_json is None else out.ascii_json
    splices: list[LocalEdit] = []
    parts = parts_of(out.doc)
    for i, edits in part_edits(out.doc, out.applied).items():
        tok = at[parts[i].where]
        offsets = char_offsets(line, tok)
        splices.extend((offsets[s], offsets[e], encode_string(new, ascii_only)) for s, e, new in edits)
    splices.extend(_record_offsets(line, tokens, at, out, ascii_only))
    for name, value in out.fields.items():
        tok = at.get(pointer((name,)))
        if tok is not None:
            splices.append((tok.start, tok.end, json.dumps(value, ensure_ascii=ascii_only)))
    return apply_local(line, splices)


def _record_offsets(
    line: str, tokens: list[Token], at: dict[str, Token], out: OutDoc, ascii_only: bool
) -> list[LocalEdit]:
    """``segments`` (and any ``spans``) moved to the new offsets, their other keys untouched."""
    splices: list[LocalEdit] = []
    offsets = out.offsets
    for name in ("segments", "spans"):
        items = [t for t in tokens if len(t.path) == 2 and t.path[0] == name and isinstance(t.path[1], int)]
        exact = iter((out.bounds or {}).get(name, []))
        for item in items:
            start_tok, end_tok = at.get(pointer((*item.path, "start"))), at.get(pointer((*item.path, "end")))
            if not (start_tok and end_tok and type(start_tok.value) is int and type(end_tok.value) is int):
                continue
            if out.bounds and name in out.bounds:
                start, end = next(exact, (start_tok.value, end_tok.value))
            else:
                start, end = offsets.start(start_tok.value), offsets.end(end_tok.value)
            for tok, value in ((start_tok, start), (end_tok, end)):
                if value != tok.value:
                    splices.append((tok.start, tok.end, str(value)))
            text_tok = at.get(pointer((*item.path, "text")))
            if name == "spans" and text_tok is not None and isinstance(text_tok.value, str):
                new = out.text[start:end]
                if new != text_tok.value:
                    splices.append((text_tok.start, text_tok.end, json.dumps(new, ensure_ascii=ascii_only)))
    return splices


def render_csv(source_text: str, outs: list[OutDoc]) -> str:
    terminator = "\r\n" if "\r\n" in source_text else "\n"
    buf = io.StringIO(newline="")
    first = outs[0].doc.meta
    columns: list[str] = list(first["_columns"])
    writer = csv.writer(buf, delimiter=first.get("_delimiter", ","), lineterminator=terminator)
    writer.writerow(columns)
    for out in sorted(outs, key=lambda o: int(o.doc.meta["_row"])):
        parts = parts_of(out.doc)
        values = {**out.doc.meta, **out.fields}
        values.update({parts[i].where: text for i, text in part_texts(out.doc, out.applied).items()})
        writer.writerow(["" if values.get(c) is None else values.get(c) for c in columns])
    return buf.getvalue()


def docx_text(data: bytes) -> str:
    """The text of a .docx as the reader reads it (every part)."""
    from qualdeid.corpus.docx import read_docx
    from qualdeid.corpus.readers import InputFile

    return read_docx(data, InputFile(Path("document.docx"), "document.docx")).text


def unscanned_fields(doc: Document) -> list[str]:
    """Record fields that were not read as text (known real values are replaced in them); not the id."""
    scanned = {*doc.meta.get("_scanned", ()), doc.meta.get("_id_column")}
    return [
        name
        for name in doc.meta
        # format: JSON keys of qualdeid's input
        if not name.startswith("_") and name not in ("spans", "segments", "paragraphs") and name not in scanned
    ]


def parts_read(doc: Document) -> list[str]:
    """What the audit lists as read: the kinds of a .docx's or Markdown file's parts, a record's fields."""
    if doc.fmt in ("csv", "jsonl"):  # format: input format names
        return ["text", *doc.meta.get("_scanned", [])]
    return sorted({p.kind for p in doc.parts}) if doc.parts else ["text"]


def restore_info(doc: Document, applied: Sequence[Applied]) -> dict[str, Any]:
    """What the key keeps for restore beyond the edit log: how the file was read (csv column and
    delimiter, record fields read), how it was encoded, and the .docx/Markdown pieces' originals."""
    info: dict[str, Any] = {}
    if "_encoding" in doc.meta:
        info["encoding"] = [doc.meta["_encoding"], doc.meta.get("_bom", "")]
    if "_ascii_json" in doc.meta:
        info["ascii_json"] = doc.meta["_ascii_json"]
    read = {
        "text_column": doc.meta.get("_text_column"),
        "delimiter": doc.meta.get("_delimiter"),
        "scan_fields": doc.meta.get("_scan_fields"),
    }
    if any(v is not None for v in read.values()):
        info["read"] = read
    undo = undo_record(doc, applied)
    if undo is not None:
        info["undo"] = undo
    return info
