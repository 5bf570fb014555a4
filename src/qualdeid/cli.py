"""The qualdeid command line: ``qualdeid COMMAND --help`` explains each command.

Commands live in sections marked ``# ---- name``. The shared helpers at the top (input options,
detector options, error reporting, progress) are meant for every command that reads a corpus.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from qualdeid.corpus import Document, InputError, Span
from qualdeid.corpus.readers import DEFAULT_MAX_BYTES, Corpus

if TYPE_CHECKING:
    from qualdeid.detect import Detector

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="qualdeid")
def main() -> None:
    """De-identify qualitative research text: diaries, interview transcripts, field notes.

    \b
    A typical project:
      qualdeid scan      see what would be found (names, places, organisations, dates, ages,
                         contacts, IDs, rare details)
      qualdeid evaluate  measure detection on a hand-annotated sample of your own data
      qualdeid scrub     write a de-identified copy of the corpus, with an encrypted key
      qualdeid restore   reverse a scrub (research team only, needs the key)
      qualdeid compose   draft a composite vignette from coded fragments
      qualdeid risk      check a vignette or quotes for re-identification risk

    Run `qualdeid COMMAND --help` for examples. Nothing is ever sent over the network.
    """


# ---- shared helpers


def input_options(f: F) -> F:
    """Options for reading a corpus: csv column, encoding, size limit."""
    f = click.option(
        "--max-mb",
        type=click.FloatRange(min=0, min_open=True),
        default=DEFAULT_MAX_BYTES / 1e6,
        show_default=True,
        help="Refuse input files larger than this many megabytes.",
    )(f)
    f = click.option(
        "--encoding",
        default=None,
        metavar="NAME",
        help="Encoding of text inputs without a byte-order mark (default UTF-8), e.g. cp1252 or latin-1.",
    )(f)
    f = click.option("--text-column", metavar="NAME", help="Column holding the text, for .csv input (required).")(f)
    return f


#: The most worker processes --jobs 0 starts: each holds its own copy of the model's working memory.
MAX_AUTO_JOBS = 4


def _resolve_jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value > 0:
        return value
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_JOBS))


def detect_options(f: F) -> F:
    """Options that configure the detector: model, rules folders, worker processes."""
    f = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        callback=_resolve_jobs,
        help="Worker processes for detection. Default 0: one per CPU core (at most "
        f"{MAX_AUTO_JOBS}); a corpus too small to gain from workers is read in one process anyway.",
    )(f)
    f = click.option(
        "--rules",
        "rules_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="A project rules folder applied on top of the defaults (repeatable; later folders win).",
    )(f)
    f = click.option(
        "--model",
        default=None,
        metavar="NAME",
        help="Installed spaCy pipeline (name or folder) to use instead of en_core_web_sm.",
    )(f)
    return f


def make_corpus(paths: Iterable[str], text_column: str | None, encoding: str | None, max_mb: float) -> Corpus:
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding '{encoding}'", param_hint="--encoding") from None
    return Corpus(list(paths), text_column=text_column, encoding=encoding, max_bytes=int(max_mb * 1e6))


def make_detector(model: str | None, rules_dirs: Iterable[Path], jobs: int = 1) -> Detector:
    """A Detector, or exit 2 with one line when the model is not installed."""
    from qualdeid.detect import DetectConfig, Detector
    from qualdeid.detect.model import ModelNotFoundError

    config = DetectConfig(rules_dirs=list(rules_dirs), jobs=jobs)
    if model:
        config.model = model
    try:
        return Detector(config)
    except ModelNotFoundError as e:
        fail(str(e))


def fail(message: str, code: int = EXIT_USAGE) -> Any:
    """Print ``error: message`` on one line to stderr and exit."""
    click.echo(f"error: {_one_line(message)}", err=True)
    sys.exit(code)


def _one_line(message: str) -> str:
    return " ".join(message.split())


class ErrorReport:
    """Reports each failed input once on stderr (one line, naming the file) and counts them.

    A corpus may be read more than once (detection makes two passes), so repeats are dropped.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    @property
    def count(self) -> int:
        return len(self._seen)

    def __call__(self, err: InputError) -> None:
        line = _one_line(str(err))
        if line not in self._seen:
            self._seen.add(line)
            click.echo(f"error: {line}", err=True)

    def skipped(self, corpus: Corpus) -> None:
        """Tell the user about files in the given folders that were not read (their names, no content)."""
        if not corpus.skipped:
            return
        by_type = Counter(p.suffix.lower() or "(no extension)" for p in corpus.skipped)
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(by_type.items()))
        click.echo(
            f"warning: skipped {len(corpus.skipped)} file(s) of unsupported types ({kinds}); "
            "qualdeid reads .txt, .md, .docx, .jsonl and .csv — convert the others to one of these",
            err=True,
        )


