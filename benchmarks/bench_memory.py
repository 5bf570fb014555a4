"""Peak memory of ``qualdeid scan`` as the corpus grows: it should stay flat (streaming).

Runs ``qualdeid scan FOLDER --format jsonl --quiet`` in a fresh subprocess per corpus size and reports
* the peak resident set of the largest single process (``os.wait4`` rusage: the scan process or,
  with ``--jobs``, whichever of its waited-for workers peaked highest), and
* the peak of the whole process tree's resident memory summed (sampled from /proc every 0.2 s),
then the ratio between the largest and the smallest size. Target (issue 2): flat, ratio < 1.3.

Usage:  python3 benchmarks/bench_memory.py [--sizes 500,2000] [--jobs N] [--input txt|jsonl]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import threading
import time
from pathlib import Path

from common import CACHE, cli_supports, corpus_folder, git_head, machine_line
from make_corpus import write_corpus

TARGET_RATIO = 1.3
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _rss_by_parent() -> tuple[dict[int, int], dict[int, list[int]]]:
    """Resident kB of every process and each process's children, from /proc/*/stat."""
    rss: dict[int, int] = {}
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        pid, ppid = int(entry), int(fields[1])
        rss[pid] = int(fields[21]) * PAGE_KB
        children.setdefault(ppid, []).append(pid)
    return rss, children


def _tree_rss(root: int) -> int:
    rss, children = _rss_by_parent()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (kB) of the largest process, sampled peak RSS (kB) of the process tree."""
    code, elapsed, max_rss, tree, stderr = measure_run(cmd)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {stderr[-2000:]}")
    return elapsed, max_rss, tree


def measure_run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[int, float, int, int, str]:
    """Exit status, wall seconds, peak RSS (kB) of the largest process, sampled peak RSS (kB) of the
    process tree, and stderr, of ``cmd`` run to its end whatever its exit status."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    tree_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        while not done.wait(0.2):
            tree_peak = max(tree_peak, _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stderr is not None
    stderr = proc.stderr.read()  # read before waiting: a full pipe would block the scan
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    return proc.returncode, elapsed, usage.ru_maxrss, tree_peak, stderr.decode(errors="replace")


def corpus_input(n: int, fmt: str) -> Path:
    if fmt == "txt":
        return corpus_folder(n)
    folder = CACHE / f"corpus-{n}-seed7-jsonl"
    if not (folder / "corpus.jsonl").exists():
        write_corpus(folder, n, fmt="jsonl")
    return folder / "corpus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000", help="comma-separated corpus sizes (default 500,2000)")
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs N to qualdeid scan")
    parser.add_argument("--input", choices=["txt", "jsonl"], default="txt", help="a folder of .txt or one .jsonl")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    print(f"qualdeid scan memory benchmark at {git_head()}; {machine_line()}")
    extra = []
    if args.jobs is not None:
        if not cli_supports("scan", "--jobs"):
            raise SystemExit("this qualdeid scan has no --jobs option yet; run without --jobs")
        extra = ["--jobs", str(args.jobs)]
    results = []
    for n in sizes:
        path = corpus_input(n, args.input)
        cmd = ["qualdeid", "scan", str(path), "--format", "jsonl", "--quiet", *extra]
        elapsed, max_rss, tree = measure(cmd)
        results.append((n, elapsed, max_rss, tree))
        print(
            f"  {n:>6} docs: {elapsed:7.1f} s, peak RSS largest process {max_rss / 1024:7.1f} MB, "
            f"process tree {tree / 1024:7.1f} MB",
            flush=True,
        )
    (n0, _, rss0, tree0), (n1, _, rss1, tree1) = results[0], results[-1]
    ratio = rss1 / rss0
    print(f"\n{' '.join(['qualdeid', 'scan', '<' + args.input + '>', '--format', 'jsonl', '--quiet', *extra])}")
    print(
        f"peak RSS {n1} vs {n0} documents: largest process {ratio:.2f}x, process tree {tree1 / max(tree0, 1):.2f}x "
        f"(+{(rss1 - rss0) / max(n1 - n0, 1):.1f} kB per extra document)"
    )
    print(f"target: < {TARGET_RATIO}x: {'meets target' if ratio < TARGET_RATIO else 'ABOVE target'}")


if __name__ == "__main__":
    main()
