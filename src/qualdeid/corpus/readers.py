"""Read inputs (files, folders, stdin) into Documents.

Every failure becomes an :class:`InputError` that names the file and says what to do, and the
rest of the batch goes on. Error messages never quote the document's text.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualdeid.corpus.jsonraw import pointer, value_tokens
from qualdeid.corpus.model import Document, InputError, InputFile, Segment
from qualdeid.corpus.parts import BLOCK_SEPARATOR, TextBuilder

TEXT_SUFFIXES = {".txt", ".md"}
_READ_ORDER = (".txt", ".md", ".docx", ".jsonl", ".csv", ".qdpx")
SUFFIXES = set(_READ_ORDER)
#: The types that are read, for messages: ".txt, .md, .docx, .jsonl, .csv and .qdpx".
READABLE = ", ".join(_READ_ORDER[:-1]) + " and " + _READ_ORDER[-1]
#: Larger files are refused: a diary or transcript is far smaller, and a huge file is usually a mistake.
DEFAULT_MAX_MB = 20
DEFAULT_MAX_BYTES = DEFAULT_MAX_MB * 1_000_000

#: Why a file or folder inside a given folder was not read (see :class:`Skipped`).
UNSUPPORTED, HIDDEN, LINK_OUTSIDE, BROKEN_LINK, SPECIAL = (  # format: reason codes
    "unsupported type",
    "hidden",
    "link leading outside the folder",
    "broken link",
    "not a regular file",
)
#: ``scan_fields`` value: every field of a .csv/.jsonl record is read, not only the text.
ALL_FIELDS = "all"
#: Fields that say which record it is or hold offsets into its text: never read as text.
STRUCTURAL_FIELDS = ("id", "text", "segments", "spans")  # format: JSON keys of qualdeid's input
#: Delimiters a .csv may use; the header line tells which (or ``--delimiter``).
CSV_DELIMITERS = ",;\t|"
#: Which fields of a record besides its text are read: ALL_FIELDS, or names (``()``: none). None
#: leaves it to the reader's user: the text only, except for ``scrub``, which reads all of them.
FieldChoice = str | Collection[str] | None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder inside a given folder that was not read, and why (one of the reasons above)."""

    path: Path
    reason: str
    is_dir: bool = False


def discover(
    paths: Iterable[str | Path], skipped: list[Skipped] | None = None, *, follow_symlinks: bool = False
) -> Iterator[InputFile | InputError]:
    """Expand the given paths into input files: folders recursively, known formats only, in path order.

    Inside a folder, what is not read is appended to ``skipped`` (when given) so that the caller can
    name it: files of other types, hidden files and folders, broken links, and files or folders
    reached through a link that leads outside the folder (followed with ``follow_symlinks``). Links
    within the folder are followed. A path given directly is read whatever its name.
    """
    for raw in paths:
        p = Path(raw)
        if str(raw) == "-":
            yield InputFile(Path("-"), "stdin")
        elif p.is_dir():
            for f in _walk(p, p.resolve(), {p.resolve()}, skipped if skipped is not None else [], follow_symlinks):
                yield InputFile(f, f.relative_to(p).as_posix())
        elif p.is_file():
            yield InputFile(p, p.name)
        elif p.exists():
            yield InputError(str(p), f"not a regular file or folder; give a file ({READABLE}) or a folder")
        elif p.is_symlink():
            yield InputError(str(p), "a broken link: what it points to does not exist")
        else:
            yield InputError(str(p), "no such file or folder")