class _ProgressCorpus:
    """A corpus behind a progress bar: the detector reports documents analysed (pass 1) and finished
    (pass 2) through ``detect_progress``, so the bar counts work done, not documents read."""

    def __init__(self, corpus: Iterable[Document | InputError], on_progress: Callable[[int, int], None]) -> None:
        self.corpus = corpus
        self.detect_progress = on_progress

    def __iter__(self) -> Iterator[Document | InputError]:
        return iter(self.corpus)


def count_documents(corpus: Corpus) -> int | None:
    """How many documents the corpus holds, when that is cheap to know (None for csv and stdin)."""
    total = 0
    for f in corpus.files():
        suffix = f.path.suffix.lower()
        if str(f.path) == "-" or suffix in (".csv", ".qdpx"):
            return None
        if suffix == ".jsonl":
            try:
                with f.path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


@contextmanager
def progress(corpus: Corpus, *, enabled: bool, label: str = "Scanning") -> Iterator[Iterable[Document | InputError]]:
    """Yield ``corpus`` wrapped so that a progress bar on stderr follows the detector reading it.

    The bar counts documents analysed (pass 1), then documents finished (pass 2); it shows counts
    only, never document text or file names. It is drawn only when ``enabled``, stderr is a terminal
    and there is more than one document.
    """
    total = count_documents(corpus) if enabled else 0
    if not enabled or not sys.stderr.isatty() or total == 1:
        yield corpus
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(
        *columns, console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False
    ) as bar:
        task = bar.add_task(f"{label} (1/2: analysing)", total=total)
        stage_shown = 1

        def on_progress(stage: int, done: int) -> None:
            nonlocal stage_shown
            if stage != stage_shown:
                stage_shown = stage
                bar.reset(task, total=total, description=f"{label} (2/2: finishing)")
            bar.update(task, completed=done)

        yield _ProgressCorpus(corpus, on_progress)


def detect_corpus(
    detector: Detector, corpus: Corpus, errors: ErrorReport, *, show_progress: bool, label: str = "Scanning"
) -> Iterator[Document]:
    """Run the detector over the corpus, reporting failed inputs; yields documents with spans."""
    with progress(corpus, enabled=show_progress, label=label) as stream:
        for item in detector.detect(stream):
            if isinstance(item, InputError):
                errors(item)
            else:
                yield item
    errors.skipped(corpus)


def summary_line(documents: int, label_counts: Counter[str], failed: int) -> str:
    labels = ", ".join(f"{label} {n}" for label, n in label_counts.most_common())
    line = f"{documents} document(s), {sum(label_counts.values())} span(s)"
    if labels:
        line += f" ({labels})"
    if failed:
        line += f"; {failed} input(s) failed (see errors above)"
    return line


# ---- scan

