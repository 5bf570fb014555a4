"""Kin words of Tamil and Persian said as part of a name (detect/names/scripts.py; issue 13, class d; invented
texts): a Tamil kin word after a name with its case ending joined ("<name> <aunt>-with"), the span without the
ending and the name found again alone; a Persian aunt or grandmother before a name, kept in the span, but not
before a common word of the sentence ("<aunt> said")."""

from __future__ import annotations

from qualdeid.detect.names.scripts import ScriptNames
from qualdeid.rules import Rules

SCRIPTS = ScriptNames(Rules())


def found(text: str) -> set[str]:
    return {text[a:b] for a, b in SCRIPTS.people(text)}


def test_a_tamil_kin_word_with_a_case_ending_after_a_name() -> None:
    text = "நேற்று கோமதி அத்தையுடன் கோவிலுக்கு போனோம். கோமதி நன்றாக பாடினார்."
    names = found(text)
    assert "கோமதி அத்தை" in names  # the ending "-with" stays out
    assert "கோமதி" in names  # found again alone


def test_a_tamil_kin_word_with_an_ending_after_a_possessive_is_no_name() -> None:
    assert found("என் அத்தையுடன் பேசினேன்.") == set()


def test_a_persian_aunt_before_a_name_is_kept_in_the_span() -> None:
    text = "خاله گلاره دیروز آمد. مادربزرگ شهرزاد هم بود."
    names = found(text)
    assert "خاله گلاره" in names
    assert "مادربزرگ شهرزاد" in names


def test_a_persian_aunt_before_a_common_verb_is_no_name() -> None:
    assert found("خاله گفت که فردا می‌آید.") == set()


def test_a_tamil_letter_opening_dear_before_a_kin_word_with_an_ending_is_no_name() -> None:
    names = found("அன்புள்ள பாட்டிக்கு,\nநாங்கள் நலம். அன்புள்ள கோமதி பாட்டி எப்படி இருக்கிறீர்கள்?")
    assert not any("அன்புள்ள" in n for n in names)
    assert "கோமதி பாட்டி" in names
