"""compose's own last look at a composed paragraph replaces every name form of a person the corpus
knows, also one the corpus writes only in lower case (which `risk` holds with no confidence)."""

from __future__ import annotations

import pytest

from qualdeid.compose import Composer, load_compose_config
from qualdeid.edits import apply_edits, non_overlapping
from qualdeid.risk.identifiers import IdentifierIndex


@pytest.fixture(scope="module")
def composer(detector) -> Composer:
    return Composer(detector, load_compose_config())


def _left(composer: Composer, index: IdentifierIndex, text: str, invented: set[str] = frozenset()) -> str:
    edits = composer._names_left(index, text, set(invented))
    return apply_edits(text, non_overlapping(edits))[0]


def test_a_nickname_written_only_in_lower_case_is_replaced(composer: Composer) -> None:
    index = IdentifierIndex()
    index.add("zeb", "PERSON", "d1")  # the corpus writes this nickname in lower case only
    assert index.values().__next__().lower_only
    out = _left(composer, index, "We went down to the creek and zeb showed me the eels.")
    assert "zeb" not in out and "[a name]" in out


def test_a_capitalised_name_is_still_replaced_and_an_invented_one_kept(composer: Composer) -> None:
    index = IdentifierIndex()
    index.add("Orsolya Tarrant", "PERSON", "d1")
    assert "Orsolya" not in _left(composer, index, "Then Orsolya rang to say she was fine.")
    kept = "Then Orsolya rang to say she was fine."
    assert _left(composer, index, kept, invented={"orsolya", "tarrant"}) == kept


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        ("We had plum crumble after tea.", False),  # the word, where no person stands
        ("We waited and plum said she was cold.", True),  # a person who acts
    ],
)
def test_a_lower_case_name_that_is_an_everyday_word_goes_only_where_a_person_stands(
    composer: Composer, text: str, replaced: bool
) -> None:
    index = IdentifierIndex()
    index.add("plum", "PERSON", "d1")  # a nickname the corpus writes in lower case, also a word
    assert ("plum" not in _left(composer, index, text)) is replaced


@pytest.mark.parametrize("word", ["widnae", "nookomis"])
def test_a_dialect_spelling_or_kinship_word_a_name_holds_in_lower_case_stays(composer: Composer, word: str) -> None:
    index = IdentifierIndex()
    index.add(f"coach {word}", "PERSON", "d1")  # detection made a name of a title and the word after it
    text = f"He {word} want to talk, so I sat with him." if word == "widnae" else f"His {word} said it was fine."
    assert _left(composer, index, text) == text
    index.add("zeb", "PERSON", "d1")  # a name the corpus writes in lower case still goes
    assert "zeb" not in _left(composer, index, f"{text} Then zeb rang.")
