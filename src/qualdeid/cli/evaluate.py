"""``qualdeid evaluate``: score detection against hand-annotated gold data."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from qualdeid.cli import common
from qualdeid.cli.common import (
    EXIT_INPUT_ERRORS,
    EXIT_OK,
    ErrorReport,
    detect_corpus,
    detect_options,
    fail,
)
from qualdeid.corpus import Document, InputError, Span
from qualdeid.corpus.readers import Corpus

EVALUATE_HELP = """Score detection against hand-annotated GOLD .jsonl files.

\b
Each gold record holds "id", "text" and "spans" ([{"start", "end", "label", ...}], labels
PERSON, LOCATION, ORGANIZATION, DATE, AGE, CONTACT, ID, RARE). The detector is run on the texts,
or the predictions in --pred (the output of `qualdeid scan --format jsonl`) are scored instead.

\b
Measures, per gold label, for the DIRECT identifiers together and overall:
  recall       share of gold spans at least half covered by predictions (any label)
  leak         share of gold spans with no predicted character at all
  tok.recall   share of the gold spans' words touched by a prediction
and token precision (share of predicted words that are inside a gold span), overall and per
predicted label. This is the evidence an ethics committee can be shown.

\b
Examples:
  qualdeid evaluate examples/gold.jsonl
  qualdeid evaluate sample-annotated.jsonl --format json > detection-report.json
  qualdeid scan sample.jsonl --format jsonl > pred.jsonl && qualdeid evaluate sample.jsonl --pred pred.jsonl

The report holds counts only. --show-missed lists the missed spans on stderr, --show-false the
predicted spans with words outside the gold (with the detector that found them and whether the whole
span is false or it runs past a gold span): both lists contain identifying text and must not be shared.
"""


@click.command(help=EVALUATE_HELP)
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this scan output (jsonl) instead of running the detector.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@detect_options
@click.option(
    "--show-missed", is_flag=True, help="List missed gold spans on stderr (CONTAINS IDENTIFYING TEXT; do not share)."
)
@click.option(
    "--show-false",
    is_flag=True,
    help="List predicted spans with words outside the gold on stderr (CONTAINS IDENTIFYING TEXT; do not share).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar on stderr.")
def evaluate(
    gold: tuple[Path, ...],
    pred: Path | None,
    fmt: str,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
    show_missed: bool,
    show_false: bool,
    quiet: bool,
) -> None:
    from qualdeid.evaluate import Score, score_document

    for g in gold:
        if g.suffix.lower() != ".jsonl" or not g.is_file():
            fail(f"{g}: gold data must be an existing .jsonl file (records with id, text and spans)")
    errors = ErrorReport()
    corpus = Corpus([str(g) for g in gold])
    if pred is not None:
        predicted = _read_predictions(pred)
        documents: Iterable[Document] = _report_errors(corpus, errors)
    else:
        detector = common.make_detector(model, rules_dirs, jobs)
        documents = detect_corpus(detector, corpus, errors, show_progress=not quiet, label="Evaluating")
        predicted = None
    score = Score()
    unmatched = 0
    bad_gold: set[str] = set()
    for doc in documents:
        try:
            gold_spans = [Span.from_dict(s, doc.text) for s in doc.meta.get("spans") or []]
        except (KeyError, TypeError, ValueError):
            bad_gold.add(str(doc.source))
            continue
        if predicted is None:
            pred_spans = doc.spans
        elif doc.id in predicted:
            pred_spans = predicted[doc.id]
        else:
            pred_spans, unmatched = [], unmatched + 1
        score_document(doc.text, gold_spans, pred_spans, score, doc.id)
    for source in sorted(bad_gold):
        errors(
            InputError(
                source,
                "a record has malformed gold 'spans' (need start, end, label, and a text that is the record's "
                "text at those offsets); it was skipped",
            )
        )
    if unmatched:
        click.echo(f"warning: {unmatched} gold document(s) have no record in {pred}; scored as nothing found", err=True)
    if score.invalid:
        click.echo(f"warning: {score.invalid} gold span(s) with offsets outside their text were ignored", err=True)
    result = score.as_dict()
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
    else:
        _print_evaluation(result)
    if show_missed and score.missed:
        click.echo("# missed gold spans — CONTAINS IDENTIFYING TEXT, do not share", err=True)
        for doc_id, s in score.missed:
            click.echo(f"missed\t{doc_id}\t{s.start}-{s.end}\t{s.label}\t{s.text}", err=True)
    if show_false and score.false:
        click.echo("# predicted spans with words outside the gold — CONTAINS IDENTIFYING TEXT, do not share", err=True)
        click.echo("# false  document  offsets  label  detector  whole|boundary  false words  span", err=True)
        for doc_id, s, words, kind in score.false:
            fields = (doc_id, f"{s.start}-{s.end}", s.label, s.detector or "-", kind, " ".join(words), s.text)
            click.echo("false\t" + "\t".join(fields), err=True)
    sys.exit(EXIT_INPUT_ERRORS if errors.count else EXIT_OK)


def _report_errors(corpus: Corpus, errors: ErrorReport) -> Iterator[Document]:
    for item in corpus:
        if isinstance(item, InputError):
            errors(item)
        else:
            yield item


def _read_predictions(path: Path) -> dict[str, list[Span]]:
    predicted: dict[str, list[Span]] = {}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        fail(f"{path}: cannot read the predictions ({type(e).__name__})")
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            predicted[str(record["id"])] = [Span.from_dict(s) for s in record.get("spans") or []]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            fail(f"{path}: line {lineno} is not a scan record (need id and spans; make it with scan --format jsonl)")
    return predicted


def _print_evaluation(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    table = Table(title=f"Detection against gold ({result['documents']} documents)", title_justify="left")
    for name, justify in (("gold label", "left"), ("gold", "right"), ("recall", "right"), ("leak", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    table.add_column("tok.recall", justify="right")
    rows = [(k, v, "") for k, v in result["labels"].items()]
    rows += [(k, v, "bold") for k, v in result["groups"].items()]
    rows.append(("OVERALL", result["overall"], "bold"))
    for i, (name, c, style) in enumerate(rows):
        table.add_row(
            name,
            str(c["gold"]),
            _f(c["entity_recall"]),
            _f(c["leak_rate"]),
            _f(c["token_recall"]),
            style=style,
            end_section=i == len(result["labels"]) - 1,
        )
    console.print(table)
    console.print("DIRECT = PERSON, LOCATION, ORGANIZATION, CONTACT and ID together.\n", style="dim")
    prec = Table(title="Token precision by predicted label", title_justify="left")
    for name in ("predicted label", "spans", "tokens", "precision"):  # format: JSON keys of qualdeid's output
        prec.add_column(name, justify="left" if name == "predicted label" else "right")
    by_label = result["precision_by_predicted_label"]
    for i, (label, p) in enumerate(by_label.items()):
        prec.add_row(
            label,
            str(p["predicted"]),
            str(p["predicted_tokens"]),
            _f(p["token_precision"]),
            end_section=i == len(by_label) - 1,
        )
    overall = result["overall"]
    prec.add_row("OVERALL", "", str(overall["predicted_tokens"]), _f(overall["token_precision"]), style="bold")
    console.print(prec)


def _f(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"