SCAN_HELP = """Find identifying spans in PATHS: files, folders (read recursively) or - for stdin.

\b
Reads .txt, .md, .docx, .jsonl (one {"id": ..., "text": ...} object per line) and .csv (with
--text-column). On a terminal it prints a table per document; otherwise one JSON object per
document and line, exactly:
  {"id": ..., "text": ..., "spans": [{"start", "end", "label", "text", "score", "detector", ...}]}
Offsets are character offsets into text. Ids are the records' ids for .jsonl/.csv and the file's
path relative to the folder given for files.

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


@main.command(help=SCAN_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "json"]),
    default=None,
    help="Output format. Default: table on a terminal, jsonl when the output is redirected.",
)
@input_options
@detect_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr (errors still shown).")
def scan(
    paths: tuple[str, ...],
    fmt: str | None,
    text_column: str | None,
    encoding: str | None,
    max_mb: float,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
    quiet: bool,
) -> None:
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    corpus = make_corpus(paths, text_column, encoding, max_mb)
    detector = make_detector(model, rules_dirs, jobs)
    errors = ErrorReport()
    labels: Counter[str] = Counter()
    documents = 0
    show_progress = not quiet and fmt != "table"
    write = _table_writer() if fmt == "table" else _json_writer(fmt)
    for doc in detect_corpus(detector, corpus, errors, show_progress=show_progress):
        documents += 1
        labels.update(s.label for s in doc.spans)
        write(doc)
    write(None)
    if not quiet:
        click.echo(summary_line(documents, labels, errors.count), err=True)
    sys.exit(EXIT_INPUT_ERRORS if errors.count else EXIT_OK)


def _json_writer(fmt: str) -> Callable[[Document | None], None]:
    """jsonl: a line per document. json: one array, still written document by document."""
    state = {"first": True}

    def write(doc: Document | None) -> None:
        if fmt == "jsonl":
            if doc is not None:
                click.echo(json.dumps(doc.to_scan_record(), ensure_ascii=False))
            return
        if doc is None:
            click.echo("[]" if state["first"] else "\n]")
            return
        click.echo("[\n" if state["first"] else ",\n", nl=False)
        click.echo(json.dumps(doc.to_scan_record(), ensure_ascii=False), nl=False)
        state["first"] = False

    return write


def _table_writer() -> Callable[[Document | None], None]:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)

    def write(doc: Document | None) -> None:
        if doc is None:
            return
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


# ---- evaluate

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

The report holds counts only. --show-missed lists the missed spans on stderr: that list contains
identifying text and must not be shared.
"""


@main.command(help=EVALUATE_HELP)
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
@click.option("--quiet", "-q", is_flag=True, help="No progress bar on stderr.")
def evaluate(
    gold: tuple[Path, ...],
    pred: Path | None,
    fmt: str,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
    show_missed: bool,
    quiet: bool,
) -> None:
    from qualdeid.detect.evaluate import Score, score_document

    for g in gold:
        if g.suffix.lower() != ".jsonl" or not g.is_file():
            fail(f"{g}: gold data must be an existing .jsonl file (records with id, text and spans)")
    errors = ErrorReport()
    corpus = Corpus([str(g) for g in gold])
    if pred is not None:
        predicted = _read_predictions(pred)
        documents: Iterable[Document] = _report_errors(corpus, errors)
    else:
        detector = make_detector(model, rules_dirs, jobs)
        documents = detect_corpus(detector, corpus, errors, show_progress=not quiet, label="Evaluating")
        predicted = None
    score = Score()
    unmatched = 0
    bad_gold: set[str] = set()
    for doc in documents:
        try:
            gold_spans = [Span.from_dict(s) for s in doc.meta.get("spans") or []]
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
        errors(InputError(source, "a record has malformed gold 'spans' (need start, end, label); it was skipped"))
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
    for name in ("predicted label", "spans", "tokens", "precision"):
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


# ---- scrub

