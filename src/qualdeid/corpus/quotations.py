"""CSV exports of coded quotations (ATLAS.ti, NVivo, MAXQDA) located in their documents.

An export row names a document, one or more codes and the quoted text, but no reliable character
offsets. Each quotation is found in its document: first exactly, then after normalising whitespace
and typography (curly quotes, dashes, ellipses, non-breaking spaces), then by fuzzy alignment
(rapidfuzz). Quotations that cannot be placed are reported by row number, never dropped silently.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qualdeid.corpus.model import Document, InputError, Segment

#: Accepted column headers (compared case-insensitively, ignoring spaces, underscores and punctuation).
HEADER_VARIANTS: dict[str, tuple[str, ...]] = {  # format: QDPX/REFI element names
    "document": (  # format: QDPX/REFI element names
        "document",
        "documentname",
        "doc",
        "source",
        "sourcename",
        "file",
        "filename",
        "primarydocument",
        "transcript",
        "case",
    ),
    # format: QDPX/REFI element names
    "code": ("code", "codes", "codename", "node", "nodes", "nodename", "category", "categories", "tag", "tags"),
    "quotation": (  # format: QDPX/REFI element names
        "quotation",
        "quotationcontent",
        "quotations",
        "quote",
        "quotecontent",
        "segment",
        "codedsegment",
        "codedtext",
        "referencetext",
        "coding",
        "excerpt",
        "selection",
        "content",
        "text",
    ),
}
#: Separators between several codes in one cell (ATLAS.ti puts one code per line).
CODE_SEPARATORS = re.compile(r"[\r\n;]+")
FUZZY_MIN_SCORE = 90.0

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)


@dataclass(frozen=True, slots=True)
class Quotation:
    row: int
    document: str
    codes: tuple[str, ...]
    text: str


@dataclass(slots=True)
class LocateReport:
    located: list[tuple[Quotation, str, int, int, str]] = field(default_factory=list)  # doc id, start, end, method
    unlocated: list[tuple[Quotation, str]] = field(default_factory=list)  # reason (no quoted text in it)


def _norm_header(h: str) -> str:
    return re.sub(r"[^a-z0-9]", "", h.casefold())


def quotation_columns(fields: Iterable[str]) -> dict[str, str] | None:
    """Map document/code/quotation to the export's own headers, or None if this is not such an export."""
    normalised = {_norm_header(f): f for f in fields if f}
    found: dict[str, str] = {}
    for role, variants in HEADER_VARIANTS.items():
        for v in variants:
            if v in normalised and normalised[v] not in found.values():
                found[role] = normalised[v]
                break
    return found if len(found) == 3 else None


def is_quotation_export(path: Path) -> bool:
    """True for a .csv whose header has a document, a code and a quotation column."""
    if path.suffix.lower() != ".csv" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return quotation_columns(header) is not None


def read_quotations(path: Path) -> list[Quotation]:
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(name, f"cannot read the file ({e.strerror})") from e
    except UnicodeDecodeError:
        raise InputError(name, "not valid UTF-8; export the quotations as UTF-8 CSV") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    cols = quotation_columns(reader.fieldnames or [])
    if cols is None:
        raise InputError(name, "not a quotation export: needs document, code and quotation columns")
    quotes: list[Quotation] = []
    for rowno, row in enumerate(reader, 2):
        body = (row.get(cols["quotation"]) or "").strip()
        codes = tuple(c.strip() for c in CODE_SEPARATORS.split(row.get(cols["code"]) or "") if c.strip())
        if body and codes:
            quotes.append(Quotation(rowno, (row.get(cols["document"]) or "").strip(), codes, body))
    return quotes


def _doc_key(name: str) -> str:
    base = re.split(r"[\\/]", name.strip())[-1]
    return re.sub(r"\.(txt|md|docx|pdf|rtf|odt)$", "", base, flags=re.IGNORECASE).casefold()  # format: file extensions


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Typography made plain, whitespace runs collapsed, lowercased; ``index[i]`` is the original offset."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        ch = ch.translate(_TYPOGRAPHY)
        if ch == "\u2026":
            for dot in "...":
                out.append(dot)
                index.append(i)
            prev_space = False
            continue
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        low = ch.lower()
        if len(low) != 1:
            low = ch
        out.append(low)
        index.append(i)
    return "".join(out), index


def _strip_quote(q: str) -> str:
    q = q.strip().strip("\"'\u201c\u201d\u2018\u2019").strip()
    q = re.sub(r"^(\.\.\.|\u2026)\s*", "", q)
    return re.sub(r"\s*(\.\.\.|\u2026)$", "", q).strip()


def locate(text: str, quote: str, *, min_score: float = FUZZY_MIN_SCORE) -> tuple[int, int, str] | None:
    """Where ``quote`` is in ``text``: (start, end, method) with method exact, normalised or fuzzy."""
    q = _strip_quote(quote)
    if not q:
        return None
    pos = text.find(q)
    if pos >= 0:
        return pos, pos + len(q), "exact"
    ntext, index = normalise_with_map(text)
    nq, _ = normalise_with_map(q)
    nq = nq.strip()
    if not ntext or not nq:
        return None
    pos = ntext.find(nq)
    if pos >= 0:
        return index[pos], index[pos + len(nq) - 1] + 1, "normalised"
    from rapidfuzz import fuzz

    al = fuzz.partial_ratio_alignment(nq, ntext, score_cutoff=min_score)
    if al is None or al.dest_end <= al.dest_start:
        return None
    start, end = al.dest_start, al.dest_end
    # the alignment may cut a word; a quotation starts and ends on word boundaries
    while start > 0 and ntext[start - 1].isalnum() and ntext[start].isalnum():
        start -= 1
    while end < len(ntext) and ntext[end - 1].isalnum() and ntext[end].isalnum():
        end += 1
    return index[start], index[end - 1] + 1, "fuzzy"


def apply_quotations(documents: list[Document], quotations: Iterable[Quotation]) -> LocateReport:
    """Locate each quotation in its document and add it there as a coded Segment."""
    by_key: dict[str, list[Document]] = {}
    for d in documents:
        for key in {_doc_key(d.id), _doc_key(str(d.meta.get("qdpx", {}).get("name", "")) or d.id)}:
            by_key.setdefault(key, []).append(d)
    report = LocateReport()
    for q in quotations:
        candidates = by_key.get(_doc_key(q.document), [])
        if not candidates:
            report.unlocated.append((q, "no input document has this quotation's document name"))
            continue
        for d in candidates:
            hit = locate(d.text, q.text)
            if hit:
                start, end, method = hit
                _add_segment(d, start, end, q.codes)
                report.located.append((q, d.id, start, end, method))
                break
        else:
            report.unlocated.append((q, "the quoted text was not found in its document, even approximately"))
    return report


def _add_segment(doc: Document, start: int, end: int, codes: Iterable[str]) -> None:
    for seg in doc.segments:
        if seg.start == start and seg.end == end:
            seg.codes.extend(c for c in codes if c not in seg.codes)
            return
    doc.segments.append(Segment(start, end, list(dict.fromkeys(codes))))
    doc.segments.sort(key=lambda s: (s.start, s.end))
