"""A title in brackets after a name or ticked in a form is no person's name; the name beside it still is
(invented letters and forms)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Yours faithfully,\n\nBerit Vaalgaard (Mrs)\non behalf of the group\n", "Berit Vaalgaard"),
        ("Re: OYELARAN, Tunde Ade (Mr) - Case F14600001\n\nYour Honour,\n", "Tunde Ade"),
    ],
)
def test_a_title_in_brackets_after_a_name_is_left_out(detector, text: str, name: str) -> None:
    found = [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]
    assert name in found
    assert not any(t in found for t in ("Mr", "Mrs"))


def test_ticked_titles_of_a_form_are_no_people(detector) -> None:
    form = "Title: [ ] Mr  [X] Mrs  [ ] Ms  [ ] Miss\nFamily name: Vaalgaard\nGiven name: Berit\n"
    found = [s.text for s in detector.detect_text(form).spans if s.label == "PERSON"]
    assert not any(t in found for t in ("Mr", "Mrs", "Ms", "Miss"))
