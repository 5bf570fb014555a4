"""Where the false-positive words are, over several gold sets: ``qualdeid evaluate --show-false`` per set,
its false words counted by predicted label, detector and kind (``whole``: no gold under the span;
``boundary``: the span runs past a gold span), ranked by the number of sets a class occurs in, then by
its false words. A class found in many sets is one that will recur in text nobody has seen yet.

Usage:  python3 benchmarks/false_classes.py [NAME=GOLD.jsonl ...] [--qualdeid PATH] [--top N]

The sets are those of ``eval_sets.py`` (the same ``NAME=FILE`` arguments). The table holds counts
only, no text: the spans themselves are in ``qualdeid evaluate GOLD --show-false`` (identifying).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter, defaultdict

from eval_sets import parse_sets


def false_words(command: str, gold: list[str]) -> Counter[tuple[str, str, str]]:
    """False words of one set by (label, detector, whole|boundary)."""
    cmd = [command, "evaluate", *gold, "--quiet", "--jobs", "1", "--show-false"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{command} evaluate {' '.join(gold)} failed ({proc.returncode})")
    counts: Counter[tuple[str, str, str]] = Counter()
    for line in proc.stderr.splitlines():
        fields = line.split("\t")
        if fields[0] == "false" and len(fields) >= 8:
            _, _, _, label, detector, kind, words, _ = fields[:8]
            counts[(label, detector, kind)] += len(words.split())
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", help="NAME=GOLD.jsonl[,GOLD2.jsonl] (default: the workplace's sets)")
    parser.add_argument("--qualdeid", default="qualdeid", help="the qualdeid command to run (default: on PATH)")
    parser.add_argument("--top", type=int, default=30, help="classes to print (default 30)")
    args = parser.parse_args()

    words: Counter[tuple[str, str, str]] = Counter()
    found_in: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
    for name, files in parse_sets(args.sets).items():
        for key, n in false_words(args.qualdeid, files).items():
            words[key] += n
            found_in[key].append(name)
        print(f"read {name}", file=sys.stderr)
    print(f"{'sets':>4}  {'words':>5}  {'label':<13} {'detector':<26} kind")
    for key in sorted(words, key=lambda k: (-len(found_in[k]), -words[k]))[: args.top]:
        label, detector, kind = key
        print(f"{len(found_in[key]):>4}  {words[key]:>5}  {label:<13} {detector:<26} {kind}")


if __name__ == "__main__":
    main()
