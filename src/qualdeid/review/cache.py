"""Detection results of a review, kept between runs so that reopening a review is quick.

``qualdeid review`` detects the whole corpus before the first group can be decided: loading spaCy and
scanning take most of its start-up. When the same corpus is reviewed again with the same rules, model
and qualdeid, the result is the same, so it is read back instead. The key is a hash of all of those
(the documents' texts, every rules file but the decisions, which the review applies over detection
itself, the model's name and qualdeid's own code); a changed byte anywhere means a new scan.

What is kept: offsets, labels, scores, detectors and reasons (never the text; a reason never quotes it),
document ids and file names, and the one-line errors. It lives in the OS temporary folder, in a folder
only its owner can open, in files only its owner can read; a folder or file that someone else could
have written is not read.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import Document, InputError, Span
from qualdeid.decisions import FILE_NAME as DECISIONS_FILE
from qualdeid.private_files import private_folder, read_private, write_private
from qualdeid.rules import default_rules_dir

#: Format of a cache file; a file of another version is not read.
VERSION = 1
#: Cache files kept: the most recently used; older ones are removed.
KEEP_FILES = 8
_CODE = Path(__file__).resolve().parents[1]

Row = list[Any]  # a span without its text: start, end, label, score, detector, subtype, reason


def cache_folder() -> Path:
    return private_folder("qualdeid-review-cache")


def scan_key(items: Iterable[Document | InputError], rules_dirs: Iterable[Path], model: str) -> str:
    """What a detection result depends on, as one hash."""
    h = hashlib.sha256(f"qualdeid-review-cache {VERSION}\0{model}\0".encode())
    for path in _files(_CODE, "*.py"):
        h.update(path.read_bytes())
    for folder in [default_rules_dir(), *rules_dirs]:
        for path in _files(Path(folder), "*"):
            if path.name != DECISIONS_FILE:
                h.update(f"\0{path.relative_to(folder)}\0".encode())
                h.update(path.read_bytes())
    for item in items:
        if isinstance(item, Document):
            h.update(f"\0doc\0{item.source}\0{item.id}\0{len(item.text)}\0".encode())
            h.update(item.text.encode("utf-8", "surrogatepass"))
        else:
            h.update(f"\0error\0{item}\0".encode())
    return h.hexdigest()


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


class ScanCache:
    """One corpus's detection result, read back or saved under ``folder / key``."""

    def __init__(self, key: str, folder: Path | None = None) -> None:
        self.folder = folder or cache_folder()
        self.path = self.folder / f"{key}.json"

    def load(self) -> dict[str, Any] | None:
        """The saved result, or None (none saved, unreadable, or a place others could have written)."""
        raw = read_private(self.path)
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return None
        os.utime(self.path)  # most recently used
        return data

    def save(self, outputs: list[Document | InputError]) -> None:
        """Save detection's outputs (documents with their spans and doubts, and errors), atomically."""
        entries: list[dict[str, Any]] = []
        for item in outputs:
            if isinstance(item, Document):
                spans, doubts = [_row(s) for s in item.spans], [_row(s) for s in item.doubts]
                entries.append({"doc": _identity(item), "spans": spans, "doubts": doubts})
            else:
                entries.append({"error": " ".join(str(item).split())})
        try:
            if write_private(self.path, json.dumps({"version": VERSION, "entries": entries}).encode("utf-8")):
                self._tidy()
        except OSError:
            return  # a cache that cannot be written only costs the next start its time

    def _tidy(self) -> None:
        files = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP_FILES:]:
            old.unlink(missing_ok=True)


def replay(data: dict[str, Any], items: list[Document | InputError]) -> tuple[list[Document], list[str]] | None:
    """Detection's outputs again: the documents of ``items`` (the corpus as read) with the saved spans
    and doubts, and the saved error lines; None when the saved result does not line up with them."""
    entries = data.get("entries")
    if not isinstance(entries, list) or len(entries) != len(items):
        return None
    docs: list[Document] = []
    errors: list[str] = []
    for item, entry in zip(items, entries, strict=True):
        if "error" in entry:
            errors.append(str(entry["error"]))
        elif isinstance(item, Document) and entry.get("doc") == _identity(item):
            item.spans = [_span(item.text, r) for r in entry["spans"]]
            item.doubts = [_span(item.text, r) for r in entry["doubts"]]
            docs.append(item)
        else:
            return None
    return docs, errors


def _identity(doc: Document) -> list[Any]:
    """Which document an entry is: its file, id and a hash of its text (never the text)."""
    digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    return [str(doc.source), doc.id, digest]


def _row(s: Span) -> Row:
    return [s.start, s.end, s.label, s.score, s.detector, s.subtype, s.reason]


def _span(text: str, r: Row) -> Span:
    return Span(r[0], r[1], r[2], text[r[0] : r[1]], r[3], r[4], r[5], r[6])
