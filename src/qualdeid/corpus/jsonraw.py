"""Where each value of a JSON record sits in its line, so that a changed value is written back
into the line as it was and every other byte of the line (numbers such as ``1e3`` or ``1.50``,
spacing, escapes, key order) stays exactly as written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}  # format: JSON literal names


@dataclass(frozen=True, slots=True)
class Token:
    """A value of the record: ``line[start:end]`` is its JSON text, ``path`` the keys and indexes to it,
    ``value`` the value itself for strings, numbers, booleans and null (None for objects and arrays)."""

    path: Path
    start: int
    end: int
    value: Any


def value_tokens(line: str) -> list[Token]:
    """Every value of the record in ``line`` (objects and arrays too), in the order written.

    Raises ValueError if the line is not one JSON value (``json.loads`` has accepted it before).
    """
    tokens: list[Token] = []
    end = _value(line, _skip(line, 0), (), tokens)
    if _skip(line, end) != len(line):
        raise ValueError("extra data after the JSON value")
    return tokens


def _skip(s: str, i: int) -> int:
    return _WS.match(s, i).end()  # type: ignore[union-attr]


def _value(s: str, i: int, path: Path, out: list[Token]) -> int:
    c = s[i : i + 1]
    if c == '"':
        value, end = scanstring(s, i + 1, True)
        out.append(Token(path, i, end, value))
        return end
    if c == "{":
        at = len(out)
        out.append(Token(path, i, i, None))
        i = _skip(s, i + 1)
        if s[i : i + 1] == "}":
            out[at] = Token(path, out[at].start, i + 1, None)
            return i + 1
        while True:
            key, i = scanstring(s, i + 1, True)
            i = _skip(s, i)
            if s[i : i + 1] != ":":
                raise ValueError("expected ':'")
            i = _skip(s, _value(s, _skip(s, i + 1), (*path, key), out))
            if s[i : i + 1] == "}":
                out[at] = Token(path, out[at].start, i + 1, None)
                return i + 1
            if s[i : i + 1] != ",":
                raise ValueError("expected ',' or '}'")
            i = _skip(s, i + 1)
    if c == "[":
        at = len(out)
        out.append(Token(path, i, i, None))
        i = _skip(s, i + 1)
        n = 0
        if s[i : i + 1] == "]":
            out[at] = Token(path, out[at].start, i + 1, None)
            return i + 1
        while True:
            i = _skip(s, _value(s, i, (*path, n), out))
            n += 1
            if s[i : i + 1] == "]":
                out[at] = Token(path, out[at].start, i + 1, None)
                return i + 1
            if s[i : i + 1] != ",":
                raise ValueError("expected ',' or ']'")
            i = _skip(s, i + 1)
    for word, value in _LITERALS.items():
        if s.startswith(word, i):
            out.append(Token(path, i, i + len(word), value))
            return i + len(word)
    m = _NUMBER.match(s, i)
    if not m or m.end() == i:
        raise ValueError("not a JSON value")
    out.append(Token(path, i, m.end(), json.loads(m.group())))
    return m.end()


def char_offsets(line: str, token: Token) -> list[int]:
    """For a string token: where each character of its value starts in ``line`` (one more entry
    for the closing quote), escapes such as ``\\n`` or ``\\u00e9`` counted as the character they stand for."""
    offsets: list[int] = []
    i = token.start + 1
    end = token.end - 1
    while i < end:
        offsets.append(i)
        if line[i] != "\\":
            i += 1
        elif line[i + 1] != "u":
            i += 2
        else:
            code = int(line[i + 2 : i + 6], 16)
            i += 6
            if 0xD800 <= code < 0xDC00 and line.startswith("\\u", i):  # a surrogate pair is one character
                i += 6
    offsets.append(end)
    return offsets


def pointer(path: Path) -> str:
    """The JSON pointer (RFC 6901) of a path: ``/notes/0/author``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def encode_string(value: str, ascii_only: bool) -> str:
    """``value`` as the inside of a JSON string (no quotes), in the line's style."""
    return json.dumps(value, ensure_ascii=ascii_only)[1:-1]
