"""Words no one is called that detection, risk's index or review's candidates used to take for names, and
compose then replaced (must-be-true 1): kinship words of other languages, Scots negatives, praise said in
passing, festivals of other calendars, states and provinces, peoples and their languages. The names beside
them still go."""

from __future__ import annotations

import pytest

from helpers import compose_each_part

PARTS = [
    "Home visit with Brisella Wennick. Ubaba rang at noon and stayed on the line a good while. I widnae push it. "
    "Wisnae easy for her. Brisella said her nookomis taught her the song.",
    "Talked with Brisella about the move. Subhanallah the flat came through. Her family came from Pahang and "
    "Jharkhand years ago, and they still keep Timkat and Thingyan with the neighbours. "
    "Hazaragi is what she speaks at home; Acholi with her friend from the choir.",
    "Brisella rang at lunch. Her mushum and her bapuji are both unwell. She widnae want to talk about it. "
    "Malume says she can stay the weekend.",
]
WORDS = ["Ubaba", "widnae", "Wisnae", "nookomis", "Subhanallah", "Pahang", "Jharkhand", "Timkat", "Thingyan"]
WORDS += ["mushum", "bapuji", "Malume", "Hazaragi", "Acholi"]


@pytest.fixture(scope="module")
def changed(detector) -> list[tuple[str, str]]:
    out = []
    for para in compose_each_part(detector, PARTS, "family"):
        out += [(c.original, c.reason) for c in para.changes if c.reason in ("person", "place", "organisation")]
    return out


@pytest.mark.parametrize("word", WORDS)
def test_a_word_no_one_is_called_stays_as_written(changed: list[tuple[str, str]], word: str) -> None:
    assert word not in [original for original, _ in changed]


def test_the_names_beside_them_still_go(changed: list[tuple[str, str]]) -> None:
    assert {original for original, reason in changed if reason == "person"} >= {"Brisella Wennick", "Brisella"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Then Brisella sang "Tarrow Bells" and the room went quiet.', "Tarrow Bells"),
        ('She hummed a little of "Quillon, Quillon" while the kettle boiled.', "Quillon"),
        ('Brisella danced when "Tarrow Bells" came on.', "Tarrow Bells"),
    ],
)
def test_a_title_quoted_right_after_a_verb_of_singing_is_no_person(targets, text: str, title: str) -> None:
    from helpers import targets_in_window

    spans = [("Brisella", "PERSON")] if "Brisella" in text else []
    got = targets_in_window(targets, text, [*spans, (title, "PERSON")], detector="SpacyRecognizer")
    assert title not in [v for v, _ in got]
    # said, not sung: a name in the quotation stays a name
    said = text.replace("sang", "said").replace("hummed a little of", "said").replace("danced when", "said")
    said = said.replace(" came on", ", come on")
    got = targets_in_window(targets, said, [*spans, (title, "PERSON")], detector="SpacyRecognizer")
    assert title in [v for v, _ in got]
