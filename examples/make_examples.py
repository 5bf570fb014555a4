"""Build the example corpus from ``annotated.txt`` (the single source of truth).

``annotated.txt`` is written in the inline markup of the annotation guidelines: ``[[LABEL|surface]]``
around every identifying span and a ``#codes:`` line after each of the three template parts.
This script writes:

* ``gold.jsonl``     — one record per diary: id, text, gold ``spans`` and coded ``segments``;
* ``diaries/``       — the same diaries as plain files (.txt, one .md, one .docx), as a team would have them;
* ``forms/feedback.csv`` — a small survey export with a free-text column.

Everything in it is fictional. Run it from anywhere: ``python3 examples/make_examples.py``.
It also checks the markup: a name that is annotated somewhere but left bare elsewhere is reported.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKUP = re.compile(r"\[\[([A-Z]+)\|([^\]|]+)\]\]")
HEADER = re.compile(r"^=== DOC (\S+) \| file=(\S+) \| author=(\S+) ===$")
GROUP = "Totara House"
SETTING = "residential rehabilitation unit, Port Halloran (an invented town), New Zealand"
#: Bare lowercase uses of names that are also words, deliberately not annotated ("I hope", "good will").
WORD_USES = {"hope", "will", "joy", "frank", "win"}


def parse(source: str) -> list[dict]:
    docs: list[dict] = []
    for block in re.split(r"\n(?==== DOC )", source.strip()):
        header, _, body = block.partition("\n")
        m = HEADER.match(header)
        if not m:
            raise SystemExit(f"bad header: {header!r}")
        doc_id, file_name, author = m.groups()
        text, spans, segments = "", [], []
        for part in body.strip().split("\n\n"):
            lines = part.strip().split("\n")
            if not lines[-1].startswith("#codes:"):
                raise SystemExit(f"{doc_id}: part without a #codes line")
            codes = [c.strip() for c in lines[-1].removeprefix("#codes:").split(",")]
            raw = "\n".join(lines[:-1])
            if text:
                text += "\n\n"
            seg_start = len(text)
            pos = 0
            for mm in MARKUP.finditer(raw):
                text += raw[pos : mm.start()]
                label, surface = mm.groups()
                spans.append({"start": len(text), "end": len(text) + len(surface), "label": label, "text": surface})
                text += surface
                pos = mm.end()
            text += raw[pos:]
            segments.append({"start": seg_start, "end": len(text), "codes": codes})
        if "[[" in text or "]]" in text:
            raise SystemExit(f"{doc_id}: unbalanced markup")
        docs.append(
            {
                "id": doc_id,
                "group": GROUP,
                "author": author,
                "setting": SETTING,
                "file": file_name,
                "text": text,
                "spans": spans,
                "segments": segments,
            }
        )
    return docs


def check_unannotated(docs: list[dict]) -> list[str]:
    """Names, places and organisations annotated somewhere but bare elsewhere."""
    surfaces = {
        s["text"]
        for d in docs
        for s in d["spans"]
        if s["label"] in ("PERSON", "LOCATION", "ORGANIZATION") and not s["text"].startswith(("Mr", "Ms", "Dr"))
    }
    words = {w for s in surfaces for w in s.split() if len(w) > 2 and w[0].isupper() and w not in ("St", "Street")}
    person_words = {w.lower() for d in docs for s in d["spans"] if s["label"] == "PERSON" for w in s["text"].split()}
    problems = []
    for d in docs:
        covered = bytearray(len(d["text"]))
        for s in d["spans"]:
            covered[s["start"] : s["end"]] = b"\x01" * (s["end"] - s["start"])
        for w in sorted(words):
            for m in re.finditer(rf"\b{re.escape(w)}\b", d["text"], re.IGNORECASE):
                if m.group().islower() and (m.group() in WORD_USES or m.group() not in person_words):
                    continue
                if not covered[m.start()]:
                    problems.append(f"{d['id']}: bare {m.group()!r} at {m.start()}")
    return problems


def write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for para in text.split("\n"):
        p = document.add_paragraph()
        head, sep, rest = para.partition(": ")
        if sep and head in ("Brief description", "What was helpful", "Why it was significant"):
            p.add_run(head + sep).bold = True
            p.add_run(rest)
        elif para:
            p.add_run(para)
    document.save(str(path))


def to_markdown(doc: dict) -> str:
    body = re.sub(r"^(Brief description|What was helpful|Why it was significant):", r"**\1:**", doc["text"], flags=re.M)
    return f"# Diary entry {doc['id'][2:]}\n\n{body}\n"


FEEDBACK = [
    ("F01", "2025-04-02", "Roz and Eamon are the reason I stayed. Eamon gets it."),
    ("F02", "2025-04-09", "The new chairs in the lounge are good. More fruit please."),
    ("F03", "2025-04-16", "Toby keeps the music too loud after ten, can someone talk to him"),
    ("F04", "2025-04-23", "Thanks to Greer for sitting up with me on Sunday night."),
]


def main() -> int:
    docs = parse((HERE / "annotated.txt").read_text(encoding="utf-8"))
    problems = check_unannotated(docs)
    for p in problems:
        print(p, file=sys.stderr)
    if problems and "--force" not in sys.argv:
        return 1
    with (HERE / "gold.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for d in docs:
            record = {k: v for k, v in d.items() if k != "file"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    out = HERE / "diaries"
    out.mkdir(exist_ok=True)
    for d in docs:
        target = out / d["file"]
        if target.suffix == ".docx":
            write_docx(target, d["text"])
        elif target.suffix == ".md":
            target.write_text(to_markdown(d), encoding="utf-8", newline="\n")
        else:
            target.write_text(d["text"] + "\n", encoding="utf-8", newline="\n")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "submitted", "comment"])
    writer.writerows(FEEDBACK)
    (HERE / "forms").mkdir(exist_ok=True)
    (HERE / "forms" / "feedback.csv").write_text(buf.getvalue(), encoding="utf-8", newline="\n")
    words = [len(d["text"].split()) for d in docs]
    print(f"{len(docs)} diaries, {min(words)}-{max(words)} words, {sum(len(d['spans']) for d in docs)} gold spans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
