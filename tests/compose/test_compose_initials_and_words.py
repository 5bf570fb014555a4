"""compose replaces the initials of a person the corpus knows by full name, though nothing detected them,
and leaves ordinary words alone that detection or a name of the account made look like identifiers:
an everyday word that is also someone's name, an age already given as a decade, a rank, the plural of
an abbreviation, an age group, a plural kin word."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, paragraph_of
from qualdeid.compose import Composer, load_compose_config
from qualdeid.compose.composer import initials_in, initials_of_names, initials_person
from qualdeid.compose.placeholders import Placeholders
from qualdeid.compose.targets import Targets
from qualdeid.corpus import Document
from qualdeid.corpus.model import Span
from qualdeid.corpus.readers import Corpus
from qualdeid.pseudonymise.people import RoleWords

PLOTS = FIXTURES / "compose" / "plots.jsonl"  # built from plots.txt by tools/markup_to_jsonl.py


@pytest.fixture(scope="module")
def targets() -> Targets:
    return Targets([], Placeholders(), RoleWords.load())


@pytest.fixture(scope="module")
def drafts(detector) -> dict[str, object]:
    docs = [d for d in Corpus([PLOTS]) if isinstance(d, Document)]
    composer = Composer(detector, load_compose_config())
    return {
        pronouns: composer.compose(docs, ["plot_day"], sources=3, words=250, pronouns=pronouns, seed=seed)
        for seed, pronouns in ((1, "she"), (2, "he"), (3, "they"))
    }


@pytest.mark.parametrize("pronouns", ["she", "he", "they"])
def test_initials_of_a_known_full_name_are_that_person(drafts, pronouns: str) -> None:
    text, changes = paragraph_of(drafts[pronouns], "R2")
    first = next(c["replacement"].split()[0] for c in changes if c["original"] == "Petroc Menhenick")
    assert not re.search(r"\bPM\b(?! with)", text)  # "PM says": gone
    assert f"{first} says the plots" in text  # the same person as the full name: here the character
    assert "at 3 PM with" in text  # a time, not the initials


@pytest.mark.parametrize("pronouns", ["she", "he", "they"])
def test_an_everyday_word_that_is_also_a_name_of_the_account_stays(drafts, pronouns: str) -> None:
    text, changes = paragraph_of(drafts[pronouns], "R1")
    assert "The hills were misty and grey" in text
    assert "Misty" not in text  # the person's name goes where it is hers
    assert not [c for c in changes if c["original"] == "misty"]


@pytest.mark.parametrize("pronouns", ["she", "he", "they"])
def test_an_age_given_as_a_decade_and_a_plural_kin_word_stay(drafts, pronouns: str) -> None:
    text, _ = paragraph_of(drafts[pronouns], "R3")
    assert re.search(r"\bin (?:her|his|their) forties\b", text) and "[forties]" not in text
    assert "uncles never listen" in text


def test_initials_are_found_only_where_they_can_be_someones() -> None:
    known = initials_of_names(
        [("P1", "Morwen Quiller"), ("P2", "Mr Quiller"), ("P3", "Gwen Pollard"), ("P4", "Nessa Ottery")]
    )
    assert known == {"MQ": {"P1": "morwen"}, "GP": {"P3": "gwen"}, "NO": {"P4": "nessa"}}
    here = {"P1": "morwen"}

    def found(text: str, people_here: dict[str, str] = here) -> list[str]:
        return [text[a:b] for a, b in initials_in(text, 0, len(text), known, [], {"GP"}, people_here)]

    assert found("For MQ it was a start. M.Q. said so.") == ["MQ", "M.Q."]
    assert found("We left at 3 MQ.") == []  # after a number
    assert found("She said NO to it.", {"P4": "nessa"}) == []  # a word in capitals
    assert found("Saw the GP today. GP said no.") == []  # an abbreviation, no Gwen in this account
    assert found("GP said no.", {"P3": "gwen"}) == ["GP"]  # Gwen is named here: her initials
    assert found("GP said no.", {"P9": "gwenny"}) == ["GP"]  # a short form of her name is here
    assert found("She went to her GP.", {"P3": "gwen"}) == []  # after a possessive: the doctor


def test_whose_initials() -> None:
    assert initials_person({"P1": "morwen"}, {}) == "P1"
    assert initials_person({"P1": "morwen", "P2": "tom"}, {"P2": "tom"}) == "P2"
    assert initials_person({"P1": "morwen", "P2": "tom"}, {}) is None  # two people, none named here


@pytest.mark.parametrize(
    ("text", "value", "label", "kind"),
    [
        ("Half the pension went into the ATMs by the door.", "ATMs", "LOCATION", None),  # many of a thing
        ("We spent the morning copying DVDs for them.", "DVDs", "ORGANIZATION", None),
        ("We went to the Quillan Trust on Monday.", "Quillan Trust", "ORGANIZATION", "ORGANIZATION"),
        ("The Detective waved us through.", "Detective", "ORGANIZATION", None),  # a rank, no body
        ("We watched the under-9s kick a ball about.", "under-9s", "ORGANIZATION", None),  # an age group
        ("She is in her fifties now.", "fifties", "AGE", None),  # already the age band
        ("She is 53 now.", "53", "AGE", "AGE"),
        ("She never drove until she was fifty-two.", "fifty-two", "AGE", None),  # an age of then
        ("She is fifty-two and drives now.", "fifty-two", "AGE", "AGE"),
        ("and uncles never listen to that.", "uncles", "PERSON", None),  # many of them
        ("We jumped on his aunt's trampoline all day.", "trampoline", "PERSON", None),  # a thing someone has
        ("We jumped on her trampoline all day.", "trampoline", "PERSON", None),
        ("We sat with Quorra's Pellam all day.", "Pellam", "PERSON", "PERSON"),  # capitalised: a person
    ],
)
def test_kind_of_ordinary_words(targets: Targets, text: str, value: str, label: str, kind: str | None) -> None:
    start = text.index(value)
    assert targets.kind(text, start, start + len(value), label) == kind


def test_a_nickname_word_before_a_name_goes_with_it(targets: Targets) -> None:
    text = "I took Perran and Wee Quorra to the pool. Wee Quorra swam. It was a wee bit cold. Young Pellam said no."
    spans = [Span(m.start(), m.end(), "PERSON") for m in re.finditer(r"Quorra|Pellam|Perran", text)]
    doc = Document("d", text, spans=spans)
    found = [text[t.start : t.end] for t in targets.in_window(doc, 0, len(text), None, None)]
    assert found == ["Perran", "Wee Quorra", "Wee Quorra", "Young Pellam"]
    assert targets.without_nickname_prefix("Wee Quorra") == "Quorra"
    assert targets.without_nickname_prefix("Quorra Penrose") == "Quorra Penrose"


@pytest.mark.parametrize(
    ("text", "value", "no_one"),
    [
        ("She's playing WD for the club now.", "WD", True),  # a position played
        ("Her NZ passport is in the safe.", "NZ", True),  # who issued the document
        ("His UK ID was on the form.", "UK", True),
        ("She went out with WD after tea.", "WD", False),  # someone's initials
        ("I rang JT about the passport.", "JT", False),
    ],
)
def test_capitals_of_a_position_or_an_issuer_are_no_ones_initials(
    targets: Targets, text: str, value: str, no_one: bool
) -> None:
    start = text.index(value)
    assert targets.initials_of_no_one(text, start, start + len(value)) is no_one


def test_a_surname_that_opens_with_d_apostrophe_goes_with_the_first_name(targets: Targets) -> None:
    text = "Met Tobiah d'Quennell today. Wren d’Vosk rang. Ana de Pellow came. Perran y Bo came. Quorra came."
    # detection found the first names, "Vosk" on its own
    spans = [Span(m.start(), m.end(), "PERSON") for m in re.finditer(r"Tobiah|Wren|Vosk|Ana|Perran|Bo|Quorra", text)]
    doc = Document("d", text, spans=spans)
    found = [text[t.start : t.end] for t in targets.in_window(doc, 0, len(text), None, None)]
    # "de Pellow" as often says where Ana is from: left to detection
    assert found == ["Tobiah d'Quennell", "Wren d’Vosk", "Ana", "Pellow", "Perran", "Bo", "Quorra"]
    text = "Ana d'Quillan Bay rang."  # a place after the particle is read on its own
    spans = [Span(0, 3, "PERSON"), Span(6, 17, "LOCATION")]
    doc = Document("d", text, spans=spans)
    assert [text[t.start : t.end] for t in targets.in_window(doc, 0, len(text), None, None)] == ["Ana", "Quillan Bay"]


def test_the_members_of_a_faith_are_never_a_name(targets: Targets) -> None:
    # "they let the Lutherans use the hall": many people, no body compose must replace (review's candidates too)
    assert {"lutherans", "pentecostals", "veterans"} <= targets.not_names
    assert "lutheran quillan centre" not in targets.not_names
