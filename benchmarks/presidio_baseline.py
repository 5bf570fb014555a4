"""Presidio's default AnalyzerEngine over gold jsonl texts, written in ``qualdeid scan``'s jsonl format.

The output can be scored exactly like qualdeid's own predictions:
    qualdeid evaluate GOLD.jsonl... --pred presidio.jsonl
Entity types are mapped to qualdeid's canonical labels (the finer Presidio type is kept as
``subtype``); scoring is label-agnostic anyway. Everything the default engine returns is kept, NRP
(nationalities, religious and political groups) included, as a user of plain Presidio would get it;
``--drop-nrp`` leaves NRP out, as qualdeid does.

With ``--time FOLDER`` it only times the engine instead, as ``bench_scan.py`` uses it: a fresh
process (nothing of qualdeid's detection loaded or set), the default engine built as Presidio's
documentation shows, ``analyze`` called document by document on the first ``--docs`` .txt files of
FOLDER (name order); it prints the loop's wall and CPU seconds as JSON (model loading and one
warm-up call excluded).

Usage:  python3 benchmarks/presidio_baseline.py [GOLD.jsonl ...] [-o presidio.jsonl]
        python3 benchmarks/presidio_baseline.py --time FOLDER [--docs 200]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path

from common import CACHE, presidio_default_analyzer
from make_corpus import DEV_DIR
from qualdeid.corpus.writers import atomic_open
from qualdeid.detect.nlp.presidio import PRESIDIO_TO_CANONICAL

DEFAULT_OUTPUT = CACHE / "presidio-dev.jsonl"


def gold_records(paths: list[Path]) -> Iterator[dict]:
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def predict(paths: list[Path], output: Path, model: str = "en_core_web_sm", drop_nrp: bool = False) -> int:
    """Write Presidio's predictions for every record of ``paths`` to ``output``; returns the record count."""
    analyzer = presidio_default_analyzer(model)
    count = 0
    with atomic_open(output) as out:
        for record in gold_records(paths):
            text = record["text"]
            spans = []
            for r in sorted(analyzer.analyze(text, language="en"), key=lambda r: (r.start, r.end)):
                if drop_nrp and r.entity_type == "NRP":
                    continue
                label = PRESIDIO_TO_CANONICAL.get(r.entity_type, r.entity_type)
                span = {
                    "start": r.start,
                    "end": r.end,
                    "label": label,
                    "text": text[r.start : r.end],
                    "score": round(r.score, 4),
                    "detector": (r.recognition_metadata or {}).get("recognizer_name", "presidio"),
                }
                if label != r.entity_type:
                    span["subtype"] = r.entity_type
                spans.append(span)
            out.write(json.dumps({"id": record["id"], "text": text, "spans": spans}, ensure_ascii=False) + "\n")
            count += 1
    return count


def time_loop(folder: Path, docs: int, model: str = "en_core_web_sm") -> dict[str, float]:
    """Wall and CPU seconds of the default engine's per-document loop over ``docs`` files of ``folder``."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))[:docs]]
    analyzer = presidio_default_analyzer(model)
    analyzer.analyze(texts[0], language="en")  # warm up
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        analyzer.analyze(text, language="en")
    return {"docs": len(texts), "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def default_gold() -> list[Path]:
    return sorted(DEV_DIR.glob("*.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help=f"gold jsonl files (default {DEV_DIR}/*.jsonl)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--drop-nrp", action="store_true", help="leave out NRP predictions")
    parser.add_argument("--time", type=Path, metavar="FOLDER", help="only time the engine over FOLDER's .txt files")
    parser.add_argument("--docs", type=int, default=200, help="with --time: how many documents (default 200)")
    args = parser.parse_args()
    if args.time:
        print(json.dumps(time_loop(args.time, args.docs, args.model)))
        return
    gold = args.gold or default_gold()
    if not gold:
        raise SystemExit(f"no gold files given and none in {DEV_DIR}")
    n = predict(gold, args.output, args.model, args.drop_nrp)
    print(f"{n} documents: Presidio predictions written to {args.output}")


if __name__ == "__main__":
    main()
