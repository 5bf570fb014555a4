"""A writer who types everything in lower case writes every name so: a rare word no list holds, in a
person's place twice or more, is that person (detect/names/lowercase_writer.py; invented texts)."""

from __future__ import annotations

LOWER = (
    "went up to see gamal at the garage today. he was tired but ok.\n"
    "gamal wanted to talk about college. i said fair enough.\n"
    "we sat with gamal for an hour. then i went home.\n"
    "next week i will ring him. he is doing better i think.\n"
    "it rained all day and the bus was late.\n"
)


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_a_rare_word_in_a_persons_place_twice_is_a_lower_case_writers_name(detector) -> None:
    assert people(detector, LOWER).count("gamal") == 3


def test_once_is_not_enough(detector) -> None:
    once = LOWER.replace("gamal wanted", "he wanted").replace("with gamal", "with him")
    assert "gamal" not in people(detector, once)


def test_a_document_written_with_capitals_keeps_its_rare_lower_case_words(detector) -> None:
    text = (
        "I went up to see gamal at the garage. He was tired.\nThe gamal wanted feeding. I said fine.\n"
        "We sat with gamal for an hour. Then I went home.\nNext week I ring. He is better.\nIt rained.\n"
    )
    assert "gamal" not in people(detector, text)
