"""The words that number a room and the units after a number come from rules/review/review.yaml."""

from __future__ import annotations

from pathlib import Path

from qualdeid.review.candidates import ReviewConfig
from qualdeid.rules import Rules


def test_numbered_words_and_units_by_default() -> None:
    cfg = ReviewConfig.load(Rules())
    assert cfg.numbered.search("she moved to bedroom ") and cfg.numbered.search("locker no. ")
    assert not cfg.numbered.search("she moved to kitchen ")
    assert cfg.unit.fullmatch("250mg") and cfg.unit.fullmatch("3rd") and cfg.unit.fullmatch("12/05")
    assert not cfg.unit.fullmatch("250zz")


def test_a_project_folder_adds_and_removes_numbering_words_and_units(tmp_path: Path) -> None:
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "review.yaml").write_text("numbered_before: [pod, '!cabin']\nunit_suffixes: [lb]\n")
    cfg = ReviewConfig.load(Rules([tmp_path]))
    assert cfg.numbered.search("sleeps in pod ") and not cfg.numbered.search("sleeps in cabin ")
    assert cfg.unit.fullmatch("12lb")


def test_calendar_words_are_the_calendar_lists_and_a_project_adds_verbs_after_a_name(tmp_path: Path) -> None:
    calendar = Rules().lists("lexicons/calendar.yaml")
    assert calendar["weekdays"] | calendar["months_short"] <= ReviewConfig.load(Rules()).calendar
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "review.yaml").write_text("past_after_name: [swam]\ncontact_words: ['!ring']\n")
    cfg = ReviewConfig.load(Rules([tmp_path]))
    assert "swam" in cfg.past_after_name and "found" in cfg.past_after_name
    assert "ring" not in cfg.contact_words and "phone" in cfg.contact_words
