"""compose never replaces a lower-case everyday word, and never searches inside its own placeholders."""

from __future__ import annotations

import pytest

from qualdeid.compose.composer import _everyday_word, _in_placeholder


@pytest.mark.parametrize(
    ("value", "names", "expected"),
    [
        ("marina", set(), True),  # an everyday noun the entity recogniser once called a place
        ("the harbour", set(), True),
        ("will", {"will"}, False),  # a person of the corpus is called so: a lower-case name
        ("Marina", set(), False),  # written as a name
        ("kasha", set(), False),  # a rare word: maybe a name in lower case
        ("to'o", set(), False),  # one word of another language, not "to" and "o"
    ],
)
def test_everyday_word(value: str, names: set[str], expected: bool) -> None:
    assert _everyday_word(value, names) is expected


def test_in_placeholder() -> None:
    text = "He came in from [a marina] while the marina was quiet. [x] marina [y]"
    first = text.index("marina")
    second = text.index("marina", first + 1)
    third = text.rindex("marina")
    assert _in_placeholder(text, first, first + 6)
    assert not _in_placeholder(text, second, second + 6)
    assert not _in_placeholder(text, third, third + 6)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("she rang the DWP twice about it", "DWP", "[benefits agency]"),
        ("queued at Centrelink all morning", "Centrelink", "[the benefits agency]"),
        ("the Home Office wrote back", "Home Office", "[immigration authority]"),
    ],
)
def test_a_national_agency_is_replaced_by_what_it_is(text: str, value: str, expected: str) -> None:
    from qualdeid.compose.placeholders import Placeholders
    from qualdeid.compose.targets import Targets
    from qualdeid.pseudonymise.people import RoleWords

    placeholders = Placeholders()
    targets = Targets([], placeholders, RoleWords.load())
    a = text.index(value)
    assert targets.kind(text, a, a + len(value), "ORGANIZATION") == "ORGANIZATION"
    assert placeholders.make("ORGANIZATION", value, text[:a], text[a + len(value) :]) == expected
