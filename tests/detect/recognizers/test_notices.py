"""A death notice's or an appeal's heading, the surname in capitals before the given names
(rules/recognizers/notices.yaml, issue 13). Invented examples."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.yaml_patterns import load_pattern_recognizers
from qualdeid.rules import Rules

RECOGNIZER = {r.name: r for r in load_pattern_recognizers(Rules())}["NoticeHeadingNameRecognizer"]


def found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text, RECOGNIZER.supported_entities)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("O'BRALLAGHAN, Theodora (Teddy), 4 Mill Lane, peacefully", ["O'BRALLAGHAN, Theodora"]),
        ("DE LA FOSSE-ABERNAY, Ottoline Mary\n\nPeacefully at home", ["DE LA FOSSE-ABERNAY, Ottoline Mary"]),
        ("URGENT, Please share this post", []),  # a shouted word, then a sentence
        ("NOTICE, Friday\nthe hall is closed", []),
        ("He said: LOOK, Marta, stop it", []),  # not at the line's start
    ],
)
def test_a_notice_heading_surname_first(text: str, names: list[str]) -> None:
    assert found(text) == names
