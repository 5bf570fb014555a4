"""Long documents: what ``qualdeid scan`` does with one very long text among ordinary ones.

For each size, a folder holds ``long.txt`` (synthetic diaries from make_corpus.py joined by blank
lines until the text has that many characters) and two ordinary diaries. Each qualdeid given runs
``scan FOLDER --format jsonl --quiet --jobs 1`` in a fresh process; reported per size: the exit
status, wall seconds, the peak resident memory of the process (``os.wait4``), how many documents
came out, and how many PERSON spans were found in ``long.txt``.

``--baseline-src DIR`` runs the same with ``PYTHONPATH=DIR`` beside this checkout, alternating, so
that before/after are measured in one run on the same texts: e.g. a snapshot of an older commit,

    git archive 9f23457 | (mkdir -p /tmp/base && tar -x -C /tmp/base)
    python3 benchmarks/bench_long.py --baseline-src /tmp/base/src

Usage:  python3 benchmarks/bench_long.py [--sizes 100000,400000,950000,1500000] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from bench_memory import measure_run
from common import corpus_texts, git_head, machine_line

SCAN = "from qualdeid.cli import main; main()"


def write_folder(folder: Path, size: int, texts: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    (folder / "long.txt").write_text("\n\n".join(parts)[:size], encoding="utf-8")
    (folder / "ordinary-1.txt").write_text(texts[-1], encoding="utf-8")
    (folder / "ordinary-2.txt").write_text(texts[-2], encoding="utf-8")


def run(label: str, src: str | None, folder: Path) -> dict[str, object]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    out = folder.parent / f"{folder.name}-{label}.jsonl"
    cmd = [sys.executable, "-c", SCAN, "scan", str(folder), "--format", "jsonl", "--quiet", "--jobs", "1"]
    with out.open("w") as fh:
        code, wall, max_rss, _, stderr = measure_run(["sh", "-c", 'exec "$@" > "$0"', str(fh.name), *cmd], env=env)
    records = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    long = next((r for r in records if r["id"] == "long.txt"), None)
    persons = sum(1 for s in long["spans"] if s["label"] == "PERSON") if long else None
    error = stderr.strip().splitlines()[-1][:100] if code and stderr.strip() else ""
    return {"code": code, "wall": wall, "rss_mb": max_rss / 1024, "docs": len(records), "persons": persons,
            "error": error}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,400000,950000,1500000", help="characters of long.txt")
    parser.add_argument("--baseline-src", default=None, help="a src/ folder of another qualdeid to compare with")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"qualdeid long-document benchmark at {git_head()}; {machine_line()}")
    if args.baseline_src:
        print(f"baseline: PYTHONPATH={args.baseline_src}")
    texts = corpus_texts(200)
    rows = []
    with tempfile.TemporaryDirectory(prefix="qualdeid-long-") as tmp:
        for n, size in enumerate(sizes):
            folder = Path(tmp) / f"size-{size}"
            write_folder(folder, size, texts)
            runs = [("this", None)] + ([("baseline", args.baseline_src)] if args.baseline_src else [])
            if n % 2:
                runs.reverse()  # alternate the order: neither side always runs on a cooler machine
            for label, src in runs:
                result = run(label, src, folder)
                rows.append((size, label, result))
                print(f"  {size:>9,} chars  {label:<8} exit {result['code']}  {result['wall']:7.1f} s  "
                      f"{result['rss_mb']:7.0f} MB  {result['docs']} docs  PERSON in long.txt: {result['persons']}  "
                      f"{result['error']}", flush=True)  # fmt: skip
    print("\nsize (chars)  qualdeid   exit   wall s   peak RSS MB   docs out   PERSON spans in long.txt")
    for size, label, r in sorted(rows, key=lambda row: (row[0], row[1] != "baseline")):
        print(f"{size:>12,}  {label:<8} {r['code']:>5} {r['wall']:8.1f} {r['rss_mb']:13.0f} {r['docs']:10} "
              f"{r['persons'] if r['persons'] is not None else '-':>26}")  # fmt: skip


if __name__ == "__main__":
    main()
