"""Compiled patterns kept between runs: a pattern read back is the pattern a fresh compile gives, and a
store that is missing, broken or writable by others only costs the compile."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

from qualdeid.detect.nlp import regex_cache
from qualdeid.detect.nlp.regex_cache import PatternStore
from qualdeid.detect.nlp.regex_gate import READER, reading
from qualdeid.detect.recognizers.yaml_patterns import DEFAULT_FLAGS
from qualdeid.rules import Rules

PATTERN = r"(?<![\p{L}])(?P<word>quillet|sprandle)[ \t]+(?P<n>\d{1,3})\b"
FLAGS = regex.IGNORECASE | regex.VERSION1
#: flags under which the gate reads literals (not under VERSION1's full case folding)
GATE_FLAGS = regex.IGNORECASE
TEXT = "A Quillet 42 and a SPRANDLE 7, but not unquillet 9 or sprandle x."


def _no_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of read back")

    monkeypatch.setattr(regex_cache.regex, "compile", refuse)


def _rules_patterns() -> list[str]:
    """The YAML patterns of the default rules that name no list."""
    return [
        p["regex"]
        for _path, data in Rules().yaml_files("recognizers/*.yaml")
        for entry in (data or {}).get("recognizers") or []
        for p in entry.get("patterns") or []
        if "{list:" not in p["regex"]
    ]


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
    patterns = _rules_patterns()
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


def _counting_reader(calls: list[str]) -> Callable[[str, int], regex_cache.Reading]:
    def read(pattern: str, flags: int) -> regex_cache.Reading:
        calls.append(pattern)
        return reading(pattern, flags)

    return read


def test_a_gate_reading_read_back_is_the_fresh_one(tmp_path: Path) -> None:
    """What the gate reads from a pattern (its literals, whether it keeps to digit lines) is kept with it."""
    calls: list[str] = []
    first = PatternStore(tmp_path)
    fresh = first.gate_reading(PATTERN, GATE_FLAGS, _counting_reader(calls), READER)
    first.save()
    back = PatternStore(tmp_path).gate_reading(PATTERN, GATE_FLAGS, _counting_reader(calls), READER)
    assert back == fresh == reading(PATTERN, GATE_FLAGS)
    assert fresh[1] is True and fresh[0] is not None  # a number on one line, after one of two words
    assert calls == [PATTERN]  # read once: the second store had it


def test_another_reader_reads_the_pattern_again(tmp_path: Path) -> None:
    calls: list[str] = []
    store = PatternStore(tmp_path)
    store.gate_reading(PATTERN, GATE_FLAGS, _counting_reader(calls), "an older gate")
    store.save()
    PatternStore(tmp_path).gate_reading(PATTERN, GATE_FLAGS, _counting_reader(calls), READER)
    assert calls == [PATTERN, PATTERN]


def test_every_rules_pattern_gated_from_the_store_is_gated_alike(tmp_path: Path) -> None:
    """The YAML patterns of the default rules, built through a store that holds their readings, get the
    gates a fresh reading gives."""
    patterns = _rules_patterns()
    first = PatternStore(tmp_path)
    for p in patterns:
        first.gate_reading(p, DEFAULT_FLAGS, reading, READER)
    first.save()
    again = PatternStore(tmp_path)
    refuse = _counting_reader(calls := [])
    kept = [again.gate_reading(p, DEFAULT_FLAGS, refuse, READER) for p in patterns]
    assert calls == []
    assert kept == [reading(p, DEFAULT_FLAGS) for p in patterns]
    assert sum(lines for _required, lines in kept) > 50


def test_a_store_of_the_older_form_only_costs_the_reading(tmp_path: Path) -> None:
    store = PatternStore(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(marshal.dumps({"version": regex_cache.VERSION, "patterns": {}, "readings": {("x", 0): 1}}))
    store.path.chmod(0o600)
    calls: list[str] = []
    assert PatternStore(tmp_path).gate_reading(PATTERN, GATE_FLAGS, _counting_reader(calls), READER) == reading(
        PATTERN, GATE_FLAGS
    )
    assert calls == [PATTERN]
