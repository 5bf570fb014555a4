"""Names typed without their accents (detect/names/variants.py), on invented text."""

from __future__ import annotations

import pytest

from qualdeid.corpus.model import Document
from qualdeid.detect.names.variants import NameVariants
from qualdeid.rules import Rules


def test_a_name_is_found_again_typed_without_its_accents(detector) -> None:
    docs = [
        Document("a", "Out on the van tonight with Órlaith, the new student. She was calm with everyone."),
        Document("b", "sat in the van after and orlaith the student was there and she was great"),
    ]
    spans = {d.id: [s.text for s in d.spans if s.label == "PERSON"] for d in detector.detect(docs)}
    assert spans["b"] == ["orlaith"]


def test_a_name_with_a_stroke_or_in_greek_is_found_again_typed_plain(detector) -> None:
    docs = [
        Document(
            "a",
            "12.03.2024 19:02 Łucja W.: meeting moved to thursday\n"
            "12.03.2024 19:05 Ξανθή: ok thanks\n"
            "12.03.2024 19:07 Łucja W.: bring the forms\n"
            "12.03.2024 19:09 Ξανθή: ok\n",
        ),
        Document("b", "12.03.2024 20:11 Ana: sorry lucja i was late\n12.03.2024 20:12 Ana: ask ξανθη too\n"),
    ]
    spans = {d.id: [s.text for s in d.spans if s.label == "PERSON"] for d in detector.detect(docs)}
    assert "lucja" in spans["b"] and "ξανθη" in spans["b"]


def test_a_plain_form_that_is_an_english_word_is_no_variant() -> None:
    variants = NameVariants(Rules())
    assert variants.of("Ân") == set() and "Jose" in variants.of("José") and variants.of("Phượng") == {"Phuong"}
    assert variants.of("Łucja") == {"Lucja"} and variants.of("Đông") == set()  # "dong" is a word


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Rang Tāmati and Zoë at the marae.", "Rang Tamati and Zoe at the marae."),
        ("Plain ASCII text, 12 Hobbs Rd.", "Plain ASCII text, 12 Hobbs Rd."),
        ("", ""),
        ("Ngā mihi — Å", "Nga mihi — A"),  # a dash is no mark: it stays
        ("Witold Łasica, Đặng Minh, Bjørn Ødegård", "Witold Lasica, Dang Minh, Bjorn Odegard"),  # strokes too
    ],
)
def test_without_marks_drops_accents_and_macrons_only(text: str, plain: str) -> None:
    from qualdeid.detect.names.lexicon import without_marks

    assert without_marks(text) == plain


@pytest.mark.parametrize(("form", "name"), [("Γιάννη", "Γιάννης"), ("Κώστα", "Κώστας"), ("Νίκο", "Νίκος")])
def test_a_greek_name_addressed_without_its_final_sigma_is_the_name(form: str, name: str) -> None:
    from qualdeid.detect.names.lexicon import NameLexicon

    lex = NameLexicon.read(Rules())
    assert name.lower() in lex.first_names
    assert form.lower() in lex.first_names
    assert "καλημέρα" not in lex.first_names


def test_a_greek_name_opening_a_message_is_found(detector) -> None:
    [doc] = detector.detect([Document("g", "Para: Ανδρέας Λάμπρου\n\nΚώστα, πες τους ότι τα λεφτά έρχονται.")])
    assert "Κώστα" in [s.text for s in doc.spans if s.label == "PERSON"]
