"""Detection figures on several gold sets at once: one ``qualdeid evaluate --format json`` per set,
one table row per set (DIRECT recall, DIRECT leak, token precision, RARE recall, PERSON recall).

Usage:  python3 benchmarks/eval_sets.py [NAME=GOLD.jsonl ...] [--qualdeid PATH] [--json OUT]

Without arguments it reads the sets of this workplace that exist (the dev corpus, then every
``benchmarks/sets/SET/gold.jsonl`` (the measured held-out sets kept with the project),
``/work/blind/SET/gold.jsonl`` and ``/work/train/SET/gold.jsonl``); a set given as
``NAME=a.jsonl,b.jsonl`` is scored as one.
``--qualdeid`` runs another installation's command (a venv of ``main``, say) for a side-by-side
before/after; ``--json`` keeps the raw reports. The table holds counts only, no text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path


def _default_sets() -> dict[str, list[str]]:
    """The dev corpus, then every gold set of this workplace's blind and training folders, in name order."""
    sets = {"dev E": ["/work/shared/corpus/dev/E.jsonl"], "dev F": ["/work/shared/corpus/dev/F.jsonl"]}
    for folder in (str(Path(__file__).parent / "sets"), "/work/blind", "/work/train"):
        golds = sorted(Path(folder).glob("*/gold.jsonl"), key=lambda p: (len(p.parent.name), p.parent.name))
        sets |= {gold.parent.name: [str(gold)] for gold in golds}
    return sets


DEFAULT_SETS = _default_sets()

COLUMNS = ("docs", "DIRECT rec", "DIRECT leak", "tok prec", "RARE rec", "PERSON rec")


def evaluate(command: str, gold: list[str], jobs: int) -> dict:
    cmd = [command, "evaluate", *gold, "--format", "json", "--quiet", "--jobs", str(jobs)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{command} evaluate {' '.join(gold)} failed ({proc.returncode}): {proc.stderr[-1000:]}")
    return json.loads(proc.stdout)


def row(report: dict) -> list[str]:
    def get(*keys: str) -> float | None:
        node = report
        for k in keys:
            if not isinstance(node, dict) or k not in node:
                return None
            node = node[k]
        return node

    values = [
        get("groups", "DIRECT", "entity_recall"),
        get("groups", "DIRECT", "leak_rate"),
        get("overall", "token_precision"),
        get("labels", "RARE_DETAIL", "entity_recall"),
        get("labels", "PERSON", "entity_recall"),
    ]
    return [str(report.get("documents", "-"))] + ["-" if v is None else f"{v:.4f}" for v in values]


def parse_sets(args: list[str]) -> dict[str, list[str]]:
    if not args:
        return {name: files for name, files in DEFAULT_SETS.items() if all(Path(f).exists() for f in files)}
    sets = {}
    for arg in args:
        name, _, files = arg.partition("=")
        sets[name] = files.split(",") if files else [name]
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", help="NAME=GOLD.jsonl[,GOLD2.jsonl] (default: the workplace's sets)")
    parser.add_argument("--qualdeid", default="qualdeid", help="the qualdeid command to run (default: on PATH)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes per evaluation (default 1)")
    parser.add_argument("--json", type=Path, help="write the raw reports here")
    args = parser.parse_args()

    sets = parse_sets(args.sets)
    reports = {}
    widths = [max(len(c), 7) for c in COLUMNS]
    print(f"{'set':<10}" + "  ".join(c.rjust(w) for c, w in zip(COLUMNS, widths, strict=True)))
    for name, files in sets.items():
        reports[name] = evaluate(args.qualdeid, files, args.jobs)
        print(f"{name:<10}" + "  ".join(v.rjust(w) for v, w in zip(row(reports[name]), widths, strict=True)))
        sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1))


if __name__ == "__main__":
    main()
