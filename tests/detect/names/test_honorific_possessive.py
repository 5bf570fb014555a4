"""An honorific or a kin word after a name keeps the name when it owns something ("at Parveen aunty's flat";
invented lines)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We met at Parveen aunty's flat after the clinic.", "Parveen aunty"),
        ("We sat in Parveen aunty’s kitchen for an hour.", "Parveen aunty"),
        ("Sunil uncle's shop was shut all week.", "Sunil uncle"),
    ],
)
def test_a_name_before_an_owning_honorific_is_a_person(detector, text: str, name: str) -> None:
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert name in found


def test_an_owning_kin_word_alone_names_no_one(detector) -> None:
    found = [s.text for s in detector.detect_text("Went to my uncle's shop and her aunty's flat.").spans]
    assert not any("uncle" in f or "aunty" in f for f in found)
