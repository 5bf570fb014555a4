#!/usr/bin/env python3
"""Convert held-out raw_*.txt (inline [[LABEL|text]] markup) into <X>.jsonl.

Format follows /work/shared/corpus/dev/README.md: one JSON object per line with
id, group, author, setting, text (markup removed), spans, segments.
Segments come from "#codes:" lines: each part's text span with its codes; the
#codes lines are removed and parts are joined by one blank line. Documents
without #codes lines get segments = [].

Usage: python3 convert.py [raw_H.txt raw_I.txt ...]   (default: all raw_*.txt here)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = {"PERSON", "LOCATION", "ORGANIZATION", "DATE", "AGE", "CONTACT", "ID", "RARE"}
CODES = {
    "everyday_activity",
    "skill_growth",
    "sharing_experience",
    "trust_safety",
    "peer_perspective",
    "advocacy",
    "inclusion",
    "family_carer",
    "tension_clinical",
    "hope_recovery",
}
HEADER = re.compile(
    r"^=== DOC (?P<id>\S+) \| group=(?P<group>[^|]+?) \| author=(?P<author>[^|]+?)"
    r" \| setting=(?P<setting>[^|]+?) ===$"
)
MARK = re.compile(r"\[\[([A-Z]+)\|([^\[\]|]+)\]\]")


class MarkupError(ValueError):
    pass


def strip_markup(marked: str, where: str) -> tuple[str, list[dict]]:
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        label, surface = m.group(1), m.group(2)
        if label not in LABELS:
            raise MarkupError(f"{where}: unknown label {label!r}")
        if surface != surface.strip():
            raise MarkupError(f"{where}: span with outer whitespace {surface!r}")
        spans.append({"start": length, "end": length + len(surface), "label": label, "text": surface})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    for bad in ("[[", "]]", "|"):
        if bad in text:
            i = text.index(bad)
            raise MarkupError(f"{where}: unbalanced/stray {bad!r} near {text[max(0, i - 40) : i + 40]!r}")
    return text, spans


def parse_doc(header: re.Match, body_lines: list[str], where: str) -> dict:
    # split body into parts closed by '#codes:' lines
    parts: list[tuple[str, list[str]]] = []
    current: list[str] = []
    has_codes = any(line.startswith("#codes:") for line in body_lines)
    for line in body_lines:
        if line.startswith("#codes:"):
            codes = [c.strip() for c in line[len("#codes:") :].split(",") if c.strip()]
            unknown = [c for c in codes if c not in CODES]
            if unknown or not 1 <= len(codes) <= 3:
                raise MarkupError(f"{where}: bad codes line {line!r}")
            parts.append(("\n".join(current).strip("\n"), codes))
            current = []
        else:
            current.append(line.rstrip())
    trailing = "\n".join(current).strip()
    if has_codes:
        if trailing:
            raise MarkupError(f"{where}: text after last #codes line")
        if len(parts) != 3:
            raise MarkupError(f"{where}: expected 3 parts, got {len(parts)}")
    else:
        parts = [(trailing, [])]

    text = ""
    spans: list[dict] = []
    segments: list[dict] = []
    for i, (marked, codes) in enumerate(parts):
        if i:
            text += "\n\n"
        part_text, part_spans = strip_markup(marked, where)
        if not part_text.strip():
            raise MarkupError(f"{where}: empty part {i + 1}")
        offset = len(text)
        text += part_text
        for s in part_spans:
            spans.append({**s, "start": s["start"] + offset, "end": s["end"] + offset})
        if has_codes:
            segments.append({"start": offset, "end": offset + len(part_text), "codes": codes})
    return {
        "id": header["id"],
        "group": header["group"].strip(),
        "author": header["author"].strip(),
        "setting": header["setting"].strip(),
        "text": text,
        "spans": spans,
        "segments": segments,
    }


def parse_file(path: Path) -> list[dict]:
    docs: list[dict] = []
    header = None
    body: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate([*lines, "=== END ==="], 1):
        if line.startswith("=== "):
            if header is not None:
                docs.append(parse_doc(header, body, f"{path.name}:{header['id']}"))
            if line == "=== END ===" and n == len(lines) + 1:
                break
            header = HEADER.match(line)
            if header is None:
                raise MarkupError(f"{path.name}:{n}: malformed header line")
            body = []
        elif header is None:
            if line.strip():
                raise MarkupError(f"{path.name}:{n}: text before first header")
        else:
            body.append(line)
    return docs


def validate(docs: list[dict], where: str) -> None:
    ids = [d["id"] for d in docs]
    if len(ids) != len(set(ids)):
        raise MarkupError(f"{where}: duplicate document ids")
    for d in docs:
        t = d["text"]
        assert "[[" not in t and "]]" not in t and "#codes" not in t, d["id"]
        prev_end = -1
        for s in d["spans"]:
            assert t[s["start"] : s["end"]] == s["text"], (d["id"], s)
            assert s["start"] >= prev_end, (d["id"], "overlap", s)
            prev_end = s["end"]
        for seg in d["segments"]:
            assert 0 <= seg["start"] < seg["end"] <= len(t), (d["id"], seg)
            assert t[seg["start"] : seg["end"]] == t[seg["start"] : seg["end"]].strip(), d["id"]


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    paths = [Path(a) for a in argv] or sorted(here.glob("raw_*.txt"))
    total = Counter()
    for path in paths:
        docs = parse_file(path)
        validate(docs, path.name)
        name = path.stem.removeprefix("raw_")
        out = path.with_name(f"{name}.jsonl")
        tmp = out.with_suffix(".jsonl.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        tmp.replace(out)
        labels = Counter(s["label"] for d in docs for s in d["spans"])
        total += labels
        words = [len(d["text"].split()) for d in docs]
        print(
            f"{out}: {len(docs)} docs, words min {min(words)} max {max(words)}, "
            f"{sum(labels.values())} spans {dict(sorted(labels.items()))}"
        )
    print(f"TOTAL {sum(total.values())} spans {dict(sorted(total.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
