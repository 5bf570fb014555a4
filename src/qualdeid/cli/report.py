"""``qualdeid report``: the de-identification record for an ethics committee, and the methods paragraph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qualdeid.cli.common import EXIT_INPUT_ERRORS, EXIT_OK, fail, one_line

REPORT_HELP = """Write the record of a de-identification that an ethics committee can read: one printable
HTML page, and a methods paragraph for the paper.

\b
AUDIT is the qualdeid-audit.json that `qualdeid scrub` wrote (or its output folder). Add what
else was done, and the report says what it shows; what is not given is said to be not given:
  --evaluation FILE   `qualdeid evaluate SAMPLE.jsonl --format json` on the team's annotated sample
  --risk FILE         `qualdeid risk TEXT... --corpus ... --format json` of the texts to publish (repeatable)
  --composite FILE    the .provenance.json of a composite vignette from `qualdeid compose` (repeatable)
  --rules DIR         the project rules folder holding the review decisions (`qualdeid review`)

\b
The page has no script and loads nothing: open it in a browser and print it to PDF
(A4, page numbers and running headers included; untick the browser's own "Headers and footers").
It holds counts, settings and document names only, never an original value, and never needs the
key. The methods paragraph states only what the inputs show; without --evaluation it says
detection was not measured and recommends measuring it.

\b
Examples:
  qualdeid report scrubbed/ -o report.html
  qualdeid report scrubbed/qualdeid-audit.json --evaluation detection-report.json \\
      --risk risk.json --composite vignette.md.provenance.json --rules our-rules/ -o report.html
  qualdeid report scrubbed/ --evaluation detection-report.json --methods-only > methods.md

Exit status: 0 written, 1 an input could not be used (each named; nothing written), 2 usage error.
"""

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command(help=REPORT_HELP)
@click.argument("audit", type=click.Path(path_type=Path))
@click.option("--evaluation", type=_FILE, help="JSON of `qualdeid evaluate --format json` on the annotated sample.")
@click.option("--risk", "risks", type=_FILE, multiple=True, help="JSON of `qualdeid risk --format json` (repeatable).")
@click.option(
    "--composite", "composites", type=_FILE, multiple=True, help="A composite's .provenance.json (repeatable)."
)
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Project rules folder: its review decisions are counted (never quoted); its report/wording.yaml "
    "replaces the report's wording.",
)
@click.option("--title", default=None, help="Title of the report (e.g. the study's name).")
@click.option("-o", "--out", "out_path", type=_FILE, help="Write the HTML report here ('-' for standard output).")
@click.option(
    "--methods-only", is_flag=True, help="Only the methods paragraph (Markdown): on standard output, or to -o."
)
def report(
    audit: Path,
    evaluation: Path | None,
    risks: tuple[Path, ...],
    composites: tuple[Path, ...],
    rules_dir: Path | None,
    title: str | None,
    out_path: Path | None,
    methods_only: bool,
) -> None:
    from qualdeid.corpus.writers import write_text_atomic
    from qualdeid.report import ReportInputError, build_report, methods_markdown
    from qualdeid.report.inputs import audit_path
    from qualdeid.report.page import render_html

    if not methods_only and out_path is None:
        fail("say where to write the report: -o report.html (or --methods-only for the methods paragraph)")
    inputs = [audit_path(audit), *(p for p in (evaluation, *risks, *composites) if p is not None)]
    if out_path is not None and str(out_path) != "-" and any(_same(out_path, p) for p in inputs):
        fail(f"{out_path}: is one of the report's inputs; write the report to a new file")
    try:
        made = build_report(
            audit, evaluation=evaluation, risks=risks, review=rules_dir, composites=composites, title=title
        )
    except ReportInputError as e:
        for line in str(e).splitlines():
            click.echo(f"error: {one_line(line)}", err=True)
        click.echo("error: nothing was written", err=True)
        sys.exit(EXIT_INPUT_ERRORS)
    text = methods_markdown(made) if methods_only else render_html(made)
    if out_path is None or str(out_path) == "-":
        click.echo(text, nl=False)
    else:
        try:
            write_text_atomic(out_path, text)
        except OSError as e:
            fail(f"{out_path}: cannot be written ({e.strerror or type(e).__name__}); choose another place", 1)
        click.echo(f"{'methods paragraph' if methods_only else 'report'} written to {out_path}", err=True)
    sys.exit(EXIT_OK)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
