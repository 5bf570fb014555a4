"""Train the clause judge of rare details (``detect/rare/clauses.py``) on gold sets.

Usage:
    python3 tools/train_rare_clauses.py GOLD.jsonl [GOLD2.jsonl ...] [--out WEIGHTS.npz] [--seed 13]

Every clause of every text (cut as the finder cuts them, with the default rules) is one example: a
detail when at least half of its characters are inside gold RARE spans. Features come from the same
parse detection uses (the pinned spaCy model, loaded offline). The network (one hidden layer over
standardised features) is trained with Adam on CPU (``train`` of ``train_rare.py``) with a fixed
seed: the same files give the same weights. Without ``--out`` the weights go to the package
(``src/qualdeid/detect/rare/model/rare_clauses.npz``).

Train only on helper-written gold sets, never on the dev corpus, and judge the judge by leaving sets
out: train without them, point a rules folder's ``rare/clauses.yaml`` (``clause_weights: /path``) at
the weights and run ``qualdeid evaluate LEFT_OUT_SET --rules FOLDER``. The clause is cut down by the
token network of ``rare/learned.yaml``; leave the same sets out of ``tools/train_rare.py`` too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from train_rare import train

from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.rare.clauses import DEFAULT_CLAUSE_WEIGHTS, ClauseModel, Cutting, clause_features, clauses
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.learned import token_features
from qualdeid.detect.rare.lexicon import RareRules
from qualdeid.rules import Rules

RARE = "RARE"


def file_features(path: Path, cache: Path | None) -> tuple[np.ndarray, np.ndarray]:
    """Features of every clause of a gold file and the share of its characters inside RARE spans."""
    if cache is not None:
        key = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        cached = cache / f"clauses-{path.parent.name}-{path.stem}-{key}.npz"
        if cached.is_file():
            with np.load(cached) as z:
                return z["x"], z["y"]
    nlp = load_model()
    rr = RareRules.load(Rules())
    cut = Cutting.of(rr)
    xs, ys = [], []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for sdoc, record in zip(nlp.pipe(r["text"] for r in records), records, strict=True):
        ctx = RareContext.read(sdoc, [], rr)
        features = token_features(sdoc, ctx.categories, sdoc.tensor.shape[1])
        inside = bytearray(len(sdoc.text))
        for s in record.get("spans") or []:
            if s["label"] == RARE:
                inside[s["start"] : s["end"]] = b"\x01" * (s["end"] - s["start"])
        for start, end in clauses(sdoc, cut):
            a, b = sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1])
            xs.append(clause_features(sdoc, features, start, end))
            ys.append(sum(inside[a:b]) / (b - a))
    x, y = np.stack(xs), np.array(ys, dtype=np.float32)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(cached, x=x, y=y)
    return x, y


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path, help="helper-written gold .jsonl files (never the dev corpus)")
    ap.add_argument("--out", type=Path, default=DEFAULT_CLAUSE_WEIGHTS, help="where the weights go")
    ap.add_argument("--hidden", type=int, default=32, help="hidden units (default 32)")
    ap.add_argument("--epochs", type=int, default=20, help="passes over the clauses (default 20)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="keep each file's features here between runs")
    args = ap.parse_args()
    for path in args.gold:
        if "/corpus/dev/" in path.resolve().as_posix():
            sys.exit(f"{path}: the dev corpus is a regression check, never training data")
    parts = [file_features(p, args.cache) for p in args.gold]
    x = np.concatenate([p[0] for p in parts])
    y = (np.concatenate([p[1] for p in parts]) >= 0.5).astype(np.float32)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-3
    print(f"{len(x)} clauses, {int(y.sum())} mostly inside rare details", file=sys.stderr)
    net = train((x - mean) / scale, y, args.hidden, args.epochs, args.seed, width=0)
    model = ClauseModel(mean, scale, net.hidden_w, net.hidden_b, net.out_w, net.out_b)
    model.save(args.out)
    print(f"weights written to {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
