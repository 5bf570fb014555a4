"""An everyday word in lower case is a person's name only where a list of names says it can be one."""

from __future__ import annotations

import pytest

from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.targets import Targets
from qualdeid.pseudonymise.people import RoleWords
from qualdeid.risk.wordplace import written_inside_sentence


@pytest.fixture(scope="module")
def targets() -> Targets:
    return Targets([], Placeholders(), RoleWords.load())


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("honor", True),  # a listed word-name
        ("wren", True),  # a listed word-name and surname
        ("kasha", True),  # no everyday word of English: maybe a name written in lower case
        ("zeb", True),
        ("kettle", False),  # an everyday word no list holds as a name
        ("pantry", False),
        ("cupboard", False),
    ],
)
def test_a_lower_case_word_may_be_a_name_only_if_listed_or_rare(targets: Targets, word: str, name: bool) -> None:
    assert targets.lower_case_name(word) is name


@pytest.mark.parametrize(
    ("text", "word", "named"),
    [
        # capitalised only where a sentence opens: no evidence of a name, the word stays in lower case elsewhere
        ("Quoits was the key. She asked how quoits works.", "quoits", False),
        ('She said "Quoits!" and laughed.', "quoits", False),
        # capitalised inside a sentence too: the account names someone so
        ("Quoits was late. I rang Quoits at noon.", "quoits", True),
    ],
)
def test_a_name_capitalised_only_where_a_sentence_opens_is_no_evidence(text: str, word: str, named: bool) -> None:
    assert written_inside_sentence(text, word.capitalize()) is named


@pytest.mark.parametrize(("word", "address"), [("auntie", True), ("aunty's", True), ("nan", True), ("wren", False)])
def test_a_form_of_address_in_lower_case_is_no_ones_name(targets: Targets, word: str, address: bool) -> None:
    assert targets.form_of_address(word) is address
