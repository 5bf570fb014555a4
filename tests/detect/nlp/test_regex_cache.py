"""Compiled patterns kept between runs: a pattern read back is the pattern a fresh compile gives, and a
store that is missing, broken or writable by others only costs the compile."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from qualdeid.detect.nlp import regex_cache
from qualdeid.detect.nlp.regex_cache import PatternStore
from qualdeid.detect.recognizers.yaml_patterns import DEFAULT_FLAGS
from qualdeid.rules import Rules

PATTERN = r"(?<![\p{L}])(?P<word>quillet|sprandle)[ \t]+(?P<n>\d{1,3})\b"
FLAGS = regex.IGNORECASE | regex.VERSION1
TEXT = "A Quillet 42 and a SPRANDLE 7, but not unquillet 9 or sprandle x."


def _no_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of read back")

    monkeypatch.setattr(regex_cache.regex, "compile", refuse)


def test_a_pattern_read_back_is_the_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "store"
    first = PatternStore(where)
    fresh = first.compiled(PATTERN, FLAGS)
    first.save()
    assert oct(where.stat().st_mode & 0o777) == "0o700"
    assert oct(first.path.stat().st_mode & 0o777) == "0o600"
    _no_compile(monkeypatch)
    back = PatternStore(where).compiled(PATTERN, FLAGS)
    assert back is not fresh
    assert (back.pattern, back.flags, back.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
    assert (
        [m.span("n") for m in back.finditer(TEXT)]
        == [m.span("n") for m in fresh.finditer(TEXT)]
        == [
            (10, 12),
            (28, 29),
        ]
    )


def test_every_rules_pattern_read_back_is_compiled_alike(tmp_path: Path) -> None:
    """The store's form of each YAML pattern of the default rules rebuilds the same program."""
    patterns = [
        p["regex"]
        for _path, data in Rules().yaml_files("recognizers/*.yaml")
        for entry in (data or {}).get("recognizers") or []
        for p in entry.get("patterns") or []
        if "{list:" not in p["regex"]
    ]
    assert len(patterns) > 100
    store = PatternStore(tmp_path)
    fresh = [store.compiled(p, DEFAULT_FLAGS) for p in patterns]
    store.save()
    again = PatternStore(tmp_path)
    back = [again.compiled(p, DEFAULT_FLAGS) for p in patterns]
    assert [b._pickled_data for b in back] == [f._pickled_data for f in fresh]


def test_a_store_others_could_write_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = PatternStore(tmp_path / "store")
    store.compiled(PATTERN, FLAGS)
    store.save()
    store.path.chmod(0o666)
    calls = []
    compile_ = regex.compile
    monkeypatch.setattr(regex_cache.regex, "compile", lambda *a, **k: calls.append(a) or compile_(*a, **k))
    assert PatternStore(tmp_path / "store").compiled(PATTERN, FLAGS).search(TEXT)
    assert calls == [(PATTERN,)]


def test_a_broken_store_only_costs_the_compile(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "store")
    store.compiled(PATTERN, FLAGS)
    store.save()
    store.path.write_bytes(b"\x00 not a store")
    again = PatternStore(tmp_path / "store")
    assert again.compiled(PATTERN, FLAGS).search(TEXT).group("word") == "Quillet"
    again.save()  # and the next run finds the pattern again
    assert PatternStore(tmp_path / "store")._read()


def test_a_bad_pattern_still_fails_as_regex_does(tmp_path: Path) -> None:
    with pytest.raises(regex.error):
        PatternStore(tmp_path).compiled(r"(?P<open", 0)


def test_a_full_store_keeps_its_own_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "MAX_PATTERNS", 3)
    old = PatternStore(tmp_path)
    for word in ("plimber", "quorrel", "snathe"):
        old.compiled(rf"\b{word}\b")
    old.save()
    new = PatternStore(tmp_path)
    new.compiled(r"\bplimber\b")
    new.compiled(r"\bvindle\b")
    new.save()
    assert sorted(p for p, _flags in PatternStore(tmp_path)._read()) == [r"\bplimber\b", r"\bvindle\b"]