def _walk(folder: Path, root: Path, ancestors: set[Path], skipped: list[Skipped], follow: bool) -> Iterator[Path]:
    """The readable files below ``folder`` (of the given folder ``root``), depth first, by name."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        skipped.append(Skipped(folder, SPECIAL, is_dir=True))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            skipped.append(Skipped(path, HIDDEN, is_dir=entry.is_dir()))
            continue
        if entry.is_symlink():
            target = path.resolve()
            if not target.exists():
                skipped.append(Skipped(path, BROKEN_LINK))
                continue
            if not follow and target != root and root not in target.parents:
                skipped.append(Skipped(path, LINK_OUTSIDE, is_dir=target.is_dir()))
                continue
        if entry.is_dir():
            real = path.resolve()
            if real not in ancestors:  # a link back up the tree would never end
                yield from _walk(path, root, ancestors | {real}, skipped, follow)
        elif not entry.is_file():
            skipped.append(Skipped(path, SPECIAL))
        elif path.suffix.lower() in SUFFIXES:
            yield path
        else:
            skipped.append(Skipped(path, UNSUPPORTED))


class Corpus:
    """A re-iterable collection of documents read from paths.

    Each iteration reads the inputs again, so a corpus of any size streams through memory.
    Items are :class:`Document` or :class:`InputError` (for inputs that could not be read).
    Standard input can only be read once, so it is kept after the first read.
    """

    def __init__(
        self,
        paths: Iterable[str | Path],
        *,
        text_column: str | None = None,
        id_column: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        encoding: str | None = None,
        scan_fields: FieldChoice = None,
        delimiter: str | None = None,
        file_options: Callable[[InputFile], Mapping[str, Any]] | None = None,
        follow_symlinks: bool = False,
    ) -> None:
        self.paths = [str(p) for p in paths]
        self.text_column = text_column
        self.id_column = id_column
        self.max_bytes = max_bytes
        self.encoding = encoding
        #: Record fields read besides the text (.csv, .jsonl): see :data:`FieldChoice`.
        self.scan_fields = scan_fields
        self.delimiter = delimiter
        #: Per-file settings that override the ones above (``text_column``, ``scan_fields``,
        #: ``delimiter``): restore reads each file as its scrub did, from the key.
        self.file_options = file_options
        self.follow_symlinks = follow_symlinks
        #: What the given folders hold that was not read, and why (filled during iteration; each
        #: iteration starts it afresh).
        self.skipped: list[Skipped] = []
        self._stdin: bytes | None = None

    def __iter__(self) -> Iterator[Document | InputError]:
        self.skipped = []
        for item in discover(self.paths, self.skipped, follow_symlinks=self.follow_symlinks):
            if isinstance(item, InputError):
                yield item
                continue
            name = "stdin" if str(item.path) == "-" else str(item.path)
            try:
                yield from self._read(item)
            except InputError as err:
                yield err
            except (csv.Error, ValueError, OSError, RecursionError) as err:
                # A malformed file must not stop the batch; the message names the file, not its text.
                yield InputError(name, f"could not be parsed ({type(err).__name__}); check the file's format")

    def files(self) -> list[InputFile]:
        """The input files the paths expand to (no reading)."""
        return [f for f in discover(self.paths, follow_symlinks=self.follow_symlinks) if isinstance(f, InputFile)]

    def documents(self) -> Iterator[Document]:
        """Only the documents that could be read (errors are skipped)."""
        return (d for d in self if isinstance(d, Document))

    def _read_bytes(self, f: InputFile) -> bytes:
        if str(f.path) == "-":
            if self._stdin is None:
                self._stdin = sys.stdin.buffer.read(self.max_bytes + 1)
            data = self._stdin
        else:
            try:
                size = f.path.stat().st_size
                if size > self.max_bytes:
                    raise InputError(
                        str(f.path),
                        f"file is {_size(size)}, over the {_size(self.max_bytes)} limit; "
                        "split it into smaller documents or raise the limit (--max-mb)",
                    )
                data = f.path.read_bytes()
            except PermissionError as e:
                raise InputError(str(f.path), "permission denied; check the file's permissions") from e
            except OSError as e:
                raise InputError(str(f.path), f"cannot read the file ({e.strerror})") from e
        if len(data) > self.max_bytes:
            name = "stdin" if str(f.path) == "-" else str(f.path)
            raise InputError(name, f"input is over the {_size(self.max_bytes)} limit; raise it with --max-mb")
        return data

    def _read(self, f: InputFile) -> Iterator[Document]:
        suffix = ".txt" if str(f.path) == "-" else f.path.suffix.lower()
        data = self._read_bytes(f)
        name = "stdin" if str(f.path) == "-" else str(f.path)
        if suffix == ".qdpx":  # REFI-QDA project: one document per text source, codings as segments
            from qualdeid.corpus.qdpx import read_qdpx

            yield from read_qdpx(data, f)
            return
        if suffix == ".docx":
            from qualdeid.corpus.docx import read_docx

            yield read_docx(data, f)
            return
        text = decode_text(data, name, self.encoding)
        codec, bom = text_encoding(data, self.encoding)
        encoding = {"_encoding": codec, "_bom": bom.hex()}
        opts = {
            "text_column": self.text_column,
            "id_column": self.id_column,
            "scan_fields": self.scan_fields,
            "delimiter": self.delimiter,
            **(self.file_options(f) if self.file_options else {}),
        }
        if suffix == ".jsonl":
            docs: Iterable[Document] = read_jsonl(text, f, opts["scan_fields"])
        elif suffix == ".csv":
            docs = read_csv(text, f, opts["text_column"], opts["id_column"], opts["scan_fields"], opts["delimiter"])
        elif suffix == ".md" and str(f.path) != "-":
            from qualdeid.corpus.markdown import read_markdown

            docs = [read_markdown(text, f)]
        elif suffix in TEXT_SUFFIXES or str(f.path) == "-":
            if not text.strip():
                raise InputError(name, "the file is empty")
            docs = [Document(id=f.rel, text=text, source=f.path, fmt=suffix.lstrip("."))]
        else:
            raise InputError(name, f"unsupported file type '{suffix or '(none)'}'; use {READABLE}")
        for doc in docs:
            doc.meta.update(encoding)
            yield doc


def _size(n: int) -> str:
    """``20 MB``, ``20.9 MB``, ``1,024 bytes``."""
    return f"{n / 1e6:.1f}".removesuffix(".0") + " MB" if n >= 100_000 else f"{n:,} bytes"


#: Byte-order marks that make a Unicode encoding unambiguous (longest first: UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: The same marks with the codec that writes text back after them exactly as the file had it.
_EXACT_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def text_encoding(data: bytes, encoding: str | None = None) -> tuple[str, bytes]:
    """How a text file was written: the codec of the text after its byte-order mark, and the mark
    (restore writes the original back in them). A byte-order mark says it whatever ``encoding`` says."""
    for bom, codec in _EXACT_BOMS:
        if data.startswith(bom):
            return codec, bom
    return codecs.lookup(encoding or "utf-8").name, b""


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a text file: UTF-8, or UTF-16/32 when the file starts with a byte-order mark.

    Without a byte-order mark only UTF-8 is accepted: guessing a legacy encoding (Latin-1,
    Windows-1252) would silently garble names, so the user is asked to re-save the file or to say
    which encoding it has (``encoding``, the ``--encoding`` option). A byte-order mark always wins
    over ``encoding``: a UTF-16 file among cp1252 ones is still read as UTF-16.
    """
    marked = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if marked is not None:  # a byte-order mark says what the file is, whatever --encoding says
        encoding = marked
    elif encoding is None and b"\x00" in data[:8192]:
        raise InputError(name, _binary_hint(data))
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as e:
        if encoding:
            raise InputError(name, f"cannot be read as {encoding} (byte {e.start}); check --encoding") from None
        raise InputError(
            name,
            f"not valid UTF-8 (byte {e.start}); re-save the file as UTF-8 text, "
            "or give its encoding with --encoding (e.g. --encoding cp1252)",
        ) from None
    except LookupError:
        raise InputError(name, f"unknown encoding '{encoding}'") from None
    if not text.strip():
        raise InputError(name, "the file is empty" if not text else "the file contains only whitespace")
    return text


