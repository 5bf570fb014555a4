"""Cost of ``qualdeid scrub`` relative to ``qualdeid scan`` on the same documents, in the same run.

Both run as a user runs them, in subprocesses on the same folder of synthetic diaries (see
make_corpus.py), with the same ``--jobs``:
    qualdeid scan FOLDER --format jsonl --quiet --jobs J > /dev/null
    qualdeid scrub FOLDER -o OUT --key KEY --seed 1 --quiet --jobs J   (QUALDEID_PASSPHRASE set)
Each repetition runs both, in alternating order; scrub gets a new output folder and a new key each
time (so it does the whole job: detection, identity resolution, replacement, writing, key
encryption). Reported: median wall time of each, the median of the per-repetition ratios, and the
CPU-time ratio (robust to load from other processes). Target (issue 3): scrub <= 1.3x scan, --jobs 2.

Usage:  python3 benchmarks/bench_scrub.py [--docs 2000] [--repeat 3] [--jobs 2] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import cli_supports, corpus_folder, git_head, machine_line, median, run_quiet

TARGET_RATIO = 1.3
#: Only for this benchmark's throwaway keys.
BENCH_PASSPHRASE = "benchmark-only-passphrase"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; medians are reported (default 3)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs for both commands (default 2)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="500 docs, 1 repetition")
    parser.add_argument(
        "--timeout-factor",
        type=float,
        default=5.0,
        help="give up on scrub when it takes this many times the scan's wall time (default 5)",
    )
    args = parser.parse_args()
    if args.quick:
        args.docs, args.repeat = 500, 1
    if not cli_supports("scrub", "--key"):
        raise SystemExit("this qualdeid has no `scrub` command yet (issue 3); nothing to measure")

    folder = corpus_folder(args.docs, args.seed)
    jobs = ["--jobs", str(args.jobs)]
    os.environ["QUALDEID_PASSPHRASE"] = BENCH_PASSPHRASE
    print(f"qualdeid scrub vs scan benchmark at {git_head()}")
    print(f"corpus: {args.docs} documents in {folder}; {machine_line()}", flush=True)
    scan_cmd = ["qualdeid", "scan", str(folder), "--format", "jsonl", "--quiet", *jobs]
    scan_times: list[tuple[float, float]] = []
    scrub_times: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="qualdeid-bench-scrub-") as tmp:
        for rep in range(args.repeat):
            out, key = Path(tmp) / f"out-{rep}", Path(tmp) / f"key-{rep}" / "bench.key"
            key.parent.mkdir()
            scrub_cmd = ["qualdeid", "scrub", str(folder), "-o", str(out), "--key", str(key), "--seed", "1"]
            scrub_cmd += ["--quiet", *jobs]
            order = [("scan", scan_cmd, scan_times), ("scrub", scrub_cmd, scrub_times)]
            for name, cmd, times in order if rep % 2 == 0 else order[::-1]:
                limit = None if name == "scan" or not scan_times else max(120.0, args.timeout_factor * scan_times[0][0])
                try:
                    times.append(run_quiet(cmd, timeout=limit))
                except subprocess.TimeoutExpired:
                    raise SystemExit(
                        f"scrub did not finish within {limit:.0f} s ({args.timeout_factor}x the scan's time): killed"
                    ) from None
                wall, cpu = times[-1]
                print(f"  rep {rep + 1}/{args.repeat}  {name:<6} {wall:7.1f} s wall, {cpu:7.1f} s CPU", file=sys.stderr)
            written = sum(1 for p in out.rglob("*.txt"))
            if written != args.docs:
                raise SystemExit(f"scrub wrote {written} .txt files, expected {args.docs}")
            shutil.rmtree(out)

    wall_ratios = [b[0] / a[0] for a, b in zip(scan_times, scrub_times, strict=True)]
    cpu_ratios = [b[1] / a[1] for a, b in zip(scan_times, scrub_times, strict=True)]
    scan_wall, scrub_wall = median([t[0] for t in scan_times]), median([t[0] for t in scrub_times])
    print(f"\nrepetitions: {args.repeat} (medians; order alternated); {machine_line()}")
    print(f"{'command':<44}{'wall s':>8}{'docs/s':>9}{'CPU s':>8}")
    for name, wall, times in (("scan", scan_wall, scan_times), ("scrub", scrub_wall, scrub_times)):
        cpu = median([t[1] for t in times])
        print(f"{'qualdeid ' + name + ' ' + ' '.join(jobs):<44}{wall:>8.1f}{args.docs / wall:>9.2f}{cpu:>8.1f}")
    ratio = median(wall_ratios)
    spread = f" [{min(wall_ratios):.2f}-{max(wall_ratios):.2f}]" if len(wall_ratios) > 1 else ""
    print(f"\nscrub / scan wall time: {ratio:.2f}x{spread}; CPU time: {median(cpu_ratios):.2f}x")
    print(
        f"target: scrub <= {TARGET_RATIO}x scan with --jobs 2: {'meets' if ratio <= TARGET_RATIO else 'ABOVE target'}"
    )


if __name__ == "__main__":
    main()
