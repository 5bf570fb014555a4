"""What of a checked text reaches a reader: front matter, Markdown headings, HTML comments and notes
sections meant for the author (compose's "Notes for the author") are not checked as text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from qualdeid.corpus.model import Document

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def unchecked(text: str, note_sections: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that are not checked: YAML front matter, Markdown heading lines,
    HTML comments, and sections whose heading starts with one of ``note_sections`` (any case), up to
    the next heading of the same or a higher level."""
    notes = tuple(n.lower() for n in note_sections)
    out: list[tuple[int, int]] = []
    m = _FRONT_MATTER.match(text)
    if m:
        out.append(m.span())
    out += [c.span() for c in _COMMENT.finditer(text)]
    headings = list(_HEADING.finditer(text))
    for i, h in enumerate(headings):
        out.append(h.span())
        title = (h.group(2) or "").strip().lower()
        if notes and title.startswith(notes):
            level = len(h.group(1))
            end = next((g.start() for g in headings[i + 1 :] if len(g.group(1)) <= level), len(text))
            out.append((h.start(), end))
    return _union(out)


def unchecked_in(doc: Document, note_sections: Iterable[str] = ()) -> list[tuple[int, int]]:
    """:func:`unchecked` for a document as read. A Markdown file is read as the text a reader sees
    (its parts record where each piece stands in the file): headings, comments and notes are found
    in the file and mapped onto that text."""
    notes = list(note_sections)
    if doc.fmt != "md" or not doc.parts or doc.source is None:
        return unchecked(doc.text, notes)
    try:
        source = Path(doc.source).read_text(encoding=doc.meta.get("_encoding") or "utf-8")
    except (OSError, UnicodeError, LookupError):
        return unchecked(doc.text, notes)
    if source.startswith("\ufeff"):
        source = source[1:]
    out = []
    for s0, s1 in unchecked(source, notes):
        for part in doc.parts:
            a, b = max(s0, part.slot), min(s1, part.slot + part.end - part.start)
            if a < b:
                out.append((part.start + a - part.slot, part.start + b - part.slot))
    return _union(out)


def blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """``text`` with the ranges replaced by spaces (line breaks kept), so offsets stay valid."""
    chars = list(text)
    for start, end in ranges:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
