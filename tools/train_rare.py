"""Train the rare-detail finder's token network (``detect/rare/learned.py``) on gold sets.

Usage:
    python3 tools/train_rare.py GOLD.jsonl [GOLD2.jsonl ...] [--out WEIGHTS.npz] [--seed 13]

Every token of every text is one example: inside a gold RARE span or not. Features come from the
same parse detection uses (the pinned spaCy model, loaded offline), so the weights fit what the
finder sees at run time. The network (one hidden layer) is trained with Adam on CPU for a few epochs
with a fixed seed: the same files give the same weights. Without ``--out`` the weights go to the
package (``src/qualdeid/detect/rare/model/rare_tokens.npz``).

Train only on helper-written gold sets, never on the dev corpus (it stays a regression check), and
judge the finder by leave-one-set-out: train without a set, then point a rules folder's
``rare/learned.yaml`` (``weights: /path/to/that.npz``) at the weights and run ``qualdeid evaluate
THE_LEFT_OUT_SET --rules FOLDER``. ``--cache DIR`` keeps each file's features between runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from qualdeid.detect.nlp.loading import load_model
from qualdeid.detect.rare.context import RareContext
from qualdeid.detect.rare.learned import DEFAULT_WEIGHTS, TokenModel, token_features
from qualdeid.detect.rare.lexicon import RareRules
from qualdeid.rules import Rules

RARE = "RARE"


def file_features(path: Path, cache: Path | None) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels (1: inside a gold RARE span) of every token of a gold file."""
    if cache is not None:
        key = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        cached = cache / f"{path.parent.name}-{path.stem}-{key}.npz"
        if cached.is_file():
            with np.load(cached) as z:
                return z["x"], z["y"]
    nlp = load_model()
    rr = RareRules.load(Rules())
    xs, ys = [], []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for sdoc, record in zip(nlp.pipe(r["text"] for r in records), records, strict=True):
        ctx = RareContext.read(sdoc, [], rr)
        xs.append(token_features(sdoc, ctx.categories, sdoc.tensor.shape[1]))
        inside = bytearray(len(sdoc.text))
        for s in record.get("spans") or []:
            if s["label"] == RARE:
                inside[s["start"] : s["end"]] = b"\x01" * (s["end"] - s["start"])
        ys.append(np.array([any(inside[t.idx : t.idx + len(t)]) for t in sdoc], dtype=np.float32))
    x, y = np.concatenate(xs), np.concatenate(ys)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(cached, x=x, y=y)
    return x, y


def train(x: np.ndarray, y: np.ndarray, hidden: int, epochs: int, seed: int, width: int) -> TokenModel:
    """A one-hidden-layer network fitted by minibatch Adam on the logistic loss, L2-regularised."""
    rng = np.random.default_rng(seed)
    d = x.shape[1]
    params = [
        rng.normal(0, np.sqrt(2 / d), (d, hidden)).astype(np.float32),
        np.zeros(hidden, np.float32),
        rng.normal(0, np.sqrt(1 / hidden), hidden).astype(np.float32),
        np.zeros(1, np.float32),
    ]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, b1, b2, l2, batch, step = 1e-3, 0.9, 0.999, 1e-4, 256, 0
    for epoch in range(epochs):
        order = rng.permutation(len(x))
        loss = 0.0
        for k in range(0, len(order), batch):
            idx = order[k : k + batch]
            xb, yb = x[idx], y[idx]
            w1, b1_, w2, b2_ = params
            pre = xb @ w1 + b1_
            h = np.maximum(pre, 0)
            logit = h @ w2 + b2_[0]
            p = 1 / (1 + np.exp(-logit))
            loss += float(-np.sum(yb * np.log(p + 1e-9) + (1 - yb) * np.log(1 - p + 1e-9)))
            g = (p - yb) / len(idx)
            grads = [None, None, h.T @ g + l2 * w2, np.array([g.sum()], np.float32)]
            gh = np.outer(g, w2) * (pre > 0)
            grads[0] = xb.T @ gh + l2 * w1
            grads[1] = gh.sum(axis=0)
            step += 1
            for i, (p_, g_) in enumerate(zip(params, grads, strict=True)):
                m[i] = b1 * m[i] + (1 - b1) * g_
                v[i] = b2 * v[i] + (1 - b2) * g_ * g_
                mh = m[i] / (1 - b1**step)
                vh = v[i] / (1 - b2**step)
                params[i] = (p_ - lr * mh / (np.sqrt(vh) + 1e-8)).astype(np.float32)
        print(f"epoch {epoch + 1}: mean loss {loss / len(x):.4f}", file=sys.stderr)
    w1, b1_, w2, b2_ = params
    return TokenModel(hidden_w=w1, hidden_b=b1_, out_w=w2, out_b=float(b2_[0]), width=width)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path, help="helper-written gold .jsonl files (never the dev corpus)")
    ap.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS, help="where the weights go (default: the package)")
    ap.add_argument("--hidden", type=int, default=32, help="hidden units (default 32)")
    ap.add_argument("--epochs", type=int, default=4, help="passes over the tokens (default 4)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, help="keep each file's features here between runs")
    args = ap.parse_args()
    for path in args.gold:
        if "/corpus/dev/" in path.resolve().as_posix():
            sys.exit(f"{path}: the dev corpus is a regression check, never training data")
    parts = [file_features(p, args.cache) for p in args.gold]
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    width = load_model()("a").tensor.shape[1]
    print(f"{len(x)} tokens, {int(y.sum())} inside rare details", file=sys.stderr)
    model = train(x, y, args.hidden, args.epochs, args.seed, width)
    model.save(args.out)
    print(f"weights written to {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
