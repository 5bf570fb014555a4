"""The script class of a character, read by patterns compiled once (``names/scripts.py``): the same classes
as the character ranges say, for the characters of the Basic Multilingual Plane."""

import re

from qualdeid.detect.names.scripts import _HAN, _KANA, _SPACED, _class, _holds_han


def _by_ranges(c: str) -> str:
    """The classes as the module's ranges define them, each range read afresh."""
    if "\u0e01" <= c <= "\u0e4e":
        return "thai"
    for kind, ranges in (("han", _HAN), ("kana", _KANA)):
        if re.fullmatch(f"[{ranges}]", c):
            return kind
    if "\uac00" <= c <= "\ud7a3":
        return "hangul"
    return "spaced" if re.fullmatch(f"[{_SPACED}]", c) else ""


def test_every_character_has_the_class_its_ranges_give():
    # every third character of the plane, and each range's first and last
    ends = {ord(c) for c in re.findall(r"[^-]", _HAN + _KANA + _SPACED)}
    codes = sorted({*range(0, 0x10000, 3), *ends} - set(range(0xD800, 0xE000)))
    characters = [chr(i) for i in codes]
    assert [c for c in characters if _class(c) != _by_ranges(c)] == []


def test_a_text_holds_han_exactly_where_one_character_is_of_class_han():
    texts = ["plain English", "Thai \u0e01\u0e32\u0e23", "kana \u3042\u30a2", "a \u4e2d b", "\u3005", ""]
    for text in texts:
        assert _holds_han(text) == any(_class(c) == "han" for c in text)
