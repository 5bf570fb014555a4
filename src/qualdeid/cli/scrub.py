"""``qualdeid scrub`` and ``qualdeid restore``: pseudonymise a corpus with an encrypted key, and reverse it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from qualdeid.cli import common
from qualdeid.cli.common import (
    EXIT_INPUT_ERRORS,
    EXIT_OK,
    F,
    detect_options,
    fail,
    fields_option,
    input_options,
    make_corpus,
    one_line,
    open_key,
    progress,
)
from qualdeid.corpus.readers import Corpus, FieldChoice

SCRUB_HELP = """Write a de-identified copy of IN (files or folders) to OUT_DIR, with an encrypted key.

\b
Every detected person, place and organisation gets one invented name across the whole corpus
(Joshua, Josh, Mr Hale and Josh's stay one person, in the matching form); dates are shifted by
one secret offset, ages become bands, contacts and IDs become tags, rare details are flagged
(see rules/policy.yaml). OUT_DIR gets the same files in the same formats plus
qualdeid-audit.json (counts and review flags only: safe to share). KEYFILE holds the mapping
back to the real values, encrypted with a passphrase (QUALDEID_PASSPHRASE, or asked for); it
must not be inside OUT_DIR. Running again with the same key keeps every earlier pseudonym; a
second scrub on the same key waits until the first has finished, then extends the key.

\b
Examples:
  qualdeid scrub examples/diaries/ -o scrubbed/ --key ~/private/study.key
  QUALDEID_PASSPHRASE=... qualdeid scrub new-diaries/ -o scrubbed/ --key ~/private/study.key --locale en_AU
  qualdeid scrub interviews/ -o out/ --key study.key --mark --jobs 2

\b
Exit status: 0 ok, 1 some inputs failed (named on stderr, the rest were written) or an output or
the key could not be written (disk full, read-only folder: one line saying what to do),
2 usage error (bad option, wrong passphrase, key file modified, output folder not allowed, no
passphrase and no terminal to ask on), 130 stopped with Ctrl-C.
"""


def out_and_key_options(out_help: str, key_help: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        f = click.option(
            "--key", "key_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help=key_help
        )(f)
        return click.option(
            "-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help=out_help
        )(f)

    return decorate


def _report_result(result: Any, quiet: bool, verb: str) -> None:
    for line in result.errors:
        click.echo(f"error: {one_line(line)}", err=True)
    if not quiet:
        line = f"{len(result.written)} file(s) {verb}"
        if result.unchanged:
            line += f", {len(result.unchanged)} already up to date"
        if result.errors:
            line += f"; {len(result.errors)} problem(s) (see errors above)"
        click.echo(line, err=True)
    sys.exit(EXIT_INPUT_ERRORS if result.errors else EXIT_OK)


@click.command(help=SCRUB_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="IN...")
@out_and_key_options(
    "Folder for the scrubbed copies (must not be an input, lie inside an input folder or contain an input).",
    "Encrypted key file: created if missing, extended if it exists. Keep it private.",
)
@click.option(
    "--locale",
    default=None,
    metavar="L",
    help="Locale of invented names and places, e.g. en_AU, en_GB, en_US (default: the key's, else en_GB).",
)
@click.option("--seed", default=None, metavar="S", help="Make pseudonyms reproducible from S (stored in the key).")
@click.option("--mark", is_flag=True, help="Put every replacement in brackets: [Emma].")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@input_options
@fields_option("all")
@detect_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr (errors still shown).")
def scrub(
    paths: tuple[str, ...],
    out_dir: Path,
    key_path: Path,
    locale: str | None,
    seed: str | None,
    mark: bool,
    force: bool,
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
    from qualdeid.corpus.writers import OutputError
    from qualdeid.pseudonymise import Scrubber, ScrubConfig, ScrubError
    from qualdeid.pseudonymise.key import KeyFileError, KeyLock, KeySaveError, refuse_inside
    from qualdeid.pseudonymise.policy import PolicyError
    from qualdeid.pseudonymise.scrub import check_out_dir
    from qualdeid.pseudonymise.surrogates import LocaleError, check_locale

    try:
        check_out_dir(paths, out_dir, key_path)
        refuse_inside(key_path, out_dir)
        if locale:
            check_locale(locale)
    except (ScrubError, KeyFileError, LocaleError) as e:
        fail(str(e))
    corpus = make_corpus(paths, text_column, encoding, max_mb, delimiter=delimiter, scan_fields=scan_fields)
    try:
        # the whole read-modify-write of the key in one turn: another run on this key waits for it
        with KeyLock(key_path, on_wait=lambda message: click.echo(f"waiting: {message}", err=True)):
            key = open_key(key_path, create=True)
            config = ScrubConfig(
                locale=locale, seed=seed, mark=mark, jobs=jobs, force=force, rules_dirs=list(rules_dirs)
            )
            detector = common.make_detector(model, rules_dirs, jobs)
            try:
                scrubber = Scrubber(key, config, detector=detector)
            except (PolicyError, LocaleError) as e:
                fail(str(e))
            if scrubber.seed_warning and not quiet:
                click.echo(f"warning: {scrubber.seed_warning}", err=True)
            with progress(corpus, enabled=not quiet, label="Scrubbing") as stream:
                result = scrubber.scrub(corpus, out_dir, detect_input=stream)
    except (KeySaveError, OutputError) as e:  # disk full, read-only, another run: nothing half done
        fail(str(e), EXIT_INPUT_ERRORS)
    except (ScrubError, KeyFileError) as e:
        fail(str(e))
    common.report_stale(detector)
    _report_result(result, quiet, f"written to {out_dir}")


RESTORE_HELP = """Reverse a scrub: write the original text of IN (scrubbed files or folders) to OUT_DIR.

\b
Needs the key the scrub wrote (and its passphrase, from QUALDEID_PASSPHRASE or asked for).
Text, Markdown and .jsonl files come back byte for byte, in their original encoding; .docx files
with every part's text in its place, run formatting included; .csv files with their original
values. The key remembers how each file was read (.csv text column and delimiter, the fields read).
A document edited after scrubbing is reported and not restored.

\b
Example:
  qualdeid restore scrubbed/ -o restored/ --key ~/private/study.key
"""


@click.command(help=RESTORE_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="IN...")
@out_and_key_options("Folder for the restored files.", "The key file written by scrub.")
@click.option(
    "--text-column", metavar="NAME", help="Column holding the text, for .csv input (not needed: the key knows it)."
)
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr (errors still shown).")
def restore(paths: tuple[str, ...], out_dir: Path, key_path: Path, text_column: str | None, quiet: bool) -> None:
    from qualdeid.corpus.writers import OutputError, check_writable
    from qualdeid.pseudonymise import Restorer, ScrubError
    from qualdeid.pseudonymise.key import KeyFileError, refuse_inside
    from qualdeid.pseudonymise.scrub import check_out_dir

    try:
        check_out_dir(paths, out_dir)
        refuse_inside(key_path, out_dir)
    except (ScrubError, KeyFileError) as e:
        fail(str(e))
    key = open_key(key_path, create=False)
    try:
        check_writable(out_dir)
        result = Restorer(key).restore(Corpus(list(paths), text_column=text_column), out_dir)
    except OutputError as e:
        fail(str(e), EXIT_INPUT_ERRORS)
    _report_result(result, quiet, f"restored to {out_dir}")
