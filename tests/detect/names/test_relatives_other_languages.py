"""A relative named after a possessive and a relative's word of another language, in either case: "mon mari
yannick", "mio marito gianluca" (rules/names/context.yaml ``relatives_other_languages``; invented chats)."""

from __future__ import annotations

import pytest


def _people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("bonjour madame. mon mari yannick il a fait juste 3 semaines avec intérim.", "yannick"),
        ("ciao a tutti, mio marito gianluca è ancora al lavoro.", "gianluca"),
        ("hallo, meine tochter wiktor? nein, mein sohn torben ist krank.", "torben"),
    ],
)
def test_a_lower_case_name_after_a_relative_of_another_language(detector, text: str, name: str) -> None:
    assert name in _people(detector, text)


def test_a_relative_of_another_language_alone_is_no_name(detector) -> None:
    assert _people(detector, "mon mari est parti. ma fille dort.") == []
