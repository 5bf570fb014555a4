"""One of the commonest words of a text's other language that a name list also holds (Welsh "Mae", "is"), opening
its sentences before a name, is no part of the name and is not looked for again in lower case; a given name the
text never writes in lower case stays whole (detect/names/processor.py _without_foreign_openers; issue 13, class
j; invented texts)."""

from __future__ import annotations

WELSH = (
    "Disgrifiad:\nMae Glesni yn fam sengl i dri o blant. Mae hi'n byw gyda'i mam ers y gaeaf ac mae angen help "
    "arni. Mae Glesni yn poeni am arian; mae wedi sôn am roi'r gorau i'w gwaith. Mae Tegid yn hapus yn yr ysgol.\n"
)


def test_a_welsh_verb_learned_from_a_sentence_opening_is_not_found_again_in_lower_case(detector) -> None:
    spans = [s for s in detector.detect_text(WELSH).spans if s.label == "PERSON"]
    assert not any(s.text == "mae" for s in spans)
    assert any("Glesni" in s.text for s in spans) and any("Tegid" in s.text for s in spans)