SCRUB_HELP = """Write a de-identified copy of IN (files or folders) to OUT_DIR, with an encrypted key.

\b
Every detected person, place and organisation gets one invented name across the whole corpus
(Joshua, Josh, Mr Hale and Josh's stay one person, in the matching form); dates are shifted by
one secret offset, ages become bands, contacts and IDs become tags, rare details are flagged
(see rules/policy.yaml). OUT_DIR gets the same files in the same formats plus
qualdeid-audit.json (counts and review flags only: safe to share). KEYFILE holds the mapping
back to the real values, encrypted with a passphrase (QUALDEID_PASSPHRASE, or asked for); it
must not be inside OUT_DIR. Running again with the same key keeps every earlier pseudonym.

\b
Examples:
  qualdeid scrub examples/diaries/ -o scrubbed/ --key ~/private/study.key
  QUALDEID_PASSPHRASE=... qualdeid scrub new-diaries/ -o scrubbed/ --key ~/private/study.key --locale en_AU
  qualdeid scrub interviews/ -o out/ --key study.key --mark --jobs 2

Exit status: 0 ok, 1 some inputs failed (named on stderr, the rest were written),
2 usage error (bad option, wrong passphrase, key file modified, output folder not allowed).
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


def _passphrase(key_path: Path, *, creating: bool) -> str:
    import os

    from qualdeid.pseudonymise.key import PASSPHRASE_ENV

    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if creating:
        click.echo(
            f"Creating a new key at {key_path}. Keep the passphrase safe: the key is useless without it.", err=True
        )
    return click.prompt("Key passphrase", hide_input=True, confirmation_prompt=creating, err=True)


def _open_key(key_path: Path, *, create: bool) -> Any:
    from qualdeid.pseudonymise.key import Key, KeyFileError

    exists = key_path.exists()
    if not exists and not create:
        fail(f"{key_path}: no such key file")
    try:
        passphrase = _passphrase(key_path, creating=not exists)
        return Key.open(key_path, passphrase) if exists else Key.create(key_path, passphrase)
    except KeyFileError as e:
        fail(str(e))


def _report_result(result: Any, quiet: bool, verb: str) -> None:
    for line in result.errors:
        click.echo(f"error: {_one_line(line)}", err=True)
    if not quiet:
        line = f"{len(result.written)} file(s) {verb}"
        if result.unchanged:
            line += f", {len(result.unchanged)} already up to date"
        if result.errors:
            line += f"; {len(result.errors)} problem(s) (see errors above)"
        click.echo(line, err=True)
    sys.exit(EXIT_INPUT_ERRORS if result.errors else EXIT_OK)


@main.command(help=SCRUB_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="IN...")
@out_and_key_options(
    "Folder for the scrubbed copies (must not be inside an input folder).",
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
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
    quiet: bool,
) -> None:
    from qualdeid.pseudonymise import Scrubber, ScrubConfig, ScrubError
    from qualdeid.pseudonymise.key import KeyFileError, refuse_inside
    from qualdeid.pseudonymise.policy import PolicyError
    from qualdeid.pseudonymise.scrub import check_out_dir
    from qualdeid.pseudonymise.surrogates import LocaleError, check_locale

    try:
        check_out_dir(paths, out_dir)
        refuse_inside(key_path, out_dir)
        if locale:
            check_locale(locale)
    except (ScrubError, KeyFileError, LocaleError) as e:
        fail(str(e))
    corpus = make_corpus(paths, text_column, encoding, max_mb)
    key = _open_key(key_path, create=True)
    config = ScrubConfig(locale=locale, seed=seed, mark=mark, jobs=jobs, force=force, rules_dirs=list(rules_dirs))
    try:
        scrubber = Scrubber(key, config, detector=make_detector(model, rules_dirs, jobs))
    except (PolicyError, LocaleError) as e:
        fail(str(e))
    if scrubber.seed_warning and not quiet:
        click.echo(f"warning: {scrubber.seed_warning}", err=True)
    try:
        with progress(corpus, enabled=not quiet, label="Scrubbing") as stream:
            result = scrubber.scrub(corpus, out_dir, detect_input=stream)
    except (ScrubError, KeyFileError) as e:
        fail(str(e))
    _report_result(result, quiet, f"written to {out_dir}")


RESTORE_HELP = """Reverse a scrub: write the original text of IN (scrubbed files or folders) to OUT_DIR.

