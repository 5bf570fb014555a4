"""An everyday word given as the name someone prefers, in brackets right after it ("Pebble (she prefers it)"),
is that person's name for the rest of the document, alone, with a possessive, in the case it was written; the
same word in lower case stays a word (detect/names/evidence.py alias_after, rules/names/context.yaml
preferred_name_notes; issue 13, class a; invented texts)."""

from __future__ import annotations

import pytest


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize("note", ["she prefers it", "her preferred name", "what she likes to be called"])
def test_a_word_given_as_the_preferred_name_is_the_person_throughout(detector, note: str) -> None:
    text = (
        f"Met on the ward at ten. Pebble ({note}) is in her fifties and worked at the harbour office.\n\n"
        "Later Pebble sat by the window. Pebble's son rang at four and we talked about the pebble path outside.\n"
    )
    found = people(detector, text)
    assert found.count("Pebble") == 3  # introduced, alone, with a possessive
    assert "pebble" not in found  # the word in lower case stays a word
