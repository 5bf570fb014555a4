"""A name spelled in another script where the text names the script: "in syllabics ᐊᓈᓇ", "(Cyrillic)
Вовк Іванна", "タナベ ロサ in katakana" (issue 13, class d; invented names)."""

from __future__ import annotations

import pytest


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Her name is Anaana Qiluq, in syllabics ᐊᓈᓇ. Some papers have her as Ana.", "ᐊᓈᓇ"),
        ("In Brazil she is Rosa Tanabe, in Japan Tanabe Rosa, タナベ ロサ in katakana on everything.", "タナベ ロサ"),
        ("1. Full name\nVOVK-PETRENKO Ivanna\n   (Cyrillic) Вовк Іванна\n2. Date of birth\n", "Вовк Іванна"),
        ("On the door of the flat it said 박미래 in Korean, his mother's name.", "박미래"),
    ],
)
def test_a_run_of_another_script_beside_its_script_name_is_a_name(detector, text: str, form: str) -> None:
    assert form in people(detector, text)


def test_a_script_named_without_a_run_of_it_finds_nothing(detector) -> None:
    text = "We said hello to everyone and the menu was in Amharic, which I can't read."
    assert people(detector, text) == []
