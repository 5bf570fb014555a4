"""A document that detection fails on is named on one line (never quoted), is never written, and the
rest of the batch goes on; the exit status says a file failed. The failures are real exceptions
inside the real pipeline: a rare-detail finder, the finaliser of pass 2, or a spaCy component that
raises on one document's marker word, in scan and scrub, in one process and in worker processes."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

from qualdeid.cli import main
from qualdeid.corpus.model import Document, DocumentError, InputError, Span
from qualdeid.corpus.split import join_parts, split_document
from qualdeid.detect import pipeline
from qualdeid.detect.finalise import Finaliser
from qualdeid.detect.nlp.loading import DEFAULT_MODEL, load_model
from qualdeid.detect.rare.terms import TermFinder
from qualdeid.pseudonymise.key import PASSPHRASE_ENV

#: The word that makes the pipeline raise, and the identifying words of the document that holds it.
MARKER = "Thistlewhump"
SECRETS = (MARKER, "Maribel", "Ostrander")
FAILING = "17-visit.txt"
#: Documents in the folder, the failing one included: enough that --jobs 2 really starts workers (16 per worker).
DOCUMENTS = 34


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "diaries"
    src.mkdir()
    for i in range(DOCUMENTS):
        text = f"Day {i}: Corwin Ashdale ran the morning group at the drop-in and we planned the garden.\n"
        (src / f"{i:02d}-visit.txt").write_text(text, encoding="utf-8")
    (src / FAILING).write_text(
        f"Maribel Ostrander came by again and showed me the {MARKER} she had been growing.\n", encoding="utf-8"
    )
    return src


def _raise_on_marker(text: str, pids: Path) -> None:
    if MARKER in text:
        with pids.open("a") as f:
            f.write(f"{os.getpid()}\n")
        raise ValueError(f"cannot handle {text!r}")  # quotes the text: the error line must not


@pytest.fixture(params=["finder", "finaliser", "spacy"])
def failing_site(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Make one place of the real pipeline raise on the marker; yields the file where the processes
    that raised write their ids (forked workers inherit the patch)."""
    pids = tmp_path / "raised-in.txt"
    if request.param == "finder":  # pass 1, a rare-detail finder
        find = TermFinder.find
        monkeypatch.setattr(
            TermFinder, "find", lambda self, ctx: _raise_on_marker(ctx.sdoc.text, pids) or find(self, ctx)
        )
        yield pids
    elif request.param == "finaliser":  # pass 2
        spans = Finaliser.spans
        monkeypatch.setattr(
            Finaliser, "spans", lambda self, text, found: _raise_on_marker(text, pids) or spans(self, text, found)
        )
        yield pids
    else:  # spaCy itself, inside nlp.pipe
        name = "qualdeid_test_raiser"
        if name not in Language.factories:

            @Language.component(name)
            def raiser(doc: Doc) -> Doc:
                _raise_on_marker(doc.text, Path(os.environ["QUALDEID_TEST_RAISED_IN"]))
                return doc

        monkeypatch.setenv("QUALDEID_TEST_RAISED_IN", str(pids))
        changed: list[Language] = []

        def load_with_raiser(model: str = DEFAULT_MODEL) -> Language:
            nlp = load_model(model)  # the cached pipeline every detector of this process shares
            if name not in nlp.pipe_names:
                nlp.add_pipe(name, last=True)
                changed.append(nlp)
            return nlp

        monkeypatch.setattr(pipeline, "load_model", load_with_raiser)
        try:
            yield pids
        finally:
            for nlp in changed:
                nlp.remove_pipe(name)


def _one_line_naming_the_file(stderr: str) -> None:
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    assert FAILING in errors[0] and "detection failed on this file" in errors[0] and "never written" in errors[0]
    assert re.search(r"\(ValueError in detect/[\w/]+\.py:\d+\)", errors[0]), errors[0]  # where, in qualdeid's code
    assert not any(secret in stderr for secret in SECRETS), stderr