\b
Needs the key the scrub wrote (and its passphrase, from QUALDEID_PASSPHRASE or asked for).
Text, Markdown and .jsonl files come back byte for byte; .docx and .csv come back with their
original text. A document edited after scrubbing is reported and not restored.

\b
Example:
  qualdeid restore scrubbed/ -o restored/ --key ~/private/study.key
"""


@main.command(help=RESTORE_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="IN...")
@out_and_key_options("Folder for the restored files.", "The key file written by scrub.")
@click.option("--text-column", metavar="NAME", help="Column holding the text, for .csv input.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr (errors still shown).")
def restore(paths: tuple[str, ...], out_dir: Path, key_path: Path, text_column: str | None, quiet: bool) -> None:
    from qualdeid.pseudonymise import Restorer, ScrubError
    from qualdeid.pseudonymise.key import KeyFileError, refuse_inside
    from qualdeid.pseudonymise.scrub import check_out_dir

    try:
        check_out_dir(paths, out_dir)
        refuse_inside(key_path, out_dir)
    except (ScrubError, KeyFileError) as e:
        fail(str(e))
    key = _open_key(key_path, create=False)
    result = Restorer(key).restore(Corpus(list(paths), text_column=text_column), out_dir)
    _report_result(result, quiet, f"restored to {out_dir}")


# ---- compose

COMPOSE_HELP = """Compose a draft composite vignette on a theme from coded fragments of several accounts.

\b
CORPUS: coded documents (.jsonl with "segments", a REFI-QDA .qdpx project, or text files plus a
CSV export of coded quotations from ATLAS.ti, NVivo or MAXQDA; quotations are located in their
documents). Fragments coded with the --theme code(s) are taken from at least --sources different
accounts (different authors where the "author" field is known), none supplying more than half of
the words, ordered what happened -> what helped -> why it mattered (rules/compose/compose.yaml),
cut to about --words words on sentence boundaries. The focal person of each fragment becomes one
invented character, other workers one colleague, relatives one relative; every other identifier
becomes a [placeholder]. Pronouns the tool cannot resolve are listed for you, never guessed.

\b
Writes FILE (Markdown, or Word if it ends in .docx) and FILE.provenance.json (private, 0600:
which fragment came from which document, offsets, share of words). Check the draft with
`qualdeid risk FILE --corpus CORPUS...` before publishing.

\b
Examples:
  qualdeid compose examples/gold.jsonl --theme everyday_activity -o vignette.md
  qualdeid compose project.qdpx --theme "Peer support" --sources 4 --words 300 --pronouns she -o v.docx

