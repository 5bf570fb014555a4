"""``qualdeid scan``: list the identifying spans of a corpus."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from qualdeid.cli import common
from qualdeid.cli.common import (
    EXIT_INPUT_ERRORS,
    EXIT_OK,
    ErrorReport,
    detect_corpus,
    detect_options,
    fields_option,
    input_options,
    make_corpus,
    summary_line,
)
from qualdeid.corpus import Document
from qualdeid.corpus.readers import FieldChoice

if TYPE_CHECKING:
    from qualdeid.review.uncertainty import ReviewItem

SCAN_HELP = """Find identifying spans in PATHS: files, folders (read recursively) or - for stdin.

\b
Reads .txt, .md, .docx, .jsonl (one {"id": ..., "text": ...} object per line) and .csv (with
--text-column). On a terminal it prints a table per document; otherwise one JSON object per
document and line, exactly:
  {"id": ..., "text": ..., "spans": [{"start", "end", "label", "text", "score", "detector", ...}],
   "review": [{"start", "end", "label", "text", "reason", "action", "group"}]}
Offsets are character offsets into text. Ids are the records' ids for .jsonl/.csv and the file's
path relative to the folder given for files. "review" lists what detection is unsure of, most
consequential first: action "replace" for a span that could be wrong, "keep" for text left that
could identify someone; items of one "group" are settled by one decision (qualdeid review).

\b
Examples:
  qualdeid scan examples/diaries/
  qualdeid scan interview-03.docx
  qualdeid scan examples/diaries/ --format jsonl > spans.jsonl
  qualdeid scan survey.csv --text-column comment
  qualdeid scan transcripts/ --jobs 2 --rules our-rules/
  pbpaste | qualdeid scan -

Exit status: 0 all inputs read, 1 some inputs failed (each named on stderr, the rest were
scanned), 2 usage error (bad option, model not installed).
"""


@click.command(help=SCAN_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "json"]),
    default=None,
    help="Output format. Default: table on a terminal, jsonl when the output is redirected.",
)
@input_options
@fields_option("none")
@detect_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr (errors still shown).")
def scan(
    paths: tuple[str, ...],
    fmt: str | None,
    text_column: str | None,
    encoding: str | None,
    max_mb: float,
    delimiter: str | None,
    scan_fields: FieldChoice,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
    quiet: bool,
) -> None:
    from qualdeid.review.uncertainty import UncertaintyFinder, with_review

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    corpus = make_corpus(paths, text_column, encoding, max_mb, delimiter=delimiter, scan_fields=scan_fields)
    detector = common.make_detector(model, rules_dirs, jobs)
    errors = ErrorReport()
    labels: Counter[str] = Counter()
    documents = 0
    show_progress = not quiet and fmt != "table"
    finder = UncertaintyFinder(rules_dirs, detector.decisions)
    detected = detect_corpus(detector, corpus, errors, show_progress=show_progress)
    if fmt == "table":  # a table per document as it is finished; the review items are only counted
        write_table = _table_writer()
        for doc in detected:
            finder.candidates(doc)
            write_table(doc)
            documents += 1
            labels.update(s.label for s in doc.spans)
        groups = len(finder.finish())
    else:
        write = _json_writer(fmt)
        reviewed: set[str] = set()
        for doc, items in with_review(finder, detected, corpus):
            write(doc, items)
            documents += 1
            labels.update(s.label for s in doc.spans)
            reviewed.update(i.group for i in items)
        write(None, [])
        groups = len(reviewed)
    if not quiet:
        click.echo(summary_line(documents, labels, errors.count), err=True)
        if groups:
            click.echo(f"{groups} group(s) of review items: see them with `qualdeid review` ({REVIEW_HINT})", err=True)
    sys.exit(EXIT_INPUT_ERRORS if errors.count else EXIT_OK)


REVIEW_HINT = "or the 'review' array of --format jsonl"


def _json_writer(fmt: str) -> Callable[[Document | None, list[ReviewItem]], None]:
    """jsonl: a line per document. json: one array, still written document by document."""
    state = {"first": True}

    def write(doc: Document | None, items: list[ReviewItem]) -> None:
        record = None
        if doc is not None:
            record = doc.to_scan_record()
            record["review"] = [i.to_dict() for i in items]
        if fmt == "jsonl":
            if record is not None:
                click.echo(json.dumps(record, ensure_ascii=False))
            return
        if record is None:
            click.echo("[]" if state["first"] else "\n]")
            return
        click.echo("[\n" if state["first"] else ",\n", nl=False)
        click.echo(json.dumps(record, ensure_ascii=False), nl=False)
        state["first"] = False

    return write


def _table_writer() -> Callable[[Document], None]:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)

    def write(doc: Document) -> None:
        table = Table(title=Text(doc.id, style="bold"), title_justify="left", expand=False)
        table.add_column("label", style="cyan", no_wrap=True)
        table.add_column("line", justify="right", style="dim")
        table.add_column("text", overflow="fold", min_width=12)
        table.add_column("detector", style="dim", max_width=22, no_wrap=True, overflow="ellipsis")
        table.add_column("score", justify="right")
        table.add_column("note", style="dim", overflow="fold", max_width=36)
        for s in doc.spans:
            line = str(doc.text.count("\n", 0, s.start) + 1)
            note = Text(s.reason or s.subtype or "")
            table.add_row(s.label, line, Text(s.text), s.detector, f"{s.score:.2f}", note)
        if doc.spans:
            console.print(table)
        else:
            console.print(Text(doc.id, style="bold"), Text("— nothing found", style="dim"))
        console.print()

    return write
