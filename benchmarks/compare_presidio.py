"""qualdeid against Presidio's default AnalyzerEngine on the same gold texts and the same spaCy model.

Runs presidio_baseline.py's predictions through ``qualdeid evaluate GOLD... --pred presidio.jsonl``
and qualdeid itself through ``qualdeid evaluate GOLD...`` (both ``--format json``), then prints per
gold label entity recall, leak rate and token recall side by side, and token precision overall and
per predicted label. Targets (issue 2): better recall on PERSON and LOCATION, no worse precision.

Usage:  python3 benchmarks/compare_presidio.py [GOLD.jsonl ...] [--model en_core_web_sm]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
from pathlib import Path

from common import git_head
from make_corpus import DEV_DIR
from presidio_baseline import DEFAULT_OUTPUT, default_gold, predict

RECALL_LABELS = ("PERSON", "LOCATION")


def evaluate(gold: list[Path], model: str, pred: Path | None = None) -> dict:
    cmd = ["qualdeid", "evaluate", *map(str, gold), "--format", "json", "--model", model]
    if pred is not None:
        cmd += ["--pred", str(pred)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} ... failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _diff(q: float | None, p: float | None) -> str:
    return "" if q is None or p is None else f"{q - p:+.3f}"


def print_comparison(presidio: dict, qualdeid: dict) -> bool:
    """Print the side-by-side tables; return whether the targets are met."""
    print(f"\n{'gold label':<14}{'gold':>6}  {'entity recall':^25}  {'leak rate':^17}  {'token recall':^17}")
    print(
        f"{'':<14}{'':>6}  {'presidio':>8}{'qualdeid':>9}{'':>8}  {'presidio':>8}{'qualdeid':>9}  "
        f"{'presidio':>8}{'qualdeid':>9}"
    )
    rows = [*presidio["labels"].items(), *presidio["groups"].items(), ("OVERALL", presidio["overall"])]
    for name, p in rows:
        q = qualdeid["overall"] if name == "OVERALL" else {**qualdeid["labels"], **qualdeid["groups"]}.get(name, {})
        print(
            f"{name:<14}{p['gold']:>6}  {_f(p['entity_recall']):>8}{_f(q.get('entity_recall')):>9}"
            f"{_diff(q.get('entity_recall'), p['entity_recall']):>8}  {_f(p['leak_rate']):>8}"
            f"{_f(q.get('leak_rate')):>9}  {_f(p['token_recall']):>8}{_f(q.get('token_recall')):>9}"
        )
    pp, qp = presidio["overall"]["token_precision"], qualdeid["overall"]["token_precision"]
    print(f"\n{'token precision':<30}{'presidio':>9}{'qualdeid':>9}")
    print(
        f"{'overall':<30}{_f(pp):>9}{_f(qp):>9}   ({presidio['overall']['predicted_tokens']} vs "
        f"{qualdeid['overall']['predicted_tokens']} predicted tokens)"
    )
    p_by, q_by = presidio.get("precision_by_predicted_label", {}), qualdeid.get("precision_by_predicted_label", {})
    for label in sorted(set(p_by) | set(q_by)):
        p, q = p_by.get(label, {}), q_by.get(label, {})
        print(f"  predicted {label:<18}{_f(p.get('token_precision')):>9}{_f(q.get('token_precision')):>9}")

    print("\ntargets (issue 2):")
    ok = True
    for label in RECALL_LABELS:
        p, q = presidio["labels"][label]["entity_recall"], qualdeid["labels"].get(label, {}).get("entity_recall")
        met = q is not None and q > p
        ok &= met
        print(f"  {label} entity recall better than Presidio: {_f(q)} vs {_f(p)}: {'meets' if met else 'NOT MET'}")
    met = qp is not None and pp is not None and qp >= pp
    ok &= met
    print(f"  token precision no worse than Presidio: {_f(qp)} vs {_f(pp)}: {'meets' if met else 'NOT MET'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help=f"gold jsonl files (default {DEV_DIR}/*.jsonl)")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument(
        "--pred-out", type=Path, help="where Presidio's predictions go (default: one file per set of gold files)"
    )
    args = parser.parse_args()
    gold = args.gold or default_gold()
    if not gold:
        raise SystemExit(f"no gold files given and none in {DEV_DIR}")
    if args.pred_out is None:
        # one file per gold set, so that several sets measured at once do not read each other's predictions
        key = hashlib.sha1("\n".join(str(g.resolve()) for g in gold).encode()).hexdigest()[:12]
        args.pred_out = DEFAULT_OUTPUT.with_name(f"presidio-{gold[0].parent.name}-{key}.jsonl")
    print(f"qualdeid vs Presidio default AnalyzerEngine at {git_head()}")
    print(f"gold: {', '.join(str(g) for g in gold)}; model {args.model}")
    predict(gold, args.pred_out, args.model)
    presidio = evaluate(gold, args.model, args.pred_out)
    qualdeid = evaluate(gold, args.model)
    print(f"commands: qualdeid evaluate GOLD --pred {args.pred_out} --format json")
    print("          qualdeid evaluate GOLD --format json")
    print_comparison(presidio, qualdeid)


if __name__ == "__main__":
    main()
