"""Which files a folder gives: links that lead outside it, hidden and broken entries are named, never
read silently or skipped silently; a byte-order mark wins over --encoding; the size limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from qualdeid.cli import main
from qualdeid.corpus.readers import (
    BROKEN_LINK,
    DEFAULT_MAX_BYTES,
    HIDDEN,
    LINK_OUTSIDE,
    UNSUPPORTED,
    Corpus,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one of each: a diary, hidden entries, links out, a link within, a broken link."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "shared").mkdir(parents=True)
    (elsewhere / "shared" / "outside.txt").write_text("Outside the folder.", encoding="utf-8")
    (elsewhere / "lone.txt").write_text("Also outside.", encoding="utf-8")
    root = tmp_path / "diaries"
    (root / "week1").mkdir(parents=True)
    (root / "week1" / "mon.txt").write_text("Monday.", encoding="utf-8")
    (root / ".drafts").mkdir()
    (root / ".drafts" / "draft.txt").write_text("Draft.", encoding="utf-8")
    (root / ".notes.txt").write_text("Hidden note.", encoding="utf-8")
    (root / "team").symlink_to(elsewhere / "shared", target_is_directory=True)
    (root / "lone.txt").symlink_to(elsewhere / "lone.txt")
    (root / "latest.txt").symlink_to(root / "week1" / "mon.txt")
    (root / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (root / "week1" / "up").symlink_to(root, target_is_directory=True)  # a loop back up the tree
    (root / "scan.qdpx.bak").write_bytes(b"x")
    return root


def skipped(corpus: Corpus) -> set[tuple[str, str, bool]]:
    return {(s.path.name, s.reason, s.is_dir) for s in corpus.skipped}


def test_links_out_hidden_and_broken_entries_are_skipped_and_named(folder: Path) -> None:
    corpus = Corpus([folder])
    # a link within the folder is read; one back up the tree is not walked round and round
    assert [d.id for d in corpus.documents()] == ["latest.txt", "week1/mon.txt"]
    assert skipped(corpus) == {
        (".drafts", HIDDEN, True),
        (".notes.txt", HIDDEN, False),
        ("team", LINK_OUTSIDE, True),
        ("lone.txt", LINK_OUTSIDE, False),
        ("gone.txt", BROKEN_LINK, False),
        ("scan.qdpx.bak", UNSUPPORTED, False),
    }


def test_follow_symlinks_reads_what_links_lead_to(folder: Path) -> None:
    corpus = Corpus([folder], follow_symlinks=True)
    assert [d.id for d in corpus.documents()] == ["latest.txt", "lone.txt", "team/outside.txt", "week1/mon.txt"]
    assert {s.reason for s in corpus.skipped} == {HIDDEN, BROKEN_LINK, UNSUPPORTED}


def test_a_path_given_directly_is_read_whatever_its_name(folder: Path) -> None:
    assert [d.id for d in Corpus([folder / ".notes.txt", folder / "lone.txt"]).documents()] == [
        ".notes.txt",
        "lone.txt",
    ]


def test_the_warnings_name_each_entry_and_say_what_to_do(folder: Path, detector) -> None:
    result = CliRunner().invoke(main, ["scan", str(folder), "--format", "jsonl", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    *warnings, summary = result.stderr.splitlines()
    assert summary == "2 document(s), 0 span(s)"
    assert warnings == [
        "warning: skipped 1 file(s) of unsupported types (1 .bak); qualdeid reads .txt, .md, .docx, .jsonl, .csv "
        "and .qdpx — convert the others to one of these",
        f"warning: skipped {folder / '.drafts'}/, {folder / '.notes.txt'} (hidden); rename without the leading "
        "dot to include it",
        f"warning: skipped {folder / 'lone.txt'}, {folder / 'team'}/ (link leading outside the folder); give the "
        "linked path itself, or use --follow-symlinks",
        f"warning: skipped {folder / 'gone.txt'} (broken link); the file it pointed to is gone",
    ]


def test_a_byte_order_mark_wins_over_encoding(tmp_path: Path) -> None:
    text = "Rang Ysolde Ferreira-Mäkinen about Thursday."
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "utf8bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    docs = list(Corpus([tmp_path], encoding="cp1252").documents())
    assert [(d.id, d.text) for d in docs] == [("legacy.txt", text), ("utf16.txt", text), ("utf8bom.txt", text)]


def test_the_size_limit_is_twenty_megabytes_exactly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: no disk space used
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    (err,) = list(Corpus([big]))
    assert str(err) == (
        f"{big}: file is 20 MB, over the 20 MB limit; split it into smaller documents or raise the limit (--max-mb)"
    )
    help_text = CliRunner().invoke(main, ["scan", "--help"]).output
    assert "[default: 20;" in help_text
