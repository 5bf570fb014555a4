"""A title keeps what it stood before: a surname becomes the invented surname, a first name the invented
first name ("Miss Rosa", "Aunty Rosa"), in the invented person's gender."""

from __future__ import annotations

import pytest

from qualdeid.compose.cast import Cast
from qualdeid.compose.composer import _pronoun_gender_after
from qualdeid.compose.config import load_compose_config
from qualdeid.compose.names import NamePicker


@pytest.fixture
def cast() -> Cast:
    picker = NamePicker("en_GB", load_compose_config(), seed=5, exclude=set(), year=2025)
    return Cast(picker, "she", None)


def _member(cast: Cast, person: str, gender: str):
    return cast.member(
        person,
        subject="P1",
        role="other",
        gender=gender,
        age=None,
        role_word=None,
        same_family=False,
        fallback_key=person,
    )


@pytest.mark.parametrize(
    ("written", "surname", "uses_first"),
    [
        ("Miss Rosa", None, True),  # a title before a first name: the invented first name
        ("Miss Rosa's", None, True),
        ("Mrs Quarrington", "quarrington", False),  # before a surname: the invented surname
        ("Miss Quarrington", None, False),  # in no list of first names: a surname
        ("Mrs Rosa", "rosa", False),  # the person's own surname, though it is also a first name
    ],
)
def test_a_title_keeps_the_kind_of_name_after_it(
    cast: Cast, written: str, surname: str | None, uses_first: bool
) -> None:
    m = _member(cast, "P7", "F")
    out = cast.render(m, written, surname)
    title, name = out.split(" ", 1)
    assert title in ("Miss", "Mrs")
    expected = m.invented.first if uses_first else m.invented.last
    assert name.rstrip("'s") == expected.rstrip("'s")


def test_the_title_follows_the_invented_gender(cast: Cast) -> None:
    m = _member(cast, "P8", "M")
    assert cast.render(m, "Mrs Quarrington", "quarrington").startswith("Mr ")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("I asked Tobiah if she's eating.", "Tobiah", "F"),
        ("Then Tobiah rang and said his car broke.", "Tobiah", "M"),
        ("Tobiah rang. She was fine.", "Tobiah", None),  # another sentence: no evidence
        ("Tobiah rang about the forms.", "Tobiah", None),
    ],
)
def test_the_gender_of_an_unknown_person_from_the_pronoun_after_the_name(text: str, name: str, expected) -> None:
    assert _pronoun_gender_after(text, text.index(name) + len(name)) == expected


@pytest.mark.parametrize(
    ("written", "surname"),
    [
        ("Quellbrook", "quellbrook"),  # the surname of two people detection kept apart, alone after a title
        ("Quellbrook's", "quellbrook"),
        ("Tansy", None),  # nobody's surname
        ("Morgan", None),  # a surname that is also a first name: the list of first names decides
    ],
)
def test_a_mention_that_is_other_peoples_surname_becomes_an_invented_surname(
    cast: Cast, written: str, surname: str | None
) -> None:
    from qualdeid.compose.composer import _surname_of_others

    surnames = {"P1": "quellbrook", "P2": "quellbrook", "P3": "morgan", "P4": None}
    assert _surname_of_others(surnames, written, cast.first_names) == surname
    if surname:  # "Minister Quellbrook wanted a report": the invented surname, not a first name
        member = _member(cast, "P5", "M")
        assert cast.render(member, written, surname).startswith(member.invented.last)


@pytest.mark.parametrize(
    ("role_word", "gender"), [("wife", "F"), ("his wife", "F"), ("husband", "M"), ("partner", None), (None, None)]
)
def test_a_gendered_role_word_gives_an_unknown_persons_gender(role_word: str | None, gender: str | None) -> None:
    # "his wife Tamsin", someone else's wife with no pronoun after her name: a woman's pseudonym and title
    from qualdeid.compose.composer import role_word_gender
    from qualdeid.pseudonymise.people import RoleWords

    assert role_word_gender(role_word, RoleWords.load()) == gender


def test_a_title_and_an_initial_is_the_person_named_so_in_full() -> None:
    from qualdeid.compose.composer import _titled_initial
    from qualdeid.corpus.model import Document, Span
    from qualdeid.pseudonymise.people import resolve_people

    text = "Saw Dr Xylander first. Later Dr X rang back, and Dr Ellery too."
    doc = Document("d1", text)
    for value in ("Dr Xylander", "Dr X", "Dr Ellery"):
        at = text.index(value)
        doc.spans.append(Span(at, at + len(value), "PERSON", value, detector="names"))
    people = resolve_people([doc])
    full = people.person_at("d1", text.index("Dr Xylander"), text.index("Dr Xylander") + 11)
    assert full is not None
    assert _titled_initial(people, doc, "Dr X") == full
    assert _titled_initial(people, doc, "Dr E") is not None
    assert _titled_initial(people, doc, "Dr W") is None  # no one of the document
    assert _titled_initial(people, doc, "Mr X") is None  # another title
