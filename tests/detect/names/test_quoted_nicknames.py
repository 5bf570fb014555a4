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
