"""Texts written all in capitals are detected in ordinary case and come out as written (detect/shouted.py;
issue 13, names in capitals in lay appeals). Invented texts."""

from __future__ import annotations

import pytest

from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.detect.shouted import Shouting
from qualdeid.rules import Rules

APPEAL = (
    "CAN ANYONE HELP?? MY UNCLE MR TEODOR VASILESCU (TEO TO HIS FRIENDS) HAS BEEN IN HOSPITAL SINCE MONDAY "
    "AND HIS DOG NEEDS WALKING EVERY DAY. RING ME ANDREI ON 0417 993 210 OR LEAVE A NOTE AT SW1A 1AA, "
    "THANK YOU ALL SO MUCH."
)


@pytest.fixture(scope="module")
def shouting() -> Shouting:
    rules = Rules()
    return Shouting.read(rules, NameLexicon.read(rules).is_name)


def test_a_text_in_capitals_is_shouted_and_an_ordinary_one_is_not(shouting: Shouting) -> None:
    assert shouting.is_shouted(APPEAL)
    assert not shouting.is_shouted("My uncle Mr Vasilescu is in hospital. PLEASE HELP. His dog needs walking.")
    assert not shouting.is_shouted("NHS GP A&E")  # too few letters to tell


@pytest.mark.parametrize(
    "text",
    [
        "ŻÓŁW ŚPI W OGRODZIE U BABCI ŁUCJI OD ŚRODY, A PIES ŻUK SZCZEKA NA WSZYSTKICH. ‘DZIĘKUJĘ’ — ŁUCJA",
        "Żółw śpi w ogrodzie u babci Łucji od środy, a pies Żuk szczeka na wszystkich — dziękuję, ŁUCJA.",
        "ΣΤΟ ΣΠΙΤΙ ΤΗΣ ΓΙΑΓΙΑΣ ΜΟΥ ΣΤΗ ΛΑΡΙΣΑ ΜΕΝΕΙ Ο ΓΑΤΟΣ ΦΙΛΙΠΠΟΣ ΜΕ ΤΗΝ ΑΔΕΛΦΗ ΜΟΥ Ǆ ǅ ǆ ª ß Ⅷ",
        "ȺȾ CAPS WITH A FEW ª º ß ǅ LOWER ONES THAT HAVE NO CASE OR A TITLE CASE: 12 34 ... ’’ ok ok ok",
        APPEAL,
        "",
    ],
)
def test_shouted_counts_every_cased_letter_as_a_letter_by_letter_count_does(shouting: Shouting, text: str) -> None:
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    expected = len(cased) >= shouting.min_letters and sum(c.isupper() for c in cased) >= shouting.upper_share * len(
        cased
    )
    assert shouting.is_shouted(text) == expected


def test_recasing_keeps_every_offset_and_capitalises_names_and_rare_words(shouting: Shouting) -> None:
    recased = shouting.recase(APPEAL)
    assert len(recased) == len(APPEAL)
    assert recased.lower() == APPEAL.lower()
    assert "Mr Teodor Vasilescu" in recased
    assert "Andrei" in recased
    assert "has been in hospital since" in recased
    assert "SW1A 1AA" in recased  # words with digits are left as written


def test_a_compass_word_after_a_place_keeps_its_capital(shouting: Shouting) -> None:
    assert "in Kelso East at" in shouting.recase("WE MEET EVERY FRIDAY IN KELSO EAST AT THE CHURCH HALL, ALL WELCOME.")


def test_a_shouted_appeal_is_detected_and_comes_out_as_written(detector) -> None:
    doc = detector.detect_text(APPEAL)
    assert doc.text == APPEAL
    people = [s.text for s in doc.spans if s.label == "PERSON"]
    assert any("VASILESCU" in p for p in people)
    assert "ANDREI" in people
    assert all(s.text == APPEAL[s.start : s.end] for s in doc.spans)
