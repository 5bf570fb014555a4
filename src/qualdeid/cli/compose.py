"""``qualdeid compose``: draft a composite vignette from coded fragments."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from qualdeid.cli import common
from qualdeid.cli.common import (
    EXIT_INPUT_ERRORS,
    EXIT_OK,
    detect_options,
    fail,
    input_options,
    key_values,
    make_corpus,
    one_line,
)
from qualdeid.corpus import InputError

COMPOSE_HELP = """Compose a draft composite vignette on a theme from coded parts of several people's accounts.

\b
CORPUS: coded documents (.jsonl with "segments", a REFI-QDA .qdpx project, or text files plus a
CSV export of coded quotations from ATLAS.ti, NVivo or MAXQDA; quotations are located in their
documents). The people of the corpus are linked across accounts, and --sources counts subjects:
the draft draws on the accounts of at least --sources different residents or clients, none
supplying more than half of the words. One story: a "what happened" part chosen for the theme,
then "what helped" and "why it mattered" parts chosen for the theme and for how close they are
to it, each cut to the sentences that carry the theme (about --words words in all). Template
prompts and form labels never reach the draft (rules/compose/compose.yaml).

\b
The subjects become one invented character (introduced once, then by first name, with the
--pronouns you choose); every other person keeps one invented name (a worker a colleague, a
relative a relative: never merged through a shared surname). Names fit the setting (--locale,
or inferred from the accounts) and the person's age where known. Other identifiers become
placeholders that keep their meaning ("[a pub]", "[a public holiday]", "[health ID]", "in her
thirties"); ordinary words, holidays and generic places are never replaced. After composing,
the draft is searched again for every identifier of the corpus (and of --key).

\b
Writes FILE (Markdown, or Word if it ends in .docx) with notes for the author, and
FILE.provenance.json (private, 0600): for each paragraph its document, subject and worker
(pseudonymous ids), offsets and every change made (original -> replacement, why), so you can
check and undo each one. --avoid with the provenance of earlier drafts of a run keeps their parts
out of this one (while enough others remain; a reused part is noted). With --scaffold, FILE is
instead a ranked table of candidate parts per section, to assemble by hand. Check the result with
`qualdeid risk FILE --corpus CORPUS...`.

\b
Examples:
  qualdeid compose examples/gold.jsonl --theme everyday_activity -o vignette.md
  qualdeid compose project.qdpx --theme "Peer support" --sources 4 --words 300 --pronouns she -o v.docx
  qualdeid compose examples/gold.jsonl --theme trust_safety --scaffold -o scaffold.md
  qualdeid compose examples/gold.jsonl --theme inclusion --avoid vignette.md.provenance.json -o v2.md

Exit status: 0 ok, 1 some inputs failed (named on stderr; the draft was written from the rest),
2 usage error, 5 no composite possible (too few subjects on the theme; the message says how many
there are and what would help).
"""
EXIT_CANNOT_COMPOSE = 5


def _read_provenance(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(f"--avoid {path}: not a provenance record ({one_line(str(e))})")
    if not isinstance(data, dict) or not isinstance(data.get("fragments"), list):
        fail(f"--avoid {path}: not a provenance record (no 'fragments')")
    return data


@click.command(help=COMPOSE_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="CORPUS...")
@click.option(
    "--theme", "themes", multiple=True, required=True, metavar="CODE", help="Code to compose on (repeatable)."
)
@click.option(
    "--sources",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Number of different residents/clients whose accounts the draft draws on.",
)
@click.option("--words", type=click.IntRange(min=20), default=250, show_default=True, help="Target length in words.")
@click.option("--pronouns", type=click.Choice(["she", "he", "they"]), default="they", show_default=True)
@click.option("--seed", type=int, default=None, help="Make the choice of fragments and names reproducible.")
@click.option(
    "--locale",
    type=click.Choice(["en_AU", "en_NZ", "en_GB", "en_IE", "en_CA", "en_US"]),
    default=None,
    help="Country of the invented names (default: inferred from the accounts).",
)
@click.option("--scaffold", is_flag=True, help="Write a ranked table of candidate parts instead of a draft.")
@click.option(
    "--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), help="Key of a scrubbed corpus (optional)."
)
@click.option(
    "--avoid",
    "avoid_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="PROVENANCE",
    help="Provenance record (.provenance.json) of an earlier draft: do not reuse its parts (repeatable).",
)
@click.option("-o", "--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@input_options
@detect_options
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr (errors still shown).")
def compose(
    paths: tuple[str, ...],
    themes: tuple[str, ...],
    sources: int,
    words: int,
    pronouns: str,
    seed: int | None,
    locale: str | None,
    scaffold: bool,
    key_path: Path | None,
    avoid_paths: tuple[Path, ...],
    out_path: Path,
    force: bool,
    text_column: str | None,
    encoding: str | None,
    max_mb: float,
    delimiter: str | None,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
    quiet: bool,
) -> None:
    from qualdeid.compose import CannotCompose, Composer, load_compose_config, write_draft
    from qualdeid.compose.composer import used_parts
    from qualdeid.corpus.quotations import apply_quotations, is_quotation_export, read_quotations

    if out_path.exists() and not force:
        fail(f"{out_path} exists; use --force to overwrite it")
    exports = [Path(p) for p in paths if is_quotation_export(Path(p))]
    texts = [p for p in paths if Path(p) not in exports]
    corpus = make_corpus(texts, text_column, encoding, max_mb, delimiter=delimiter)
    docs, failed = [], 0
    for item in corpus:
        if isinstance(item, InputError):
            failed += 1
            click.echo(f"error: {one_line(str(item))}", err=True)
        else:
            docs.append(item)
    for export in exports:
        try:
            report = apply_quotations(docs, read_quotations(export))
        except InputError as e:
            failed += 1
            click.echo(f"error: {one_line(str(e))}", err=True)
            continue
        for q, reason in report.unlocated:
            click.echo(f"warning: {export} row {q.row}: quotation not used: {reason}", err=True)
    if not docs:
        fail("no document could be read", EXIT_INPUT_ERRORS)
    originals, pseudonyms = key_values(key_path)
    detector = common.make_detector(model, rules_dirs, jobs)
    composer = Composer(
        detector,
        load_compose_config(rules_dirs),
        key_originals=originals,
        key_pseudonyms=pseudonyms,
    )
    try:
        if scaffold:
            from qualdeid.compose.scaffold import build_scaffold, write_scaffold

            made = build_scaffold(composer, docs, list(themes), sources=sources, seed=seed, locale=locale)
            write_scaffold(made, out_path)
            if not quiet:
                click.echo(
                    f"scaffold written to {out_path} (private): {made.candidates} candidate part(s) about "
                    f"{made.subjects} people",
                    err=True,
                )
            sys.exit(EXIT_INPUT_ERRORS if failed else EXIT_OK)
        avoid = [part for p in avoid_paths for part in used_parts(_read_provenance(p))]
        draft = composer.compose(
            docs, list(themes), sources=sources, words=words, pronouns=pronouns, seed=seed, locale=locale, avoid=avoid
        )
    except CannotCompose as e:
        fail(f"cannot compose: {e}", EXIT_CANNOT_COMPOSE)
    common.report_stale(detector)
    provenance = write_draft(draft, out_path)
    click.echo(draft.statement)
    if not quiet:
        click.echo(f"draft written to {out_path}; provenance (private) in {provenance}", err=True)
        if draft.notes:
            click.echo(f"{len(draft.notes)} note(s) for the author at the end of the draft", err=True)
    sys.exit(EXIT_INPUT_ERRORS if failed else EXIT_OK)
