"""Speed of ``qualdeid review`` and the cost of the review array in ``scan`` (issue 10).

* ``startup``: ``qualdeid review examples/diaries --rules DIR --no-open`` as a user runs it, repeated;
  seconds from starting the command to the page being served (its address printed, the page
  answering) and to the review being ready (the scan done, the first group decidable), beside the
  time ``qualdeid scan`` takes on the same folder. Target: under 3 s.
* ``large``: the same on the synthetic corpus (``make_corpus.py``, ``--docs`` documents, default
  1,000): seconds to ready, then the page's requests timed while it holds that corpus (median and
  worst of ``--requests`` each): a page of the review queue, a page of the document list, one
  document, one group, a group decision (saved to ``decisions.yaml``) with its undo, the people.
  Target: every request well under the 100 ms that a click can take without feeling slow.
* ``scan``: ``qualdeid scan FOLDER --format jsonl --quiet`` of this tree against a baseline tree
  (``--baseline REV``, default ``main``: exported with ``git archive``, its own rules and the same
  installed libraries and model), side by side, order rotated each repetition; wall and CPU ratio.
  Target: the review array costs at most 5 % (ratio <= 1.05).

Usage:  python3 benchmarks/bench_review.py [startup] [large] [scan] [--docs 1000] [--repeat 3] [--baseline main]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from common import corpus_folder, git_head, machine_line, median, run_quiet

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "diaries"
QUALDEID = [sys.executable, "-c", "from qualdeid.cli import main; main()"]


class Review:
    """``qualdeid review PATH --rules DIR --no-open`` in a subprocess, and requests to its page."""

    def __init__(self, path: Path, rules: Path) -> None:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [*QUALDEID, "review", str(path), "--rules", str(rules), "--no-open"], stderr=subprocess.PIPE, text=True
        )
        assert self.proc.stderr is not None
        m = re.search(r"http://127\.0\.0\.1:(\d+)/\?t=(\S+)", self.proc.stderr.readline())
        if m is None:
            self.stop()
            raise RuntimeError("qualdeid review printed no address")
        self.base, self.token = f"http://127.0.0.1:{m.group(1)}", m.group(2)

    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def page_served(self) -> float:
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/?t={self.token}", timeout=5) as r:
                    r.read()
                    return self.seconds()
            except OSError:
                time.sleep(0.01)

    def ready(self, timeout: float = 3600) -> float:
        while self.seconds() < timeout:
            if self.get("state")["status"] == "ready":
                return self.seconds()
            time.sleep(0.05)
        raise TimeoutError("the review did not get ready")

    def get(self, path: str) -> dict:
        request = urllib.request.Request(f"{self.base}/api/{path}", headers={"X-Review-Token": self.token})
        with urllib.request.urlopen(request, timeout=60) as r:
            return json.load(r)

    def post(self, path: str, body: dict) -> dict:
        request = urllib.request.Request(
            f"{self.base}/api/{path}",
            data=json.dumps(body).encode(),
            headers={"X-Review-Token": self.token, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as r:
            return json.load(r)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def startup(repeat: int) -> None:
    print(f"\n== startup on examples/diaries ({repeat} runs)")
    served, ready = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            review = Review(EXAMPLES, Path(tmp) / "rules")
            try:
                served.append(review.page_served())
                ready.append(review.ready())
            finally:
                review.stop()
    scans = [run_quiet([*QUALDEID, "scan", str(EXAMPLES), "--format", "jsonl", "--quiet"])[0] for _ in range(repeat)]
    print(f"page served after   {_spread(served)} s   (target < 3 s)")
    print(f"review ready after  {_spread(ready)} s   (target < 3 s: the first group decidable)")
    # the first run scans; the later ones read the scan back (review/cache.py) unless it was there already
    print(f"  each run: {', '.join(f'{s:.2f}' for s in ready)} s (the first with a cold cache, unless run before)")
    print(f"for comparison, qualdeid scan of the same folder: {_spread(scans)} s (model loading included)")


def large(docs: int, requests: int) -> None:
    folder = corpus_folder(docs)
    print(f"\n== {docs} documents ({folder})")
    with tempfile.TemporaryDirectory() as tmp:
        review = Review(folder, Path(tmp) / "rules")
        try:
            print(f"page served after {review.page_served():.2f} s; scanning (the page shows the progress)")
            print(f"review ready after {review.ready():.1f} s")
            state = review.get("state")
            print(f"{state['documents']} documents, {state['groups']} review groups")
            rng = random.Random(1)
            groups = review.get("groups?which=all&limit=200")["groups"]
            timings: dict[str, list[float]] = {}

            def timed(name: str, fn: Callable[[], object]) -> None:
                t = time.perf_counter()
                fn()
                timings.setdefault(name, []).append((time.perf_counter() - t) * 1000)

            for _ in range(requests):
                g = rng.choice(groups)["id"]
                timed("queue page (60 groups)", lambda: review.get("groups?which=open&limit=60"))
                timed(
                    "document list page (120)", lambda: review.get(f"documents?offset={rng.randrange(docs)}&limit=120")
                )
                timed("one document", lambda: review.get(f"document/{rng.randrange(docs)}"))
                timed("one group", lambda g=g: review.get("group?id=" + urllib.request.quote(g)))
                timed(
                    "decide a group (saved)", lambda g=g: review.post("decide_group", {"group": g, "action": "accept"})
                )
                timed("undo (saved)", lambda: review.post("undo", {}))
                timed("state (progress)", lambda: review.get("state"))
            timed("people (first time)", lambda: review.get("people"))
            timed("people (again)", lambda: review.get("people"))
            print(f"{'request':<28}{'median ms':>10}{'worst ms':>10}")
            for name, values in timings.items():
                print(f"{name:<28}{statistics.median(values):>10.1f}{max(values):>10.1f}")
        finally:
            review.stop()


def scan_overhead(docs: int, repeat: int, baseline: str) -> None:
    folder = corpus_folder(docs)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", baseline], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        rev = subprocess.run(
            ["git", "-C", str(REPO), "log", "-1", "--format=%h %s", baseline], capture_output=True, text=True
        )
        print(f"\n== scan {docs} documents: this tree against {baseline} ({rev.stdout.strip()[:70]})")
        cmd = [*QUALDEID, "scan", str(folder), "--format", "jsonl", "--quiet"]
        env_base = dict(os.environ, PYTHONPATH=str(base / "src"))
        runs = {"this tree": [], baseline: []}
        for r in range(repeat):
            order = [("this tree", None), (baseline, env_base)]
            for name, env in order[r % 2 :] + order[: r % 2]:
                wall, cpu = _run(cmd, env)
                runs[name].append((wall, cpu))
                print(f"  repetition {r + 1}: {name:<10} {wall:7.1f} s wall {cpu:7.1f} s CPU", file=sys.stderr)
    ratios_wall = [a[0] / b[0] for a, b in zip(runs["this tree"], runs[baseline], strict=True)]
    ratios_cpu = [a[1] / b[1] for a, b in zip(runs["this tree"], runs[baseline], strict=True)]
    for name, values in runs.items():
        wall, cpu = median([w for w, _ in values]), median([c for _, c in values])
        print(f"{name:<12} {docs / wall:7.2f} docs/s wall, {docs / cpu:7.2f} docs per CPU-second")
    wall_ratio, cpu_ratio = median(ratios_wall), median(ratios_cpu)
    print(
        f"this tree / {baseline}: wall {wall_ratio:.3f}x {_range(ratios_wall)}, "
        f"CPU {cpu_ratio:.3f}x {_range(ratios_cpu)} (target <= 1.05)"
    )


def _run(cmd: list[str], env: dict | None) -> tuple[float, float]:
    if env is None:
        return run_quiet(cmd)
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = env["PYTHONPATH"]
    try:
        return run_quiet(cmd)
    finally:
        if old is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = old


def _spread(values: list[float]) -> str:
    return f"{median(values):.2f} (min {min(values):.2f}, max {max(values):.2f})"


def _range(values: list[float]) -> str:
    return f"[{min(values):.3f}-{max(values):.3f}]" if len(values) > 1 else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("parts", nargs="*", choices=["startup", "large", "scan", []], default=["startup", "large", "scan"])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--baseline", default="main", help="git revision for the scan comparison (default main)")
    args = ap.parse_args()
    print(f"qualdeid {git_head()}; {machine_line()}")
    if "startup" in args.parts:
        startup(max(args.repeat, 3))
    if "large" in args.parts:
        large(args.docs, args.requests)
    if "scan" in args.parts:
        scan_overhead(args.docs, args.repeat, args.baseline)


if __name__ == "__main__":
    main()
