"""A document's text assembled from several places of its file, and what that means for spans.

Readers of structured formats (.docx parts, record fields, Markdown) build one text for the
detector with :class:`TextBuilder`: each piece of the file becomes a :class:`Part`, and the
separators between pieces are characters that belong to no part. Detection, identity resolution
and the audit work on that text unchanged; writers put each part's new text back in its place.
A replacement can only go where the file has text, so spans are cut at the characters between
parts (:func:`pieces_in_parts`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from qualdeid.corpus.model import Document, Part, Span

#: Between two blocks of a file (a .docx header and its footer; two fields of a record).
BLOCK_SEPARATOR = "\n\n"
#: Kinds of parts that hold a person's name or initials and nothing else (a .docx's author, the
#: author of a comment or of a tracked change): replaced whole, whatever the detector made of them.
# format: docx metadata fields
PERSON_KINDS = frozenset({"author", "last modified by", "manager", "comment author", "revision author"})
PERSON_FIELD_DETECTOR = "person-field"
#: A user's own folder in a path or link ("file:///C:\\Users\\jsmith\\...", "/home/jsmith/"): Word
#: records one with the template a document was made from. The folder's name is a person's.
USER_FOLDER = re.compile(r"(?i)(?:[\\/](?:Users|Documents and Settings)[\\/]|/home/)([^\\/\r\n\"'<>|?*]+)")


class TextBuilder:
    """Appends parts and fixed characters; ``text`` and ``parts`` are the result."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self.parts: list[Part] = []
        self._pos = 0

    def add(self, text: str, kind: str, where: str = "", slot: int = 0) -> None:
        """A piece of the file: replacements in it are written back to ``where``/``slot``."""
        self.parts.append(Part(self._pos, self._pos + len(text), kind, where, slot))
        self._append(text)

    def fixed(self, text: str) -> None:
        """Characters that are not the file's text as such (separators, tabs, rendered markup)."""
        self._append(text)

    def block(self) -> None:
        """Start a new block (nothing at the very beginning)."""
        if self._pos:
            self.fixed(BLOCK_SEPARATOR)

    def _append(self, text: str) -> None:
        self._chunks.append(text)
        self._pos += len(text)

    @property
    def text(self) -> str:
        return "".join(self._chunks)


def covered_runs(parts: Sequence[Part]) -> list[tuple[int, int]]:
    """The stretches of text that parts cover, touching parts merged (parts are in text order)."""
    runs: list[tuple[int, int]] = []
    for p in parts:
        if p.start == p.end:
            continue
        if runs and runs[-1][1] == p.start:
            runs[-1] = (runs[-1][0], p.end)
        else:
            runs.append((p.start, p.end))
    return runs


def pieces_in_parts(start: int, end: int, runs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` cut to the covered ``runs`` (from :func:`covered_runs`)."""
    out: list[tuple[int, int]] = []
    i = max(0, bisect.bisect_right(runs, (start, float("inf"))) - 1)
    while i < len(runs) and runs[i][0] < end:
        a, b = max(start, runs[i][0]), min(end, runs[i][1])
        if a < b:
            out.append((a, b))
        i += 1
    return out


def fits_parts(doc: Document, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in the file's own text without a break (always, without parts)."""
    return not doc.parts or pieces_in_parts(start, end, covered_runs(doc.parts)) == [(start, end)]


def spans_in_parts(doc: Document) -> list[Span]:
    """The document's spans, each cut where its text leaves the file's parts (a name split over two
    .docx paragraphs becomes two spans). Pieces without a letter or digit are dropped."""
    if not doc.parts:
        return list(doc.spans)
    runs = covered_runs(doc.parts)
    out: list[Span] = []
    for s in doc.spans:
        for a, b in pieces_in_parts(s.start, s.end, runs):
            if (a, b) == (s.start, s.end):
                out.append(s)
            elif any(c.isalnum() for c in doc.text[a:b]):
                out.append(Span(a, b, s.label, doc.text[a:b], s.score, s.detector, s.subtype, s.reason))
    return out


def spans_to_replace(doc: Document) -> list[Span]:
    """What scrub replaces: the detected spans cut to the file's parts (:func:`spans_in_parts`),
    every part of a kind that holds a person (:data:`PERSON_KINDS`) and every user's folder name in a
    path (:data:`USER_FOLDER`) that no span covers."""
    spans = spans_in_parts(doc)
    found: list[tuple[int, int]] = []
    for p in doc.parts:
        value = doc.text[p.start : p.end]
        if p.kind in PERSON_KINDS and value.strip():
            lead = len(value) - len(value.lstrip())
            found.append((p.start + lead, p.start + len(value.rstrip())))
        found.extend((p.start + m.start(1), p.start + m.end(1)) for m in USER_FOLDER.finditer(value))
    for start, end in found:
        if not any(s.start < end and start < s.end for s in spans):
            spans.append(Span(start, end, "PERSON", doc.text[start:end], 1.0, PERSON_FIELD_DETECTOR))
    return sorted(spans, key=lambda s: (s.start, s.end))
