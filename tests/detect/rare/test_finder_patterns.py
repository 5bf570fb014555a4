"""Details carried by the shape of a phrase (detect/rare/patterns.py), one finder on its own: what it finds, and the
ordinary look-alikes it leaves (invented texts)."""

from __future__ import annotations

import pytest

from helpers import finder_hits

FAMILY = "patterns"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("She was the only Welsh girl in the school.", "was the only Welsh girl in the school"),
        ("He was the first in his family to finish school.", "was the first in his family to finish school"),
        ("She restores antique clocks in her shed.", "restores antique clocks"),
        ("He walked the length of the country for charity.", "walked the length of the country for charity"),
        ("I walked from Tolna to Gedaref as a boy.", "walked from Tolna to Gedaref as a boy"),
        ("She was born on a cargo ship.", "was born on a cargo ship"),
        ("She gave birth to her son in the back of a taxi.", "gave birth to her son in the back of a taxi"),
        ("She gave birth on the top deck of a tram.", "gave birth on the top deck of a tram"),
        # the child told by a pronoun
        ("She gave birth to him on a hovercraft.", "gave birth to him on a hovercraft"),
        # a place no list names: kept when few documents of the corpus share it
        ("Her son was born in a greenhouse during the storm.", "was born in a greenhouse"),
        ("She gave birth on the verge of the ring road.", "gave birth on the verge of the ring road"),
        # where it lay or was going is part of such a birth
        ("He was born in a laundrette on the high street.", "was born in a laundrette on the high street"),
        ("She was born on a hovercraft midway across the bay.", "was born on a hovercraft midway across the bay"),
        ("He was born on a houseboat on the Brannock canal.", "was born on a houseboat on the Brannock canal"),
        ("I was born in a taxi outside the station.", "was born in a taxi outside the station"),
        ("She can solve a sudoku in under forty seconds.", "can solve a sudoku in under forty seconds"),
        ("He can hold his breath for four minutes.", "can hold his breath for four minutes"),
        ("Mere is 12 and can solve a sudoku in under forty seconds.", "can solve a sudoku in under forty seconds"),
        # ... or a count per unit of time few reach
        ("He could gut three hundred mackerel an hour at sixteen.", "could gut three hundred mackerel an hour"),
        ("She can stitch 400 buttonholes a day on the old machine.", "can stitch 400 buttonholes a day"),
        ("She was the only woman who crewed the lifeboat.", "was the only woman who crewed the lifeboat"),
        ("He was the only Welsh-Somali boy at the camp.", "was the only Welsh-Somali boy"),
        ("He is the only out gay teacher at the school.", "is the only out gay teacher at the school"),
        ("I row in the only all-women crew on the estuary.", "the only all-women crew"),
        ("Quiet in class, only Estonian girl in year 9.", "only Estonian girl"),
        (
            "She is the only Tamil woman in Northern Ontario to hold a crane licence.",
            "is the only Tamil woman in Northern Ontario to hold a crane licence",
        ),
        # a count that singles out a few: the group, its scope and what sets it apart
        (
            "His daughter is one of only five pupils in the region on the night oxygen trial from Zurich.",
            "one of only five pupils in the region on the night oxygen trial",
        ),
        (
            "She was one of only four people in Belgium with the condition.",
            "one of only four people in Belgium with the condition",
        ),
        (
            "He is one of the only men who still carves canoe prows by hand.",
            "one of the only men who still carves canoe prows by hand",
        ),
        (
            "She is one of only a handful of Parsi families in Tromsø.",
            "one of only a handful of Parsi families in Tromsø",
        ),
        # "the only one" is set apart by a place and a clause with a rare word
        (
            "He is the only one in Marrowby who still thatches roofs with river reed.",
            "is the only one in Marrowby who still thatches roofs with river reed",
        ),
        # a record told by a participle after "ever", or by "ever" before the group
        (
            "Her aunt was the first ever woman skipper at the sailing club.",
            "was the first ever woman skipper at the sailing club",
        ),
        (
            "He is the youngest man ever hired on the dredging crew.",
            "is the youngest man ever hired on the dredging crew",
        ),
        (
            "She was the first girl ever picked for the county squad.",
            "was the first girl ever picked for the county squad",
        ),
    ],
)
def test_finds(detector, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, FAMILY, text)


@pytest.mark.parametrize(
    "text",
    [
        "She was the only one who came.",
        "He was the first to arrive.",
        "He walked the dog around the block.",
        "She was born in a hospital.",
        "She was born in the same hospital as her mum.",
        "He was born at home in the eighties.",
        "He was born at 28 weeks.",
        "She was born in a small town up north.",
        "He was born with a hole in his heart.",
        "He was born on a Tuesday.",
        "She was born in the wrong body, she says.",
        "He told a story about being born in a greenhouse.",
        "She gave birth to twins at the maternity unit in March.",
        "I can be there in ten minutes.",
        "She could walk there in under 20 minutes.",
        "He can hold on for a few minutes.",
        "He could earn 500 a day on the rigs.",
        "She can take two tablets a day.",
        "I can walk ten miles a day.",
        "He could make 200 calls a shift.",
        "He gave birth to a new idea on the train.",
        "She gave birth to it on the train.",
        "He was the only man who turned up to the session.",
        "It was one of only two times I saw him laugh.",
        "He is one of the only ones.",
        "And she was the only",  # a text that ends at the marker
        "She is the only one in the family who still drives.",
        "Tired today, only half the group came.",
        "Rainy, only English lessons this week.",
        "She was the only person in the room to laugh.",
        "It was the best day ever spent at the seaside.",
        "It was the first ever time I went to the rowing club.",
        "That was the only time ever seen round here.",
        # a walk between two points of one place, or led by someone, is no journey
        "We walk from the clinic down to North Beach on Thursdays.",
        "I walked Raymond around the corner to calm down.",
    ],
)
def test_leaves_the_look_alikes(detector, text: str) -> None:
    assert finder_hits(detector, FAMILY, text) == []
