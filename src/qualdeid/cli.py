"""The qualdeid command line: ``qualdeid COMMAND --help`` explains each command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from qualdeid.corpus import Document, InputError, Span, canonical_label
from qualdeid.corpus.readers import Corpus

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="qualdeid")
def main() -> None:
    """De-identify qualitative research text.

    \b
    qualdeid scan     find names, places, dates, contacts, IDs and rare details
    qualdeid evaluate measure detection against a hand-annotated sample
    """


# ---------------------------------------------------------------- scan


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default=None,
    help="Output format; default: table on a terminal, jsonl otherwise.",
)
@click.option("--text-column", help="Column holding the text, for .csv input.")
@click.option("--model", default=None, help="Installed spaCy pipeline to use (default en_core_web_sm).")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A project rules folder, applied on top of the defaults (repeatable).",
)
@click.option("--quiet", is_flag=True, help="No progress bar or summary on stderr.")
def scan(
    paths: tuple[str, ...],
    fmt: str | None,
    text_column: str | None,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    quiet: bool,
) -> None:
    """Find identifying spans in PATHS (files, folders, or - for stdin)."""
    from qualdeid.detect import DetectConfig, Detector

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    config = DetectConfig(rules_dirs=list(rules_dirs))
    if model:
        config.model = model
    detector = Detector(config)
    failures = 0
    for item in detector.detect(Corpus(paths, text_column=text_column)):
        if isinstance(item, InputError):
            failures += 1
            click.echo(f"error: {item}", err=True)
            continue
        if fmt == "jsonl":
            click.echo(json.dumps(item.to_scan_record(), ensure_ascii=False))
        else:
            click.echo(f"\n{item.id}")
            for s in item.spans:
                click.echo(f"  {s.start:>6}-{s.end:<6} {s.label:<13} {s.text!r} ({s.detector})")
    sys.exit(EXIT_INPUT_ERRORS if failures else EXIT_OK)


# ---------------------------------------------------------------- evaluate


@main.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this scan output (jsonl) instead of running the detector.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--model", default=None, help="Installed spaCy pipeline to use.")
@click.option("--show-missed", is_flag=True, help="List missed gold spans (contains identifying text!).")
def evaluate(gold: tuple[Path, ...], pred: Path | None, fmt: str, model: str | None, show_missed: bool) -> None:
    """Score detection against GOLD jsonl files (records with id, text and gold spans)."""
    from qualdeid.detect.evaluate import Score, score_document

    records = []
    for g in gold:
        for line in g.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    if pred:
        predicted = {}
        for line in pred.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                predicted[str(r["id"])] = [Span.from_dict(s) for s in r.get("spans", [])]
    else:
        from qualdeid.detect import DetectConfig, Detector

        config = DetectConfig()
        if model:
            config.model = model
        docs = [Document(id=str(r["id"]), text=r["text"]) for r in records]
        predicted = {d.id: d.spans for d in Detector(config).detect(docs) if isinstance(d, Document)}
    score = Score()
    for r in records:
        gold_spans = [Span.from_dict(s) for s in r.get("spans", [])]
        for s in gold_spans:
            s.label = canonical_label(s.label)
        score_document(r["text"], gold_spans, predicted.get(str(r["id"]), []), score, str(r["id"]))
    result = score.as_dict()
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(f"{'label':<14}{'gold':>6}{'recall':>9}{'leak':>8}{'tok.rec':>9}")
        rows = list(result["labels"].items()) + list(result["groups"].items()) + [("OVERALL", result["overall"])]
        for name, c in rows:
            click.echo(
                f"{name:<14}{c['gold']:>6}{_f(c['entity_recall'])}{_f(c['leak_rate'], 8)}{_f(c['token_recall'])}"
            )
        click.echo(f"token precision: {_f(result['overall']['token_precision'], 0)}")
    if show_missed:
        for doc_id, s in score.missed:
            click.echo(f"missed {doc_id} {s.label} {s.text!r}", err=True)


def _f(v: float | None, width: int = 9) -> str:
    return f"{'-' if v is None else f'{v:.3f}':>{width}}"
