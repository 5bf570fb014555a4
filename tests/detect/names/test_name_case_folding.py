"""Known names found again in any letter case, for scripts whose case rules are not English ones:
Turkish dotless ı and dotted İ, German ß, Greek final sigma (invented names)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.names.acceptance import KnownName, KnownNames, name_key


def names_found(detector, texts: list[str]) -> list[list[str]]:
    docs = detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)])
    return [[d.text[s.start : s.end] for s in d.spans if s.label == "PERSON"] for d in docs]


@pytest.mark.parametrize(
    ("key", "surface"),
    [
        ("kıvılcım", "KIVILCIM"),  # str.lower() of "I" is "i", the search's is "ı" too
        ("kıvılcım", "Kıvılcım"),
        ("İpek", "ipek"),  # "İ".lower() is two letters: the key keeps the capital
        ("θεοφάνης", "ΘΕΟΦΆΝΗΣ"),  # final sigma: "ς" and "Σ"
        ("strauß", "STRAUẞ"),
    ],
)
def test_a_known_name_is_found_from_every_case_the_search_matches(key: str, surface: str) -> None:
    known = KnownNames()
    known[name_key(key)] = KnownName(key, wordlike=False)
    assert known.find(surface) is known[name_key(key)]


def test_an_unknown_word_is_not_found() -> None:
    known = KnownNames()
    known[name_key("Kıvılcım")] = KnownName("Kıvılcım", wordlike=False)
    assert known.find("Kivilcin") is None
    assert known.find("Tuesday") is None


def test_detection_does_not_crash_on_names_whose_lower_case_differs(detector) -> None:
    texts = [
        "Met Kıvılcım Ertuğrul at the hall; Kıvılcım said the bus was late. İpek Sarıgül waved.",
        "Later KIVILCIM rang, then kıvılcım came. ipek said hi. Θεοφάνης Καλλέργης came; ΚΑΛΛΈΡΓΗΣ said no.",
        "Dieter Großkopf brought cake, and later großkopf said it was his mum's recipe.",
    ]
    found = names_found(detector, texts)
    assert "kıvılcım" in found[1]
    assert "ipek" in found[1]
    assert "ΚΑΛΛΈΡΓΗΣ" in found[1]
    assert "großkopf" in found[2]
