r"""Fine-tune en_core_web_sm's entity recogniser on gold-annotated informal text, reproducibly, on the CPU.

The weights shipped in ``src/qualdeid/detect/nlp/ner/`` were made by (about 10 minutes on a busy core):

    python3 tools/train_ner.py /work/blind/S{16,17,...,31}/gold.jsonl --out build/ner \
        --rehearsal --generated 150 --max-epochs 4 --held-out-groups 0 --seed 0 --install

and the held-out measurement (``benchmarks/README.md``) used the same settings on the older sets only,
with 6 groups held out for early stopping (``--max-epochs 6 --patience 2``; best epoch 4).

Only the ``ner`` component changes (it has its own tok2vec, so the tagger, lemmatizer and sentence
recogniser are untouched), and it keeps the model's own label set. Detection runs it BESIDE the stock
one (``qualdeid.detect.nlp.trained_ner``, ``QUALDEID_NER=add``): it only adds people, places and
organisations where the stock recogniser found nothing. What each token is taught (``Teacher.reference_tags``):
- inside a gold PERSON, LOCATION, ORGANIZATION or DATE span: PERSON (a leading title left open), a place
  label (GPE, LOC or FAC), ORG or DATE;
- inside a gold AGE, CONTACT, ID or RARE span: nothing (missing), they are the rules' business;
- elsewhere, what the original model predicted for the labels gold does not use (NORP, CARDINAL,
  TIME, ...), so the model keeps what it knew; its PERSON, ORG and places that gold does not mark are
  taught as "not an entity", except countries, states and languages (the guideline does not mark them,
  which is no evidence either way: missing).
``--rehearsal`` adds the gold texts once more with the original model's own entities as the targets
(``Teacher.rehearsal_tags``, gold spans left open), so that the corrections do not wash out what it
knew about ordinary text (``--rehearsal-weight N`` adds them N times). ``--generated N`` adds documents
of ``tools/ner_templates.yaml`` filled with names of many languages from Faker's locales
(``generate_ner_data.py``). ``--held-out-groups N`` holds out whole groups of the gold documents (a
setting and its cast, chosen by the seed) for early stopping on their F1 (0: train every epoch on all,
keep the last). Never give it the development corpus. Fixed seeds, fixed string hashing and one BLAS
thread make a run repeat. The result is ``OUT/ner`` (spaCy's ``to_disk`` of the component, without the
vocabulary, with ``manifest.json``: checksums the loader verifies), ``OUT/pipeline`` (the whole pipeline
with it in place of the stock one) and ``OUT/training.json`` (the settings, the data's checksums and the
held-out figures per epoch); ``--install`` copies ``OUT/ner`` into the package. To measure a run without
installing it: ``QUALDEID_NER=add QUALDEID_NER_DIR=OUT/ner python3 benchmarks/eval_sets.py ...``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from generate_ner_data import Generator, fixed_hash_seed  # noqa: E402  (tools/, beside this script)

from qualdeid.detect.nlp.loading import resolve_model_name  # noqa: E402
from qualdeid.detect.nlp.trained_ner import NER_DIR, write_manifest  # noqa: E402
from qualdeid.rules import Rules  # noqa: E402

BASE_MODEL = "en_core_web_sm"

#: gold label -> what the entity recogniser is taught (places get GPE, LOC or FAC: ``place_label``)
TAUGHT = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "DATE": "DATE"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: the original model's labels whose predictions outside gold spans are wrong by the gold standard
GOLD_LABELS = frozenset({"PERSON", "ORG", *PLACE_LABELS})
#: gold labels the held-out score counts (the direct identifiers the recogniser can find)
SCORED = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})


@dataclass(frozen=True)
class Record:
    id: str
    group: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


def read_gold(paths: Iterable[Path]) -> list[Record]:
    records = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            records.extend(_record(json.loads(line)) for line in f if line.strip())
    return records


def _record(r: dict[str, Any]) -> Record:
    spans = tuple((s["start"], s["end"], s["label"]) for s in r["spans"])
    return Record(r["id"], r.get("group", r["id"]), r["text"], spans)


def split_groups(records: Sequence[Record], held_out: int, seed: int) -> tuple[list[Record], list[Record]]:
    """Whole groups held out: a cast seen in training would flatter the held-out score."""
    groups = sorted({r.group for r in records})
    chosen = set(random.Random(seed).sample(groups, held_out))
    return [r for r in records if r.group not in chosen], [r for r in records if r.group in chosen]


class Teacher:
    """Builds each document's reference tags from its gold spans and the original model's predictions."""

    def __init__(self, nlp: Language, rules: Rules) -> None:
        self.nlp = nlp
        self.titles = rules.titles.names
        self.not_places = rules.words("lexicons/not_places.txt", lower=True)
        self.place_heads = rules.words("lexicons/street_types.txt") | rules.words("lexicons/venue_types.txt")

    def place_label(self, doc: Doc, start: int, end: int, predicted: Sequence[Any]) -> str:
        for ent in predicted:
            if ent.label_ in PLACE_LABELS and ent.start < end and start < ent.end:
                return ent.label_
        words = doc[start:end]
        if any(t.like_num for t in words) or words[-1].text in self.place_heads:
            return "FAC"
        return "GPE"

    def reference_tags(self, record: Record) -> tuple[Doc, list[str]]:
        """The document as the original model reads it, and one BILUO tag per token ("-": missing)."""
        doc = self.nlp(record.text)
        tags = ["O"] * len(doc)
        gold_tokens: set[int] = set()
        for start, end, label in _lines(record):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            gold_tokens.update(range(span.start, span.end))
            exact = doc.char_span(start, end) is not None
            taught = TAUGHT.get(label)
            if label == "LOCATION":
                taught = self.place_label(doc, span.start, span.end, doc.ents)
            first = span.start
            if taught == "PERSON":
                # gold includes a title ("Dr Okafor"), the model's own entities do not: leave it open
                while first < span.end - 1 and doc[first].lower_.rstrip(".") in self.titles:
                    tags[first] = "-"
                    first += 1
            if taught is None or not exact:
                tags[span.start : span.end] = ["-"] * len(span)
            else:
                tags[first : span.end] = _biluo(taught, span.end - first)
        for ent in doc.ents:
            inside = [i for i in range(ent.start, ent.end) if i in gold_tokens]
            if inside:
                for i in range(ent.start, ent.end):
                    if i not in gold_tokens:
                        tags[i] = "-"
            elif ent.label_ not in GOLD_LABELS:
                tags[ent.start : ent.end] = _biluo(ent.label_, len(ent))
            elif ent.text.lower().removeprefix("the ") in self.not_places:
                tags[ent.start : ent.end] = ["-"] * len(ent)
        return doc, tags

    def rehearsal_tags(self, record: Record) -> tuple[Doc, list[str]]:
        """The original model's own entities, left open (missing) where they touch a gold span: what it
        knew, kept beside the corrections of ``reference_tags``."""
        doc = self.nlp(record.text)
        tags = ["O"] * len(doc)
        for ent in doc.ents:
            tags[ent.start : ent.end] = _biluo(ent.label_, len(ent))
        for start, end, _ in record.spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            first, last = span.start, span.end
            for ent in doc.ents:
                if ent.start < last and first < ent.end:
                    first, last = min(first, ent.start), max(last, ent.end)
            tags[first:last] = ["-"] * (last - first)
        return doc, tags


def _lines(record: Record) -> Iterator[tuple[int, int, str]]:
    """The gold spans split at line breaks: an address block is one entity per line to the model."""
    for start, end, label in record.spans:
        for m in re.finditer(r"[^\n]+", record.text[start:end]):
            piece = m.group()
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                yield start + m.start() + lead, start + m.start() + len(piece.rstrip()), label


def _biluo(label: str, n: int) -> list[str]:
    if n == 1:
        return [f"U-{label}"]
    return [f"B-{label}", *[f"I-{label}"] * (n - 2), f"L-{label}"]


def make_examples(
    nlp: Language, teacher: Teacher, records: Iterable[Record], *, rehearsal: bool = False
) -> list[Example]:
    examples = []
    for record in records:
        doc, tags = teacher.rehearsal_tags(record) if rehearsal else teacher.reference_tags(record)
        examples.append(
            Example.from_dict(nlp.make_doc(record.text), {"words": [t.text for t in doc], "entities": tags})
        )
    return examples


@dataclass(frozen=True)
class HeldOutScore:
    recall: float  # gold PERSON/LOCATION/ORGANIZATION spans at least half covered by a predicted name, place or org
    precision: float  # predicted name/place/org tokens inside some gold span
    gold: int
    predicted_tokens: int

    @property
    def f1(self) -> float:
        return (
            2 * self.recall * self.precision / (self.recall + self.precision) if self.recall + self.precision else 0.0
        )


def score(nlp: Language, records: Sequence[Record]) -> HeldOutScore:
    found = gold = hits = predicted = 0
    for record, doc in zip(records, nlp.pipe(r.text for r in records), strict=True):
        ents = [e for e in doc.ents if e.label_ in GOLD_LABELS]
        covered = {i for e in ents for i in range(e.start_char, e.end_char)}
        for start, end, label in record.spans:
            if label in SCORED:
                gold += 1
                found += 2 * sum(1 for i in range(start, end) if i in covered) >= end - start
        for e in ents:
            for t in e:
                predicted += 1
                hits += any(s <= t.idx < e_ for s, e_, _ in record.spans)
    return HeldOutScore(found / gold if gold else 0.0, hits / predicted if predicted else 0.0, gold, predicted)


def train(
    nlp: Language,
    train_examples: list[Example],
    held_out: Sequence[Record],
    *,
    seed: int,
    max_epochs: int,
    patience: int,
    dropout: float,
    learn_rate: float,
    batch_size: int,
    log: list[dict[str, Any]],
) -> bytes:
    """Update the ``ner`` component; returns the weights of the epoch with the best held-out F1 (with
    nothing held out, those of the last epoch)."""
    ner = nlp.get_pipe("ner")
    optimizer = nlp.resume_training()
    optimizer.learn_rate = learn_rate
    rng = random.Random(seed)
    base = score(nlp, held_out)
    best, best_epoch, best_bytes = base.f1, 0, ner.to_bytes()
    log.append({"epoch": 0, **_figures(base)})
    _print(log[-1])
    for epoch in range(1, max_epochs + 1):
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        for i in range(0, len(train_examples), batch_size):
            nlp.update(train_examples[i : i + batch_size], drop=dropout, sgd=optimizer, losses=losses)
        figures = score(nlp, held_out)
        log.append({"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1), **_figures(figures)})
        _print(log[-1])
        if not held_out or figures.f1 > best:  # nothing held out: the last epoch's weights
            best, best_epoch, best_bytes = figures.f1, epoch, ner.to_bytes()
        elif epoch - best_epoch >= patience:
            break
    log.append({"best_epoch": best_epoch})
    return best_bytes


def _figures(s: HeldOutScore) -> dict[str, Any]:
    return {"recall": round(s.recall, 4), "precision": round(s.precision, 4), "f1": round(s.f1, 4)}


def _print(row: dict[str, Any]) -> None:
    print(json.dumps(row), file=sys.stderr, flush=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold .jsonl files (id, group, text, spans)")
    parser.add_argument("--out", type=Path, required=True, help="folder for ner/ and training.json")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generated", type=int, default=150, help="generated documents added to the training data")
    parser.add_argument(
        "--rehearsal", action="store_true", help="also the gold texts with the original model's entities as targets"
    )
    parser.add_argument(
        "--rehearsal-weight", type=int, default=1, help="times the rehearsal texts are added (with --rehearsal)"
    )
    parser.add_argument("--held-out-groups", type=int, default=6, help="groups kept for early stopping")
    parser.add_argument("--max-epochs", type=int, default=30)
    parser.add_argument("--patience", type=int, default=4, help="epochs without a better held-out F1 before stopping")
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--install", action="store_true", help="copy the result into src/qualdeid/detect/nlp/ner/")
    args = parser.parse_args(argv)

    fixed_hash_seed()
    spacy.util.fix_random_seed(args.seed)
    with threadpool_limits(1):
        nlp = spacy.load(resolve_model_name(BASE_MODEL), exclude=["parser", "senter"])
        records = read_gold(args.gold)
        train_records, held_out = split_groups(records, args.held_out_groups, args.seed)
        rules = Rules()
        generated = [_record(d) for d in Generator(args.seed, rules).documents(args.generated)]
        teacher = Teacher(nlp, rules)
        print(
            f"training on {len(train_records)} gold documents of {', '.join(str(p) for p in args.gold)}, "
            f"{len(generated)} generated, rehearsal x{args.rehearsal_weight if args.rehearsal else 0}; "
            f"held out for early stopping: {len(held_out)} documents of {len({r.group for r in held_out})} groups",
            file=sys.stderr,
            flush=True,
        )
        with nlp.select_pipes(enable=["ner"]):
            examples = make_examples(nlp, teacher, [*train_records, *generated])
            if args.rehearsal:
                examples += make_examples(nlp, teacher, train_records, rehearsal=True) * args.rehearsal_weight
            log: list[dict[str, Any]] = []
            weights = train(
                nlp,
                examples,
                held_out,
                seed=args.seed,
                max_epochs=args.max_epochs,
                patience=args.patience,
                dropout=args.dropout,
                learn_rate=args.learn_rate,
                batch_size=args.batch_size,
                log=log,
            )
    ner = nlp.get_pipe("ner")
    ner.from_bytes(weights)
    out = args.out / "ner"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    ner.to_disk(out, exclude=["vocab"])
    pipeline = spacy.load(resolve_model_name(BASE_MODEL))
    pipeline.get_pipe("ner").from_disk(out, exclude=["vocab"])
    pipeline.to_disk(args.out / "pipeline")  # the whole pipeline, for `qualdeid evaluate --model OUT/pipeline`
    report = {
        "base_model": f"{nlp.meta['name']} {nlp.meta['version']}",
        "spacy": spacy.__version__,
        "arguments": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k != "gold"},
        "gold": {f"{p.parent.name}/{p.name}": _sha256(p) for p in args.gold},
        "documents": {"train": len(train_records), "generated": len(generated), "held_out": len(held_out)},
        "held_out_groups": len({r.group for r in held_out}),  # counts only: no text of the sets ships
        "epochs": log,
    }
    (args.out / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    write_manifest(out, base_model=report["base_model"], trained=report)
    print(f"weights in {out} (QUALDEID_NER_DIR={out} QUALDEID_NER=add|replace to use them)", file=sys.stderr)
    if args.install:
        if NER_DIR.exists():
            shutil.rmtree(NER_DIR)
        shutil.copytree(out, NER_DIR)
        print(f"installed in {NER_DIR}", file=sys.stderr)


if __name__ == "__main__":
    main()
