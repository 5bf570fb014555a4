"""Where each value of a JSON line sits: generated records in every common JSON style."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualdeid.corpus.jsonraw import char_offsets, encode_string, pointer, value_tokens

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
)
styles = st.sampled_from(
    [{}, {"ensure_ascii": False}, {"separators": (",", ":")}, {"indent": None, "separators": (" , ", " : ")}]
)


def _at(value, path):
    for key in path:
        value = value[key]
    return value


@SETTINGS
@given(st.dictionaries(st.text(max_size=6), values, max_size=5), styles)
def test_every_value_is_found_where_it_is_written(record, style) -> None:
    line = json.dumps(record, **style)
    for tok in value_tokens(line):
        assert json.loads(line[tok.start : tok.end]) == _at(record, tok.path)
        if isinstance(tok.value, str):
            offsets = char_offsets(line, tok)
            assert len(offsets) == len(tok.value) + 1
            for i, ch in enumerate(tok.value):
                assert json.loads('"' + line[offsets[i] : offsets[i + 1]] + '"') == ch


def test_numbers_and_escapes_are_located_as_written() -> None:
    line = '{"n": 1e3, "p": 1.50, "t": "Zo\\u00eb \\"B\\"", "a": [true, {"x": null}]}'
    found = {pointer(t.path): line[t.start : t.end] for t in value_tokens(line)}
    assert found["/n"] == "1e3" and found["/p"] == "1.50" and found["/a/1/x"] == "null"
    (text,) = [t for t in value_tokens(line) if t.path == ("t",)]
    assert text.value == 'Zoë "B"' and line[char_offsets(line, text)[2] : char_offsets(line, text)[3]] == "\\u00eb"
    assert encode_string("Zoë", ascii_only=True) == "Zo\\u00eb" and encode_string("Zoë", ascii_only=False) == "Zoë"


@pytest.mark.parametrize("bad", ['{"a": 1} x', '{"a" 1}', "[1, 2", '{"a": tru}'])
def test_not_one_json_value_is_an_error(bad: str) -> None:
    with pytest.raises(ValueError):
        value_tokens(bad)
