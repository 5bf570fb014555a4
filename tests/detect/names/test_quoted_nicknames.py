"""Nicknames given in quotes beside a full name, and their later uses in the document (detect/names)."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document


def people(detector, text: str) -> list[str]:
    (doc,) = detector.detect([Document("a", text)])
    return [s.text for s in doc.spans if s.label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inside the full name: the whole name with its nickname, then the nickname in any case
        (
            'Our neighbour Thomas "Bramble" Okoro fixed the fence. Later bramble came back and Bramble laughed.',
            ['Thomas "Bramble" Okoro', "bramble", "Bramble"],
        ),
        # after "known to <people> as": every quoted name of the list
        (
            'Mrs Adeyemi, known to everyone as "Sunny" or "MaAdeyemi", let us in. Sunny was tired.',
            ["Mrs Adeyemi", "Sunny", "MaAdeyemi", "Sunny"],
        ),
        # a quoted name given to some people
        ('Ayesha Rahman, "Shy" to her friends, came in. Told shy to sit.', ["Ayesha Rahman", "Shy", "shy"]),
    ],
)
def test_quoted_nicknames_and_their_later_uses(detector, text: str, expected: list[str]) -> None:
    assert people(detector, text) == expected


def test_quoted_titles_and_places_stay_out(detector) -> None:
    text = 'We watched a film called "Titanic". The team "Rovers" won. I read "Persuasion" again.'
    assert people(detector, text) == []


def test_a_two_syllable_given_name_written_as_one_word(detector) -> None:
    text = "My aunt Lim Mei Xin is proud. anyway meixin has been off since she retired. MeiXin says hi."
    assert people(detector, text) == ["Lim Mei Xin", "meixin", "MeiXin"]


def test_a_surname_with_a_married_womans_prefix(detector) -> None:
    text = "Since her husband died MaNdlovu is not herself. Mrs Ndlovu cried."
    assert people(detector, text) == ["MaNdlovu", "Mrs Ndlovu"]
    assert people(detector, "The MaTrix app and KaBoom toys.") == []  # no surname after the prefix
