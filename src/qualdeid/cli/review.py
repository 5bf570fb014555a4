"""``qualdeid review``: decide what detection is unsure of, in a local web page."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from qualdeid.cli.common import count_documents, fail, input_options, make_corpus, model_and_jobs_options

if TYPE_CHECKING:
    from qualdeid.review.session import ReviewSession

REVIEW_HELP = """Review a corpus in your browser: decide what detection is unsure of, once.

\b
Opens a local page (http://127.0.0.1:PORT/?t=TOKEN, printed here) that lists the review groups,
most consequential first ("Will — 14 occurrences in 6 documents: person or word?"), shows each
document with what was found highlighted, and lets you decide a group at once, override one
occurrence, add a missed identifier by selecting it, remove a false one, merge or split people and
decide rare details (keep, generalise, placeholder). Keyboard: j/k next/previous group, a accept,
r identifier, x not an identifier, u undo, ? all keys.

\b
Every decision is saved at once in DIR (decisions.yaml, and generalise.yaml for rare details):
scan, scrub, compose and risk follow it when given --rules DIR. DIR is created if missing. The
page shows identifying text: do not share screenshots of it. It listens on 127.0.0.1 only and
answers only requests that carry this run's token. Ctrl-C stops it.

\b
Examples:
  qualdeid review diaries/ --rules our-rules/
  qualdeid review transcripts/ --rules our-rules/ --port 8765 --no-open
  qualdeid scrub diaries/ -o scrubbed/ --key study.key --rules our-rules/

Exit status: 0 stopped with Ctrl-C, 2 usage error (port in use, DIR not writable, model missing).
"""


@click.command(help=REVIEW_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--rules",
    "rules_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="The project rules folder the decisions are saved in (created if missing).",
)
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: any free port).")
@click.option("--no-open", is_flag=True, help="Do not open the browser; just print the address.")
@input_options
@model_and_jobs_options
def review(
    paths: tuple[str, ...],
    rules_dir: Path,
    port: int,
    no_open: bool,
    text_column: str | None,
    encoding: str | None,
    max_mb: float,
    delimiter: str | None,
    model: str | None,
    jobs: int,
) -> None:
    from qualdeid.decisions import DecisionsError
    from qualdeid.review.server import PortInUse, bind, new_token, serve
    from qualdeid.review.session import ReviewSession

    writable(rules_dir)
    corpus = make_corpus(paths, text_column, encoding, max_mb, delimiter=delimiter)
    if model:
        _check_model(model)
    try:
        sock = bind(port)
    except PortInUse as e:
        fail(f"{e}: choose another with --port, or leave --port out to take a free one")
    try:
        session = ReviewSession(
            corpus,
            rules_dir,
            detector_factory=lambda dirs: _detector(dirs, model, jobs),
            total=count_documents(corpus),
            model=model or "",
        )
    except DecisionsError as e:
        fail(str(e))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/?t={(token := new_token())}"
    click.echo(f"qualdeid review: {url}", err=True)
    click.echo("The page shows identifying text: do not share screenshots of it. Ctrl-C stops the review.", err=True)
    threading.Thread(target=_scan_and_report, args=(session,), daemon=True).start()
    if not no_open:
        import webbrowser

        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    with contextlib.suppress(KeyboardInterrupt):
        serve(session, sock, token)
    click.echo(f"review stopped; {len(session.store)} decision(s) in {session.store.path}", err=True)


def writable(folder: Path) -> None:
    """The rules folder exists (created if missing) and can be written, or exit 2 saying so."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as e:
        fail(f"{folder}: the decisions cannot be saved there ({e.strerror}); choose a folder you can write to")


def _check_model(model: str) -> None:
    from qualdeid.detect.nlp.loading import ModelNotFoundError, resolve_model_name

    try:
        resolve_model_name(model)
    except ModelNotFoundError as e:
        fail(str(e))


def _detector(rules_dirs: list[Path], model: str | None, jobs: int) -> Any:
    from qualdeid.detect import DetectConfig, Detector, pipeline

    # the page is served from another thread of this process: workers are not forked from it
    pipeline.START_METHOD = "forkserver"

    config = DetectConfig(rules_dirs=rules_dirs, jobs=jobs, apply_decisions=False)
    if model:
        config.model = model
    return Detector(config)


def _scan_and_report(session: ReviewSession) -> None:
    """Scan in the background; input errors and the summary on stderr (file names, never text)."""
    try:
        session.load()
    except Exception:
        click.echo(f"error: the scan failed ({session.failure}); the page says so", err=True)
        return
    for line in session.errors:
        click.echo(f"error: {line}", err=True)
    state = session.state()
    click.echo(
        f"{state['documents']} document(s) ready for review: {state['groups']} group(s) to decide"
        + (f", {len(session.errors)} input(s) could not be read (named above)" if session.errors else ""),
        err=True,
    )
    if state["stale"]:
        stale = len(state["stale"])
        click.echo(f"warning: {stale} earlier decision(s) no longer match their text; see the page", err=True)
