"""``qualdeid risk``: check a text for re-identification risk before publishing."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qualdeid.cli import common
from qualdeid.cli.common import (
    detect_options,
    input_options,
    key_values,
    make_corpus,
)

RISK_HELP = """Check TEXT (a vignette, an edited draft, quotes) against the original corpus before publishing.

\b
Findings, each with its place in the text, the people of the corpus it points to (P1, P2, ...:
numbers, never names) and a suggested fix:
  residual_identifier  an identifier of the corpus written as found there, not a common word
                       (with --key: every original value of the key): FAIL
  possible_identifier  a name of the corpus that is also a common word, or in another case
  subject_linkage      findings and words that add up to one person's accounts (a paraphrased
                       story, a worker's own history from their diaries)
  rare_detail          a rare detail that the accounts of fewer than --sources people hold
  combination          ordinary details (age band, role, condition, family...) that together fit
                       fewer than --sources people
  verbatim             a long verbatim run, or a large share of the words, from one document
  joint_*              the same checks across all TEXTs together (details spread over a paper)
Headings, front matter and a "Notes for the author" section are not checked. Thresholds, lists
and suggestions: rules/risk.yaml. Reports never quote the corpus beyond what is in TEXT.

\b
Examples:
  qualdeid risk vignette.md --corpus examples/gold.jsonl
  qualdeid risk v1.md v2.md --corpus raw/ --key study.key --format html -o risk.html

Exit status: 0 pass, 3 warnings only, 4 failure (or an unreadable input), 2 usage error.
"""


class _GreedyCorpusCommand(click.Command):
    """Lets ``--corpus A B C`` take every path up to the next option (``--corpus A --corpus B`` works too)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        out: list[str] = []
        greedy = False
        for arg in args:
            if arg == "--corpus":
                greedy = True
                continue
            if arg.startswith("-") and arg != "-":
                greedy = False
            out += ["--corpus", arg] if greedy else [arg]
        return super().parse_args(ctx, out)


@click.command(cls=_GreedyCorpusCommand, help=RISK_HELP)
@click.argument("texts", nargs=-1, required=True, metavar="TEXT...")
@click.option("--corpus", "corpus_paths", multiple=True, required=True, metavar="CORPUS...", help="Original corpus.")
@click.option(
    "--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), help="Key of the scrubbed corpus (optional)."
)
@click.option("--sources", type=click.IntRange(min=2), default=None, help="k: fewer sources than this is traceable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "html"]), default=None, help="Report format.")
@click.option("-o", "--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@input_options
@detect_options
def risk(
    texts: tuple[str, ...],
    corpus_paths: tuple[str, ...],
    key_path: Path | None,
    sources: int | None,
    fmt: str | None,
    out_path: Path | None,
    text_column: str | None,
    encoding: str | None,
    max_mb: float,
    delimiter: str | None,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
) -> None:
    from qualdeid.corpus.writers import write_text_atomic
    from qualdeid.risk import RiskChecker, load_risk_config
    from qualdeid.risk.report import RENDERERS, render_table

    config = load_risk_config(rules_dirs)
    if sources is not None:
        config.sources = sources
    if fmt is None:
        suffix = out_path.suffix.lower() if out_path else ""
        fmt = {".json": "json", ".html": "html", ".htm": "html"}.get(suffix, "table")
    originals, _ = key_values(key_path)
    detector = common.make_detector(model, rules_dirs, jobs)
    corpus = make_corpus(corpus_paths, text_column, encoding, max_mb, delimiter=delimiter)
    checker = RiskChecker(config, detector, corpus, key_identifiers=originals)
    report = checker.check(make_corpus(texts, None, encoding, max_mb))
    common.report_stale(detector)
    rendered = RENDERERS[fmt](report)
    if out_path:
        write_text_atomic(out_path, rendered)
        click.echo(render_table(report).splitlines()[0] + f" (report: {out_path})", err=True)
    else:
        click.echo(rendered, nl=False)
    sys.exit(report.exit_code)
