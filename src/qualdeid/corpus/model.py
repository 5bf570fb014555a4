"""The core data model: a Document with character-offset Spans and coded Segments."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualdeid.labels import DIRECT_LABELS, LABELS, canonical_label

__all__ = ["DIRECT_LABELS", "LABELS", "Document", "InputError", "Segment", "Span", "canonical_label"]


@dataclass(frozen=True, slots=True)
class Span:
    """A detected (or gold) entity: ``text[start:end]`` of its document.

    Frozen: a changed span is a new one (``dataclasses.replace``). ``text`` may stay empty while only
    the offsets matter (inside detection); where it is given it has the span's length, and
    :meth:`from_dict` with the document's text checks that it is the document's slice.
    """

    start: int
    end: int
    label: str
    text: str = ""
    score: float = 1.0
    detector: str = ""
    subtype: str | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span offsets {self.start}-{self.end} are not a range of a text")
        if self.text and len(self.text) != self.end - self.start:
            raise ValueError(f"span text of {len(self.text)} characters at offsets {self.start}-{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "score": round(self.score, 4),
            "detector": self.detector,
        }
        if self.subtype:
            d["subtype"] = self.subtype
        if self.reason:
            d["reason"] = self.reason
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], doc_text: str | None = None) -> Span:
        """A span from its JSON form; with ``doc_text``, its ``text`` must be that text's slice (an
        error names the offsets, never the text)."""
        start, end = int(d["start"]), int(d["end"])
        text = str(d.get("text", ""))
        if doc_text is not None and text and end <= len(doc_text) and text != doc_text[start:end]:
            raise ValueError(f"span text at offsets {start}-{end} is not the document's text there")
        return cls(
            start=start,
            end=end,
            label=canonical_label(str(d["label"])),
            text=text,
            score=float(d.get("score", 1.0)),
            detector=str(d.get("detector", "")),
            subtype=d.get("subtype"),
            reason=d.get("reason"),
        )


@dataclass(slots=True)
class Segment:
    """A coded fragment of a document (from QDA software or the jsonl ``segments`` field)."""

    start: int
    end: int
    codes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "codes": list(self.codes)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Segment:
        return cls(start=int(d["start"]), end=int(d["end"]), codes=[str(c) for c in d.get("codes", [])])


@dataclass(frozen=True, slots=True)
class Part:
    """``text[start:end]`` of a document comes from one place of its file.

    ``kind`` says what a reader calls that place ("body", "table", "header", "comment author",
    a record field ...), ``where`` where it lives (an XML member of a .docx, a field's path in a
    record), ``slot`` which one it is there (the text node's number in that member; the offset in
    a Markdown source). Characters of the text that no part covers (separators between parts,
    tabs, Markdown's rendering of markup) are not in the file as such: nothing is replaced there.
    """

    start: int
    end: int
    kind: str
    where: str = ""
    slot: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"a part cannot run from {self.start} to {self.end}")


@dataclass(slots=True)
class Document:
    """One text unit: a file, a jsonl/csv record, or a .docx paragraph stream.

    ``source`` and ``fmt`` say where the document came from so that writers can produce the same
    structure; ``meta`` keeps the record's other fields (jsonl/csv) untouched. ``parts`` says where
    each stretch of ``text`` comes from when the text is assembled from several places of the file
    (.docx parts, record fields, Markdown); empty when the text is the file's text as it is.
    """

    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None
    fmt: str = "txt"
    parts: list[Part] = field(default_factory=list)
    #: details detection left but a reviewer should see (``detect/rare/doubts.py``); never redacted
    doubts: list[Span] = field(default_factory=list)

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def to_scan_record(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "spans": [s.to_dict() for s in self.spans]}


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file found by discovery: its path and the id its document(s) get."""

    path: Path  # "-" for stdin
    rel: str  # id of the document(s): path relative to the folder given, or the file name


class InputError(Exception):
    """A document that could not be read. The message names the file and never quotes its text."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class DocumentError(InputError):
    """A document that was read but that detection failed on. It takes the document's place in the
    stream, so that no later stage sees the document (nor writes it, redacted or not). ``meta`` keeps
    only where a long document's part lies in it (``corpus/split.py``): the failure of one part is
    the failure of the whole document."""

    def __init__(self, source: str, message: str, meta: dict[str, Any] | None = None) -> None:
        super().__init__(source, message)
        self.meta = meta or {}
