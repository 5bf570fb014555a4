"""The review's scan cache: a corpus reviewed again with the same rules and code is not scanned again,
and nothing is read from a place someone else could have written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from qualdeid.corpus.model import Document, InputError, Span
from qualdeid.detect import DetectConfig, Detector
from qualdeid.review.cache import ScanCache, replay, scan_key
from qualdeid.review.session import ReviewSession

DIARIES = Path(__file__).resolve().parents[1] / "fixtures" / "review"


def corpus() -> list[Document | InputError]:
    a = Document("a.txt", "Met Quorlan by the canal.", source=Path("a.txt"))
    a.spans = [Span(4, 11, "PERSON", "Quorlan", 0.9, "names", None, "a first name")]
    a.doubts = [Span(15, 24, "RARE_DETAIL", "the canal", 0.3, "rare-doubt", "activity", "shared")]
    return [a, InputError("b.txt", "not UTF-8 text")]


def test_saved_and_read_back_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    items = corpus()
    cache = ScanCache("k1", folder)
    assert cache.load() is None
    cache.save(items)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct(cache.path.stat().st_mode & 0o777) == "0o600"
    assert "Quorlan" not in cache.path.read_text(encoding="utf-8")  # offsets and labels, never the text
    fresh = [Document("a.txt", "Met Quorlan by the canal.", source=Path("a.txt")), items[1]]
    replayed = replay(ScanCache("k1", folder).load() or {}, fresh)
    assert replayed is not None
    [doc], errors = replayed
    assert [(s.text, s.label, s.reason) for s in doc.spans] == [("Quorlan", "PERSON", "a first name")]
    assert [s.text for s in doc.doubts] == ["the canal"]
    assert errors == ["b.txt: not UTF-8 text"]
    edited = [Document("a.txt", "Met Quorlan by the river.", source=Path("a.txt")), items[1]]
    assert replay(ScanCache("k1", folder).load() or {}, edited) is None  # another text: scanned again


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_a_cache_others_could_write_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache = ScanCache("k1", folder)
    cache.save(corpus())
    folder.chmod(0o777)
    assert cache.load() is None
    folder.chmod(0o700)
    cache.path.chmod(0o644)
    assert cache.load() is None


def test_the_key_follows_texts_rules_and_model_but_not_decisions(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    key = scan_key(corpus(), [rules], "")
    (rules / "decisions.yaml").write_text("occurrences: []\n", encoding="utf-8")
    assert scan_key(corpus(), [rules], "") == key
    assert scan_key(corpus(), [rules], "en_core_web_md") != key
    (rules / "deny.txt").write_text("Quorlan\n", encoding="utf-8")
    assert scan_key(corpus(), [rules], "") != key
    (rules / "deny.txt").unlink()
    other = corpus()
    other[0] = Document("a.txt", "Met Quorlan by the river.", source=Path("a.txt"))
    assert scan_key(other, [rules], "") != key


def test_a_second_review_of_the_same_corpus_reads_the_scan_back(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    made: list[Detector] = []

    def detector(dirs: list[Path]) -> Detector:
        made.append(Detector(DetectConfig(rules_dirs=dirs, apply_decisions=False)))
        return made[-1]

    def review(rules: Path) -> ReviewSession:
        rules.mkdir(exist_ok=True)
        s = ReviewSession([str(DIARIES)], rules, detector_factory=detector)
        s.load()
        return s

    first = review(tmp_path / "rules")
    second = review(tmp_path / "rules")
    assert len(made) == 1  # the second review loaded no language model and scanned nothing
    assert second.status == "ready" and [d.text for d in second.docs] == [d.text for d in first.docs]
    assert [d.spans for d in second.docs] == [d.spans for d in first.docs]
    assert [d.items for d in second.docs] == [d.items for d in first.docs]
    assert second.order == first.order
