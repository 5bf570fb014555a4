"""A first name found as a person from the document's evidence takes the surname right after it (issue 13,
diaries): "Sat with Sky Talaweyu ... Sky is 36" covers the whole name, not the first half only. A place,
a weekday, a common word or a venue after the name stays out."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, text: str) -> list[str]:
    [doc] = detector.detect([Document(id="d", text=text)])
    return [doc.text[s.start : s.end] for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sat with Sky Talaweyu at the hub, 9/4. Sky is 36, grew up on the coast.", "Sky Talaweyu"),
        ("Met Niamh O'Kelleher at the drop-in on tuesday. Niamh was quiet.", "Niamh O'Kelleher"),
        ("Drove with Brook Whitlaw to the shop. Brook said thanks for the lift.", "Brook Whitlaw"),
        ("Caught up with Reed Tzak Umul after group. Reed is 29 and new to the area.", "Reed Tzak Umul"),
    ],
)
def test_the_surname_after_a_person_is_part_of_the_name(detector, text: str, name: str) -> None:
    assert name in people(detector, text)


@pytest.mark.parametrize(
    ("text", "leftover"),
    [
        ("Sky is 36. Saw Sky Monday at the hub.", "Monday"),
        ("Brook said thanks. Met Brook English teacher later.", "English"),
        ("Brook said thanks. Then Brook Street was closed for the market.", "Street"),
        ("Reed is 29. Later Reed Thanks everyone for coming.", "Thanks"),
    ],
)
def test_a_place_a_weekday_or_a_word_after_the_name_stays_out(detector, text: str, leftover: str) -> None:
    assert not any(leftover in p for p in people(detector, text))