def _binary_hint(data: bytes) -> str:
    head = data[:8192]
    zeros_at_odd = head[1::2].count(0)
    if len(head) >= 4 and (zeros_at_odd > len(head) // 4 or head[0::2].count(0) > len(head) // 4):
        return "looks like UTF-16 text without a byte-order mark; re-save it as UTF-8 (or use --encoding utf-16-le)"
    return "looks like a binary file, not text; export it as .txt or .docx"


def read_jsonl(text: str, f: InputFile, scan_fields: FieldChoice = None) -> Iterator[Document]:
    """Records ``{"id", "text", ...}``; other fields are kept in ``meta``, ``segments`` parsed.

    With ``scan_fields``, the string values of the other fields (nested ones too) are read as well:
    each follows the text as a part of its own (``where`` is its JSON pointer, e.g. ``/author``).
    """
    seen = 0
    bad: list[str] = []
    # Lines end at "\n" only: a record's text may hold other line separators (U+2028, U+0085) as they are.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line, object_pairs_hook=_no_repeated_keys)
        except json.JSONDecodeError:
            bad.append(f"line {lineno}: not valid JSON")
            continue
        except _RepeatedKey:
            bad.append(f"line {lineno}: a field appears twice in one object")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            bad.append(f"line {lineno}: record has no string 'text' field")
            continue
        doc_id = str(rec.get("id", f"{f.rel}:{lineno}"))
        try:
            segments = [Segment.from_dict(s) for s in rec.get("segments") or []]
        except (KeyError, TypeError, ValueError, AttributeError):
            bad.append(f"line {lineno}: malformed 'segments'")
            continue
        if any(not 0 <= s.start <= s.end <= len(rec["text"]) for s in segments):
            bad.append(f"line {lineno}: a segment lies outside the text (check its start and end)")
            continue
        # format: JSON keys of qualdeid's input
        meta = {k: v for k, v in rec.items() if k not in ("id", "text", "segments")}
        meta["_line"] = lineno
        meta["_ascii_json"] = line.isascii()  # non-ASCII written as \u escapes (or none at all)
        doc = Document(id=doc_id, text=rec["text"], segments=segments, meta=meta, source=f.path, fmt="jsonl")
        if scan_fields is not None:
            _record_fields(doc, line, scan_fields)
        seen += 1
        yield doc
    if bad:
        raise InputError(str(f.path), f"{len(bad)} bad record(s), first at {bad[0]}; the others were read")
    if not seen:
        raise InputError(str(f.path), "no records; expected one JSON object per line with 'id' and 'text'")


class _RepeatedKey(ValueError):
    pass


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose field appears twice is ambiguous (which one is the text?): refused."""
    record = dict(pairs)
    if len(record) != len(pairs):
        raise _RepeatedKey
    return record


def _chosen(name: str, scan_fields: FieldChoice) -> bool:
    if scan_fields is None:
        return False
    return scan_fields == ALL_FIELDS or name in scan_fields


def _as_data(scan_fields: FieldChoice) -> str | list[str] | None:
    """The choice as the key stores it (restore reads the file with the same choice)."""
    return scan_fields if scan_fields is None or isinstance(scan_fields, str) else sorted(scan_fields)


def _record_fields(doc: Document, line: str, scan_fields: FieldChoice) -> None:
    """The record's text, then each chosen field's string values, as parts of the document."""
    builder = TextBuilder()
    builder.add(doc.text, "text", "/text")
    scanned: list[str] = []
    for tok in value_tokens(line):
        top = tok.path[0] if tok.path else None
        if not isinstance(tok.value, str) or not isinstance(top, str) or top in STRUCTURAL_FIELDS:
            continue
        if _chosen(top, scan_fields):
            builder.fixed(BLOCK_SEPARATOR)
            builder.add(tok.value, "field", pointer(tok.path))
            scanned.append(top)
    doc.text, doc.parts = builder.text, builder.parts
    doc.meta["_scanned"] = list(dict.fromkeys(scanned))
    doc.meta["_scan_fields"] = _as_data(scan_fields)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a .csv: the one of ``, ; tab |`` its header line holds most of (a comma if none)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in CSV_DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    text: str,
    f: InputFile,
    text_column: str | None,
    id_column: str | None,
    scan_fields: FieldChoice = None,
    delimiter: str | None = None,
) -> Iterator[Document]:
    """One document per row. With ``scan_fields``, the chosen other columns (not the id column)
    follow the text as parts of their own (``where`` is the column's name)."""
    # A long interview in one cell is normal; the file size limit already bounds the field size.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    fields = reader.fieldnames or []
    if len(set(fields)) != len(fields):
        raise InputError(str(f.path), "the header names a column twice; give every column its own name")
    if not text_column:
        raise InputError(str(f.path), f"CSV input needs --text-column (columns: {', '.join(fields)})")
    if text_column not in fields:
        hint = "" if len(fields) > 1 else "; if its columns are not separated by commas, give --delimiter"
        raise InputError(str(f.path), f"no column '{text_column}' (columns: {', '.join(fields)}){hint}")
    id_col = id_column or ("id" if "id" in fields else None)
    scanned = [c for c in fields if c not in (text_column, id_col) and _chosen(c, scan_fields)]
    bad: list[int] = []
    for rowno, row in enumerate(reader, 1):
        if None in row:  # more cells than the header has columns: they would be lost
            bad.append(rowno)
            continue
        doc_id = str(row[id_col]) if id_col and row.get(id_col) else f"{f.rel}:{rowno}"
        meta: dict[str, Any] = {k: v for k, v in row.items() if k != text_column}
        meta.update(_row=rowno, _columns=fields, _text_column=text_column, _delimiter=delimiter, _id_column=id_col)
        doc = Document(id=doc_id, text=row[text_column] or "", meta=meta, source=f.path, fmt="csv")
        if scan_fields is not None:
            builder = TextBuilder()
            builder.add(doc.text, "text", text_column)
            for column in scanned:
                builder.fixed(BLOCK_SEPARATOR)
                builder.add(row[column] or "", "column", column)
            doc.text, doc.parts = builder.text, builder.parts
            meta.update(_scanned=scanned, _scan_fields=_as_data(scan_fields))
        yield doc
    if bad:
        raise InputError(
            str(f.path), f"{len(bad)} row(s) with more cells than columns, first at row {bad[0]}; the others were read"
        )
