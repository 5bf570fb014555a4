"""A .docx zip bomb: time and peak memory of reading it, this checkout against a baseline side by side.

Builds a small .docx whose ``word/document.xml`` expands to ``--expand-mb`` megabytes of ordinary
paragraphs (deflate packs such repetition about 1000 to 1), then reads it with ``Corpus`` (what
``scan`` and ``scrub`` do first) in a fresh process per source tree, and prints the packed size,
the outcome (the first line of the error, or the number of characters read), the wall time and the
process's peak resident memory. A baseline tree that unpacks the bomb can take minutes and GBs:
keep ``--expand-mb`` modest on a shared machine (``--timeout`` stops it).

Usage:  python3 benchmarks/bench_docx_bomb.py [--expand-mb 150] [--baseline-src ../main/src] [--timeout 600]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PARAGRAPH = b"<w:p><w:r><w:t>All quiet on the ward tonight.</w:t></w:r></w:p>"
READ = """
import resource, sys
from qualdeid.corpus.readers import Corpus
for item in Corpus([sys.argv[1]]):
    print(str(item).splitlines()[0][:140] if isinstance(item, Exception) else f"read {len(item.text):,} characters")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build_bomb(path: Path, expand_mb: int) -> None:
    import docx

    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    body = PARAGRAPH * (expand_mb * 1024 * 1024 // len(PARAGRAPH))
    members["word/document.xml"] = members["word/document.xml"].replace(b"<w:body>", b"<w:body>" + body, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)


def measure(src: Path, bomb: Path, timeout: int) -> tuple[str, float, str]:
    """(outcome, seconds, peak resident MB) of reading the bomb with the package in ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", READ, str(bomb)], env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return f"stopped after {timeout} s", time.perf_counter() - start, "-"
    seconds = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    if done.returncode or len(lines) < 2:
        tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        return f"exit {done.returncode}: {tail[:140]}", seconds, "-"
    return lines[-2].replace(str(bomb), "bomb.docx"), seconds, f"{int(lines[-1]) / 1024:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--expand-mb", type=int, default=150)
    ap.add_argument("--baseline-src", type=Path, default=REPO.parent.parent / "main" / "src")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--build-only", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build_only:
        build_bomb(args.build_only, args.expand_mb)
        return
    with tempfile.TemporaryDirectory(prefix="qualdeid-bomb-") as tmp:
        bomb = Path(tmp) / "bomb.docx"
        # built in a process of its own: a child inherits its parent's resident memory as its peak
        subprocess.run([sys.executable, __file__, "--expand-mb", str(args.expand_mb), "--build-only", bomb], check=True)
        print(f"bomb.docx: {bomb.stat().st_size / 1024:,.0f} KB packed, {args.expand_mb} MB of XML unpacked")
        print(f"{'tree':<10} {'seconds':>8} {'peak MB':>8}  outcome")
        trees = [("baseline", args.baseline_src)] if args.baseline_src.exists() else []
        for label, src in [*trees, ("this", REPO / "src")]:
            outcome, seconds, peak = measure(src, bomb, args.timeout)
            print(f"{label:<10} {seconds:>8.1f} {peak:>8}  {outcome}")


if __name__ == "__main__":
    main()
