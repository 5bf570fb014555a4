"""Turn hand-annotated text in inline markup into gold ``.jsonl`` for ``qualdeid evaluate``.

The markup is the one of the annotation guidelines (``[[LABEL|surface text]]`` around every
identifying span, an optional ``#codes: a, b`` line closing each coded part) with documents
introduced by a header line::

    === DOC <id> | group=<group> | author=<author> | setting=<setting> ===

Every ``key=value`` of the header is kept as a field of the record. Each record gets ``id``,
``text``, gold ``spans`` and, when the document has ``#codes:`` lines, its coded ``segments``.
Usage: ``python3 tools/markup_to_jsonl.py annotated.txt > gold.jsonl``. Malformed markup (nested,
unbalanced, an unknown label) stops the conversion with the document id and line.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

LABELS = {"PERSON", "LOCATION", "ORGANIZATION", "DATE", "AGE", "CONTACT", "ID", "RARE"}
MARKUP = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+)\]\]")
HEADER = re.compile(r"^=== DOC (\S+)(.*?)===\s*$")


def convert(source: str) -> list[dict]:
    docs: list[dict] = []
    current: dict | None = None
    lines: list[tuple[int, str]] = []

    def close() -> None:
        if current is not None:
            docs.append(_document(current, lines))

    for lineno, line in enumerate(source.splitlines(), 1):
        m = HEADER.match(line)
        if m:
            close()
            current = {"id": m.group(1)}
            for field in m.group(2).split("|"):
                key, sep, value = field.strip().partition("=")
                if sep:
                    current[key.strip()] = value.strip()
            lines = []
        elif current is not None:
            lines.append((lineno, line))
        elif line.strip():
            raise SystemExit(f"line {lineno}: text before the first '=== DOC' header")
    close()
    return docs


def _document(header: dict, lines: list[tuple[int, str]]) -> dict:
    doc_id = header["id"]
    parts: list[tuple[list[tuple[int, str]], list[str] | None]] = []
    part: list[tuple[int, str]] = []
    for lineno, line in lines:
        if line.lstrip().startswith("#codes:"):
            codes = [c.strip() for c in line.split(":", 1)[1].split(",") if c.strip()]
            parts.append((part, codes))
            part = []
        else:
            part.append((lineno, line))
    if any(line.strip() for _, line in part):
        parts.append((part, None))
    text, spans, segments = "", [], []
    for part_lines, codes in parts:
        while part_lines and not part_lines[0][1].strip():
            part_lines = part_lines[1:]
        while part_lines and not part_lines[-1][1].strip():
            part_lines = part_lines[:-1]
        if not part_lines:
            continue
        if text:
            text += "\n\n"
        seg_start = len(text)
        for i, (lineno, raw) in enumerate(part_lines):
            if i:
                text += "\n"
            pos = 0
            for mm in MARKUP.finditer(raw):
                text += _plain(raw[pos : mm.start()], doc_id, lineno)
                label, surface = mm.groups()
                if label not in LABELS:
                    raise SystemExit(f"{doc_id} line {lineno}: unknown label {label}")
                if surface != surface.strip():
                    raise SystemExit(f"{doc_id} line {lineno}: span with leading or trailing space")
                spans.append({"start": len(text), "end": len(text) + len(surface), "label": label, "text": surface})
                text += surface
                pos = mm.end()
            text += _plain(raw[pos:], doc_id, lineno)
        if codes is not None:
            segments.append({"start": seg_start, "end": len(text), "codes": codes})
    record = dict(header)
    record.update({"text": text, "spans": spans})
    if segments:
        record["segments"] = segments
    return record


def _plain(chunk: str, doc_id: str, lineno: int) -> str:
    if "[[" in chunk or "]]" in chunk:
        raise SystemExit(f"{doc_id} line {lineno}: unbalanced or nested markup")
    return chunk


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: python3 tools/markup_to_jsonl.py ANNOTATED.txt > gold.jsonl")
    for record in convert(Path(argv[0]).read_text(encoding="utf-8")):
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