Exit status: 0 ok, 1 some inputs failed (named on stderr; the draft was written from the rest),
2 usage error, 5 no composite possible (too few sources on the theme; the message says why).
"""
EXIT_CANNOT_COMPOSE = 5


@main.command(help=COMPOSE_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="CORPUS...")
@click.option(
    "--theme", "themes", multiple=True, required=True, metavar="CODE", help="Code to compose on (repeatable)."
)
@click.option("--sources", type=click.IntRange(min=2), default=3, show_default=True, help="Minimum number of accounts.")
@click.option("--words", type=click.IntRange(min=20), default=250, show_default=True, help="Target length in words.")
@click.option("--pronouns", type=click.Choice(["she", "he", "they"]), default="they", show_default=True)
@click.option("--seed", type=int, default=None, help="Make the choice of fragments and names reproducible.")
@click.option(
    "--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), help="Key of a scrubbed corpus (optional)."
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
    key_path: Path | None,
    out_path: Path,
    force: bool,
    text_column: str | None,
    encoding: str | None,
    max_mb: float,
    model: str | None,
    rules_dirs: tuple[Path, ...],
    jobs: int,
    quiet: bool,
) -> None:
    from qualdeid.compose import CannotCompose, Composer, load_compose_config, write_draft
    from qualdeid.corpus.quotations import apply_quotations, is_quotation_export, read_quotations

    if out_path.exists() and not force:
        fail(f"{out_path} exists; use --force to overwrite it")
    exports = [Path(p) for p in paths if is_quotation_export(Path(p))]
    corpus = make_corpus([p for p in paths if Path(p) not in exports], text_column, encoding, max_mb)
    docs, failed = [], 0
    for item in corpus:
        if isinstance(item, InputError):
            failed += 1
            click.echo(f"error: {_one_line(str(item))}", err=True)
        else:
            docs.append(item)
    for export in exports:
        try:
            report = apply_quotations(docs, read_quotations(export))
        except InputError as e:
            failed += 1
            click.echo(f"error: {_one_line(str(e))}", err=True)
            continue
        for q, reason in report.unlocated:
            click.echo(f"warning: {export} row {q.row}: quotation not used: {reason}", err=True)
    if not docs:
        fail("no document could be read", EXIT_INPUT_ERRORS)
    originals, pseudonyms = _key_values(key_path)
    composer = Composer(
        make_detector(model, rules_dirs, jobs),
        load_compose_config(rules_dirs),
        key_originals=originals,
        key_pseudonyms=pseudonyms,
    )
    try:
        draft = composer.compose(docs, list(themes), sources=sources, words=words, pronouns=pronouns, seed=seed)
    except CannotCompose as e:
        fail(f"cannot compose: {e}", EXIT_CANNOT_COMPOSE)
    provenance = write_draft(draft, out_path)
    click.echo(draft.statement)
    if not quiet:
        click.echo(f"draft written to {out_path}; provenance (private) in {provenance}", err=True)
        if draft.notes:
            click.echo(f"{len(draft.notes)} note(s) for the author at the end of the draft", err=True)
    sys.exit(EXIT_INPUT_ERRORS if failed else EXIT_OK)


def _key_values(key_path: Path | None) -> tuple[list[tuple[str, str]], set[str]]:
    """Adapter to the scrub key: every original value (and its label), every pseudonym."""
    if key_path is None:
        return [], set()
    from qualdeid.risk.keyvalues import key_originals, key_pseudonyms

    identities = _open_key(key_path, create=False).identities
    return list(key_originals(identities)), key_pseudonyms(identities)


# ---- risk

RISK_HELP = """Check TEXT (a vignette, an edited draft, quotes) against the original corpus before publishing.

\b
Findings, each with its place in the text and a suggested fix:
  residual_identifier  a name, place, organisation, contact or ID of the corpus (with --key: every
                       original value and its variants) in the text: FAIL
  rare_detail          a distinctive detail found in fewer than --sources documents of the corpus
  combination          quasi-identifiers (age band, role, condition, event, family, place type...)
                       that together fit fewer than --sources documents (smallest k reported)
  verbatim             a long verbatim run, or a large share of the words, from one document
  joint_*              the same checks across all TEXTs together (details spread over a paper)
Thresholds and lexicons: rules/risk.yaml. Reports name sources by document id and never quote
the corpus beyond what is in TEXT.

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


@main.command(cls=_GreedyCorpusCommand, help=RISK_HELP)
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
    originals, _ = _key_values(key_path)
    detector = make_detector(model, rules_dirs, jobs)
    checker = RiskChecker(
        config, detector, make_corpus(corpus_paths, text_column, encoding, max_mb), key_identifiers=originals
    )
    report = checker.check(make_corpus(texts, None, encoding, max_mb))
    rendered = RENDERERS[fmt](report)
    if out_path:
        write_text_atomic(out_path, rendered)
        click.echo(render_table(report).splitlines()[0] + f" (report: {out_path})", err=True)
    else:
        click.echo(rendered, nl=False)
    sys.exit(report.exit_code)