def _raised_in_workers(pids: Path, jobs: int) -> None:
    raised = {int(p) for p in pids.read_text().split()}
    assert raised, "the pipeline never reached the marker"
    assert (os.getpid() not in raised) == (jobs > 1), "with --jobs 2 the failure must happen in a worker"


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_scan_names_the_failed_file_and_lists_every_other(folder: Path, failing_site: Path, jobs: int) -> None:
    result = CliRunner().invoke(main, ["scan", str(folder), "--format", "jsonl", "--jobs", str(jobs), "-q"])
    assert result.exit_code == 1, result.output
    _one_line_naming_the_file(result.stderr)
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert sorted(ids) == sorted(p.name for p in folder.iterdir() if p.name != FAILING)
    assert not any(secret in result.stdout for secret in SECRETS)
    _raised_in_workers(failing_site, jobs)


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_scrub_never_writes_the_failed_file_and_writes_every_other(
    folder: Path, failing_site: Path, jobs: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "a passphrase for tests")
    out = tmp_path / "scrubbed"
    args = ["scrub", str(folder), "-o", str(out), "--key", str(tmp_path / "private" / "k.key"), "--jobs", str(jobs)]
    result = CliRunner().invoke(main, [*args, "-q"])
    assert result.exit_code == 1, result.output
    _one_line_naming_the_file(result.stderr)
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([*(p.name for p in folder.iterdir() if p.name != FAILING), "qualdeid-audit.json"])
    for p in out.iterdir():
        text = p.read_text(encoding="utf-8")
        assert "Ashdale" not in text and not any(secret in text for secret in SECRETS), p.name
    audit = json.loads((out / "qualdeid-audit.json").read_text(encoding="utf-8"))
    assert audit["summary"]["inputs_failed"] == 1 and FAILING in audit["errors"][0]
    assert audit["summary"]["documents_written"] == DOCUMENTS - 1
    _raised_in_workers(failing_site, jobs)


def test_a_failed_record_is_named_by_its_line_and_the_file_is_written_without_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    find = TermFinder.find
    monkeypatch.setattr(
        TermFinder, "find", lambda self, ctx: _raise_on_marker(ctx.sdoc.text, tmp_path / "pids") or find(self, ctx)
    )
    monkeypatch.setenv(PASSPHRASE_ENV, "a passphrase for tests")
    records = [
        {"id": "r1", "text": "Corwin Ashdale ran the morning group."},
        {"id": "Maribel Ostrander", "text": f"Maribel Ostrander brought a {MARKER} in."},
        {"id": "r3", "text": "Corwin Ashdale locked up at five."},
    ]
    src = tmp_path / "notes.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "scrubbed"
    result = CliRunner().invoke(main, ["scrub", str(src), "-o", str(out), "--key", str(tmp_path / "k" / "k.key"), "-q"])
    assert result.exit_code == 1, result.output
    assert (
        result.stderr.count("error:") == 1 and "notes.jsonl: detection failed on the record on line 2" in result.stderr
    )
    assert not any(secret in result.stderr for secret in SECRETS), result.stderr
    written = [json.loads(line) for line in (out / "notes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in written] == ["r1", "r3"]
    assert not any("Ashdale" in r["text"] for r in written)


def test_a_failed_part_of_a_long_document_fails_the_whole_document_alone() -> None:
    text = "\n\n".join(f"Paragraph {i} of a long account of the week." for i in range(40))
    parts = split_document(Document("long.txt", text, source=Path("long.txt")), 200)
    assert len(parts) > 3
    items: list[Document | InputError] = [Document("a.txt", "before", source=Path("a.txt"))]
    for i, part in enumerate(parts):
        if i == 2:
            items.append(DocumentError("long.txt", "detection failed on this file (ValueError)", part.meta))
        else:
            part.spans = [Span(0, 9, "PERSON", "Paragraph")]
            items.append(part)
    items.append(Document("b.txt", "after", source=Path("b.txt")))
    out = list(join_parts(items))
    assert [type(i).__name__ for i in out] == ["Document", "DocumentError", "Document"]
    assert str(out[1]) == "long.txt: detection failed on this file (ValueError)" and out[1].meta == {}
