"""Compiled ``regex`` patterns kept between runs, so that a scan does not parse the rules' patterns anew.

The ``regex`` module parses and optimises a pattern in Python: the recognizers' patterns of ``rules/``
(the YAML ones, other languages' ages, relatives and organisations) took about 0.4 s of CPU at every
start of ``qualdeid scan``, the same work each time. What the parse yields is the compiled program the
module itself pickles a pattern as (``Pattern._pickled_data``); rebuilt from it, the pattern is the
same object as a fresh compile gives, without the parse. :func:`compiled` returns a pattern from
that store or compiles it and notes it; :func:`save` writes the notes once the patterns are built
(``recognizers.build_recognizers``). The store keeps what ``nlp/regex_gate.py`` reads from a pattern
too (:func:`gate_reading`: its required literals and whether it keeps to digit lines), a second parse
of each pattern, by the standard library's parser, at every start (about 0.15 s of CPU).

The store is one file per version of the ``regex`` module and of Python, read with :mod:`marshal`
(data only) from the OS temporary folder, in a folder only its owner can open, in a file only its
owner can read; a folder or file that someone else could have written is not read. A file that is
missing, unreadable or of another form only costs the parse.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex
from regex import _regex

from qualdeid.private_files import private_folder, read_private, write_private

#: Form of the store's file; a file of another form is not read.
VERSION = 2
#: At most this many patterns are kept (the default rules have about 250); past it, a save keeps only the
#: patterns of its own run
MAX_PATTERNS = 5000

Key = tuple[str, int]
#: what ``regex_gate.reading`` says of a pattern: its required literals (or None) and whether it keeps to digit lines
Reading = tuple[tuple[tuple[str, ...], ...] | None, bool]
#: a reading's key: the pattern, its flags and the reader's version (``regex_gate.READER``), so that a changed
#: gate reads every pattern again
ReadingKey = tuple[str, int, str]


def folder() -> Path:
    return private_folder("qualdeid-regex-cache")


class PatternStore:
    """Compiled patterns of one file of ``where`` (:func:`folder` by default), read once, added to by :meth:`save`."""

    def __init__(self, where: Path | None = None) -> None:
        self.where = where or folder()
        self.path = self.where / f"v{VERSION}-regex-{regex.__version__}-{sys.implementation.cache_tag}.marshal"
        self._stored: dict[Key, tuple[Any, ...]] | None = None
        self._new: dict[Key, tuple[Any, ...]] = {}
        self._used: set[Key] = set()
        self._readings: dict[ReadingKey, Reading] = {}
        self._new_readings: dict[ReadingKey, Reading] = {}
        self._used_readings: set[ReadingKey] = set()

    def compiled(self, pattern: str, flags: int = 0) -> Any:
        """``regex.compile(pattern, flags)``, rebuilt from the store where it holds the pattern."""
        key = (pattern, int(flags))
        self._used.add(key)
        data = self._read().get(key) or self._new.get(key)
        if data is not None:
            try:
                return _regex.compile(*data)
            except Exception:  # data of another form: compile as usual
                pass
        out = regex.compile(pattern, flags=flags)
        data = getattr(out, "_pickled_data", None)
        if isinstance(data, tuple):
            self._new[key] = data
        return out

    def gate_reading(self, pattern: str, flags: int, read: Callable[[str, int], Reading], version: str) -> Reading:
        """``read(pattern, flags)`` (``regex_gate.reading``), from the store where it holds what the reader of
        this ``version`` read from the pattern."""
        key = (pattern, int(flags), version)
        self._used_readings.add(key)
        self._read()
        found = self._readings.get(key) or self._new_readings.get(key)
        if found is None:
            found = self._new_readings[key] = read(pattern, flags)
        return found

    def save(self) -> None:
        """Add the patterns compiled and read since the store was read to its file (atomically; never fails)."""
        if not self._new and not self._new_readings:
            return
        store = {**self._read(), **self._new}
        readings = {**self._readings, **self._new_readings}
        if len(store) > MAX_PATTERNS or len(readings) > MAX_PATTERNS:
            store = {k: v for k, v in store.items() if k in self._used}
            readings = {k: v for k, v in readings.items() if k in self._used_readings}
        try:
            data = marshal.dumps({"version": VERSION, "patterns": store, "readings": readings})
            if not write_private(self.path, data):
                return
        except (OSError, ValueError):
            return  # a store that cannot be written only costs the next start its parse
        self._stored, self._new = store, {}
        self._readings, self._new_readings = readings, {}

    def _read(self) -> dict[Key, tuple[Any, ...]]:
        if self._stored is None:
            self._stored = {}
            raw = read_private(self.path)
            try:
                data = marshal.loads(raw) if raw is not None else None
            except (ValueError, EOFError, TypeError):
                data = None
            if isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("patterns"), dict):
                self._stored = {
                    k: v
                    for k, v in data["patterns"].items()
                    if isinstance(k, tuple) and len(k) == 2 and isinstance(v, tuple) and v and v[0] == k[0]
                }
                readings = data.get("readings")
                self._readings = {
                    k: v
                    for k, v in (readings.items() if isinstance(readings, dict) else ())
                    if isinstance(k, tuple) and len(k) == 3 and _is_reading(v)
                }
        return self._stored


def _is_reading(value: Any) -> bool:
    """``value`` has the form of a :data:`Reading` (a store of another form is not trusted)."""
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bool)):
        return False
    required = value[0]
    return required is None or (
        isinstance(required, tuple)
        and all(isinstance(g, tuple) and all(isinstance(s, str) for s in g) for g in required)
    )


_default: PatternStore | None = None


def _store() -> PatternStore:
    global _default
    if _default is None:
        _default = PatternStore()
    return _default


def compiled(pattern: str, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)`` through the default store."""
    return _store().compiled(pattern, flags)


def gate_reading(pattern: str, flags: int, read: Callable[[str, int], Reading], version: str) -> Reading:
    """``read(pattern, flags)`` through the default store."""
    return _store().gate_reading(pattern, flags, read, version)


def save() -> None:
    """Write the default store's new patterns."""
    _store().save()
