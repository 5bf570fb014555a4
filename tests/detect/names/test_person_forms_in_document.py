"""The forms a diary uses for a person it names elsewhere (issue 13, classes a and d): a word-name before
the surname, a title before particles, a kinship word of another language as a title, a clipped first
name, the lower-case name opening a sentence, a word-name introduced with an unknown surname, a listed
name written with accents the list lacks. Invented names; each with the word reading it must leave."""

from __future__ import annotations

from qualdeid.corpus.model import Document
from qualdeid.detect.names.lexicon import NameLexicon
from qualdeid.rules import Rules


def people(detector, *texts: str) -> list[str]:
    docs = list(detector.detect([Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]))
    return [d.text[s.start : s.end] for d in docs for s in d.spans if s.label == "PERSON"]


def test_a_word_name_before_the_surname_of_a_person_is_the_first_name(detector) -> None:
    text = "Notes\nIvy Rook had her birthday on Sunday. Mrs Rook laughed when the cake came out."
    assert "Ivy Rook" in people(detector, text)


def test_a_word_name_after_a_determiner_stays_out_of_the_name(detector) -> None:
    found = people(detector, "We ate at the Ivy Rook tavern. Mrs Rook runs it.")
    assert not any(p.startswith("Ivy") for p in found)


def test_a_title_takes_the_particles_of_the_surname(detector) -> None:
    text = "We drove Bram (Abraham van den Heuvel) home. Later Mr van den Heuvel had tea."
    assert "Mr van den Heuvel" in people(detector, text)


def test_a_kinship_word_of_another_language_is_part_of_the_name(detector) -> None:
    text = "Notes\nWalked Abuela Rina to the bus on Friday. Caterina Ruiz is 90. Rina waved."
    assert "Abuela Rina" in people(detector, text)


def test_a_kinship_word_alone_is_no_name(detector) -> None:
    found = people(detector, "We went to see Abuela on Sunday and Bert Oyelaran came.")
    assert not any("Abuela" in p for p in found)


def test_a_clipped_first_name_beside_the_full_name_is_the_person(detector) -> None:
    text = 'Abdirahman Warsame, "Ab" to his mates, fixed the radio. Ab fixes radios for half the town.'
    assert people(detector, text).count("Ab") == 2


def test_a_clipped_form_that_is_a_function_word_stays(detector) -> None:
    text = "Isabel Marchetti came in late. Is it always like this? So we waited."
    found = people(detector, text)
    assert "Is" not in found and "So" not in found


def test_a_clipped_form_needs_the_full_name_in_the_document(detector) -> None:
    assert "Ro" not in people(detector, "Walked to the shop. Ro was shut. Tamsin Ollerenshaw was not there.")


def test_a_lower_case_word_name_opening_a_sentence_and_acting_is_the_person(detector) -> None:
    text = "Ivy Tamsett runs the group on Mondays.\n\nWhy it mattered\nivy keeps to her room most days."
    assert "ivy" in people(detector, text)


def test_the_lower_case_word_stays_a_word_where_it_does_not_act(detector) -> None:
    text = "Ivy Tamsett runs the group on Mondays.\n\nWhy it mattered\nThe ivy was thick. ivy grows fast."
    assert "ivy" not in people(detector, text)


def test_a_word_name_met_with_an_unknown_surname_is_a_name_across_the_corpus(detector) -> None:
    first = "After lunch we met Hawk Redcloud at the office.\n\nLater\nhawk has started coming on Fridays."
    second = "The gate was broken again. Hawk was fixing it before lunch. A hawk flew over."
    found = people(detector, first, second)
    assert "Hawk Redcloud" in found
    assert found.count("hawk") == 1
    assert found.count("Hawk") == 1


def test_the_word_after_a_preposition_stays_a_word(detector) -> None:
    found = people(detector, "After lunch we met Hawk Redcloud. A feather from a hawk was on the path.")
    assert "hawk" not in found


def test_a_listed_name_with_accents_the_list_lacks_is_a_name() -> None:
    lex = NameLexicon.read(Rules([]))
    assert "éanna" not in frozenset(lex.first_names)  # the list holds the plain form only
    assert "éanna" in lex.first_names and "sinéad" in lex.first_names and "oisín" in lex.first_names


def test_a_name_with_accents_is_found_where_the_list_has_it_plain(detector) -> None:
    assert "Éanna" in people(detector, "On the bus Éanna sat by the window.")


def test_an_everyday_word_of_another_language_is_no_name_by_its_plain_letters() -> None:
    lex = NameLexicon.read(Rules([]))
    assert "eta" in lex.first_names
    assert "età" not in lex.first_names  # Italian "age"


def _evidence_and_doc(text: str, ents: list[tuple[int, int, str]]):
    from spacy.tokens import Span as SpacySpan

    from qualdeid.detect.names.evidence import NameEvidence
    from qualdeid.detect.nlp.loading import load_model

    nlp = load_model()
    doc = nlp(text)
    doc.ents = [SpacySpan(doc, a, b, label=label) for a, b, label in ents]
    return NameEvidence(Rules([]), nlp), doc


def test_an_unknown_word_paired_with_a_first_name_before_a_plural_verb_is_a_name() -> None:
    ev, doc = _evidence_and_doc("Harriet and Tamwyn were out in the yard.", [])
    assert ev.paired_with_name(doc, doc[2])
    ev, doc = _evidence_and_doc("We visited Tamwyn and Harriet at the farm.", [])
    assert ev.paired_with_name(doc, doc[2])


def test_a_pair_without_a_name_or_with_ners_organisation_is_no_evidence() -> None:
    ev, doc = _evidence_and_doc("Rice and Quinoa were on the menu.", [])
    assert not ev.paired_with_name(doc, doc[2])
    ev, doc = _evidence_and_doc("Oliver and Tesco were closed.", [(2, 3, "ORG")])
    assert not ev.paired_with_name(doc, doc[2])
    ev, doc = _evidence_and_doc("Harriet and Tamwyn in the yard.", [])
    assert not ev.paired_with_name(doc, doc[2])  # no verb of two people, no verb that takes them


def test_initials_joined_to_a_full_name_are_a_person() -> None:
    from qualdeid.detect.names.processor import NameProcessor

    names = NameProcessor(Rules([]))
    text = "Drove TQ and Renata Okafor home. Later Renata Okafor & QB left."
    assert [text[a:b] for a, b in names._initials_paired(text, [])] == ["TQ", "QB"]
    for other in (
        "We said OK and Renata Okafor laughed.",
        "Took TQ and Monday Club to the hall.",
        "We watched TV and Renata Okafor slept.",
    ):
        assert names._initials_paired(other, []) == []


def test_a_relatives_name_that_ner_reads_as_a_place_is_a_person(detector) -> None:
    text = "He has been low since his daughter Mekdes (14) moved out."
    assert "Mekdes" in people(detector, text)
