"""The YAML pattern recognizers are compiled once, with their recognizer's flags, and find exactly what
Presidio's own construction of the same entries finds (invented texts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import PatternRecognizer

from qualdeid.detect.recognizers.dates import holiday_recognizer
from qualdeid.detect.recognizers.yaml_patterns import DEFAULT_FLAGS, load_pattern_recognizers
from qualdeid.rules import Rules

LOADED = load_pattern_recognizers(Rules())

TEXTS = [
    "Odile, 34, rang from room 12 on 3 May 2023; her son (9) was with her.",
    "ROOM 4b, Bed 7. Case no. TR-88-1042. Tel: 552 1908, mob 0413 226 905.",
    "Ring Ward 6 on 02 9114 7730 before 14/03/2024, or @odile.trenz after 9:30am.",
    "my brother is 41 now and he was only seventeen when he left in his early twenties",
    "nothing to find: tea, a walk, the group at ten and a chat",
]


def presidio_built(recognizer: PatternRecognizer) -> PatternRecognizer:
    """The same recognizer as Presidio's own ``from_dict`` builds it (patterns compiled on first use)."""
    return PatternRecognizer.from_dict({**recognizer.to_dict(), "global_regex_flags": recognizer.global_regex_flags})


def spans(recognizer: PatternRecognizer, text: str) -> list[tuple[int, int, str, float]]:
    found = recognizer.analyze(text, recognizer.supported_entities)
    return sorted((r.start, r.end, r.entity_type, r.score) for r in found)


@pytest.mark.parametrize("text", TEXTS)
def test_compiled_patterns_find_what_presidio_finds(text: str) -> None:
    hits = 0
    for recognizer in LOADED:
        ours = spans(recognizer, text)
        assert ours == spans(presidio_built(recognizer), text), recognizer.name
        hits += len(ours)
    if not text.startswith("nothing"):
        assert hits, "the comparison must see matches"


def test_patterns_come_compiled_with_their_recognizers_flags() -> None:
    for recognizer in LOADED:
        for pattern in recognizer.patterns:
            # what PatternRecognizer checks before it compiles a pattern again
            assert pattern.compiled_regex is not None, (recognizer.name, pattern.name)
            assert pattern.compiled_with_flags == recognizer.global_regex_flags, (recognizer.name, pattern.name)


def write_recognizer(folder: Path, body: str) -> None:
    (folder / "recognizers").mkdir()
    (folder / "recognizers" / "ours.yaml").write_text(body, encoding="utf-8")


def test_an_entry_without_flags_gets_presidios_default(tmp_path: Path) -> None:
    write_recognizer(
        tmp_path,
        "recognizers:\n  - name: LockerRecognizer\n    supported_entity: ID\n"
        "    patterns:\n      - {name: locker, regex: 'locker[ \\t]+\\K\\d+', score: 0.7}\n",
    )
    recognizer = {r.name: r for r in load_pattern_recognizers(Rules([tmp_path]))}["LockerRecognizer"]
    assert recognizer.global_regex_flags == DEFAULT_FLAGS
    assert spans(recognizer, "LOCKER 217 was empty") == [(7, 10, "ID", 0.7)]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{name: broken, regex: 'locker[ \\t+(\\d+', score: 0.7}", r"LockerRecognizer.*Invalid regex"),
        ("{name: too-sure, regex: 'locker \\d+', score: 1.5}", r"LockerRecognizer.*Invalid score"),
    ],
)
def test_a_bad_pattern_names_its_recognizer(tmp_path: Path, pattern: str, message: str) -> None:
    write_recognizer(
        tmp_path,
        f"recognizers:\n  - name: LockerRecognizer\n    supported_entity: ID\n    patterns:\n      - {pattern}\n",
    )
    with pytest.raises(ValueError, match=message):
        load_pattern_recognizers(Rules([tmp_path]))


def test_the_holiday_pattern_comes_compiled_and_finds_what_presidio_finds() -> None:
    holidays = holiday_recognizer({"Lanternmoot", "St Quillfest's Day", "Quillfest"})
    assert holidays is not None
    [pattern] = holidays.patterns
    assert pattern.compiled_regex is not None
    assert pattern.compiled_with_flags == holidays.global_regex_flags
    text = "At Lanternmoot 2021 and on St. Quillfest’s Day, not at Quillfestival."
    assert spans(holidays, text) == spans(presidio_built(holidays), text)
    assert [text[s:e] for s, e, *_ in spans(holidays, text)] == ["Lanternmoot 2021", "St. Quillfest’s Day"]
