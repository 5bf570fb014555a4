"""Nothing is written among the inputs, and a write that fails (full disk, file too large) leaves no
partial output, the old key intact and a run that can simply be started again.

A full disk is simulated with the file-size limit (``RLIMIT_FSIZE``): past it the kernel refuses the
write (EFBIG) just as a full disk does (ENOSPC); both reach the same code. The hostile-case script
(``tools/hostile_cases.py``) runs the same cases on a real, full tmpfs.
"""

from __future__ import annotations

import contextlib
import hashlib
import resource
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import PASSPHRASE, QDA, SCRUB_FIXTURES, FakeDetector
from qualdeid.corpus.readers import Corpus
from qualdeid.pseudonymise import Key, Restorer, Scrubber, ScrubConfig, ScrubError
from qualdeid.pseudonymise.key import KeySaveError
from qualdeid.pseudonymise.scrub import AUDIT_NAME


@contextlib.contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def scrub(key: Key, inputs: list[Path], out: Path, **cfg: object):
    return Scrubber(key, ScrubConfig(seed="o", **cfg), detector=FakeDetector()).scrub(Corpus(inputs), out)


def new_key(path: Path) -> Key:
    return Key.create(path, PASSPHRASE, n=2**12)


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        for p in folder.rglob("*")
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(SCRUB_FIXTURES, src)
    return src


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize(
    ("inputs", "out", "says"),
    [
        (["in"], "in", "is the input"),
        (["in"], "in/scrubbed", "is inside the input folder"),
        (["in"], ".", "contains the input"),
        (["in/visit.txt"], "in", "contains the input"),
        (["in/visit.txt"], "in/visit.txt", "is the input"),
        (["in/visit.txt", "in"], "in/sub", "is inside the input folder"),
    ],
)
def test_an_output_folder_among_the_inputs_is_refused_before_anything_is_written(
    corpus: Path, tmp_path: Path, inputs: list[str], out: str, says: str, force: bool
) -> None:
    before = digest(tmp_path)
    key = new_key(tmp_path.parent / f"{tmp_path.name}-private" / "study.key")
    with pytest.raises(ScrubError, match=says):
        scrub(key, [tmp_path / i for i in inputs], tmp_path / out, force=force)
    assert digest(tmp_path) == before and not key.path.exists()


def test_a_key_inside_an_input_folder_is_refused(corpus: Path, tmp_path: Path) -> None:
    key = new_key(corpus / "study.key")
    with pytest.raises(ScrubError, match="is inside the input folder"):
        scrub(key, [corpus], tmp_path / "out")
    assert sorted(p.name for p in corpus.iterdir()) == ["notes.md", "records.jsonl", "visit.txt"]


def test_a_file_beside_its_output_folder_is_fine(corpus: Path, tmp_path: Path) -> None:
    result = scrub(new_key(tmp_path / "k" / "study.key"), [corpus / "visit.txt"], corpus.parent / "scrubbed")
    assert result.ok and (corpus.parent / "scrubbed" / "visit.txt").exists()


def _big_input(corpus: Path) -> None:
    (corpus / "long.txt").write_text("Josh rang.\n" + "The rota was changed again.\n" * 4000, encoding="utf-8")


def test_an_output_too_large_for_the_disk_stops_the_run_and_the_rerun_finishes(corpus: Path, tmp_path: Path) -> None:
    _big_input(corpus)
    out, key_path = tmp_path / "out", tmp_path / "private" / "study.key"
    with file_size_limit(100_000):  # the key and small outputs fit, the long one does not
        result = scrub(new_key(key_path), [corpus], out)
    assert [e for e in result.errors if "long.txt" in e] == [
        f"{out / 'long.txt'}: could not write it (the disk is full or the file is too large for it; "
        "free some space and run again)"
    ]
    assert not (out / "long.txt").exists() and not list(out.glob(".*.part"))
    assert all((out / p.name).read_bytes() for p in result.written)
    again = scrub(Key.open(key_path, PASSPHRASE), [corpus], out)
    assert again.ok, again.errors
    assert out / "long.txt" in again.written
    back = tmp_path / "back"
    assert Restorer(Key.open(key_path, PASSPHRASE)).restore(Corpus([out]), back).ok
    for f in ("long.txt", "visit.txt", "notes.md", "records.jsonl"):
        assert (back / f).read_bytes() == (corpus / f).read_bytes(), f


def test_a_key_that_cannot_be_saved_leaves_the_old_key_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    key_path, out = tmp_path / "private" / "study.key", tmp_path / "out"
    old = new_key(key_path)
    old.save()
    before = key_path.read_bytes()
    with file_size_limit(len(before) + 100), pytest.raises(KeySaveError) as err:  # the new log does not fit
        scrub(Key.open(key_path, PASSPHRASE), [corpus], out)
    assert str(err.value).startswith(f"{key_path}: could not save the key (the disk is full")
    assert key_path.read_bytes() == before
    assert sorted(p.name for p in key_path.parent.iterdir()) == ["study.key", "study.key.lock"]
    assert not out.exists() or not any(out.iterdir())


def test_a_key_that_cannot_be_saved_after_the_outputs_takes_them_back(corpus: Path, tmp_path: Path) -> None:
    # first a run to measure: the key after its first save (the log) and after its last (with outputs' hashes)
    probe_key = tmp_path / "probe" / "study.key"
    sizes: list[int] = []
    real_save = Key.save

    def measuring_save(self: Key) -> None:
        real_save(self)
        sizes.append(self.path.stat().st_size)

    Key.save = measuring_save  # type: ignore[method-assign]
    try:
        scrub(new_key(probe_key), [corpus], tmp_path / "probe-out")
    finally:
        Key.save = real_save  # type: ignore[method-assign]
    first, last = sizes
    assert first < last
    key_path, out = tmp_path / "private" / "study.key", tmp_path / "out"
    with (
        file_size_limit((first + last) // 2),
        pytest.raises(KeySaveError, match=r"file\(s\) this run wrote were removed"),
    ):
        scrub(new_key(key_path), [corpus], out)
    assert not [p for p in out.rglob("*") if p.is_file()]  # no output without the record to restore it
    again = scrub(Key.open(key_path, PASSPHRASE), [corpus], out)
    assert again.ok and len(again.written) == 3 and (out / AUDIT_NAME).exists()


def test_a_qdpx_project_scrubbed_again_is_already_done(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(QDA / "sample.qdpx", src / "project.qdpx")
    out, key_path = tmp_path / "out", tmp_path / "private" / "study.key"
    first = scrub(new_key(key_path), [src], out)
    assert first.ok and first.written == [out / "project.qdpx"], first.errors
    again = scrub(Key.open(key_path, PASSPHRASE), [src], out)
    assert again.ok, again.errors
    assert again.unchanged == [out / "project.qdpx"] and again.written == []
