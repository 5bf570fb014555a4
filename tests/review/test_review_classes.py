"""Classes of identifiers that review offers since the fourth round, and the everyday words it no
longer asks about (invented examples; each class, not one case)."""

from __future__ import annotations

import pytest
from test_review_uncertainty import doc, review

from qualdeid.corpus.model import Document, Span


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a numbered road, and a motorway or an interstate by its number
        ("We cycled along Hwy 17 to the orchard.", [], ("Hwy 17", "keep", "LOCATION")),
        ("a lorry jackknifed on the M62 so we were late", [], ("M62", "keep", "LOCATION")),
        ("he hauled fridges up I-29 for a decade", [], ("I-29", "keep", "LOCATION")),
        ("the barn is on concession 9 near the lake", [], ("concession 9", "keep", "LOCATION")),
        # a saint's name in lower case: a church, a school or a hospital
        ("choir practice moved to st oswins this week", [], ("st oswins", "keep", "ORGANIZATION")),
        # a name spelled out letter by letter
        ('She spelled it for me, "T-A-V-I-T-A", slowly.', [], ("T-A-V-I-T-A", "keep", "PERSON")),
        # one capital with a full stop for a person, the sentence going on after it
        ("The warden thinks V. was tired after the hike.", [], ("V.", "keep", "PERSON")),
        ("Lives with: partner, a nephew (P., 31) and two cats", [], ("P.", "keep", "PERSON")),
        # capitals in brackets after the words they are the initials of
        ("Duty nurse: Morwen D. (MD) on nights", [("Morwen D.", "PERSON")], ("MD", "keep", "PERSON")),
        # a heading of names in capitals, though the line is in capitals
        ("VOSKUIJLEN / KADLEC fam (host R.T.)\n- fine", [], ("VOSKUIJLEN", "keep", "PERSON")),
        # a name with an ending that only looks like an English word's ("-ly" after a stem of "wise")
        ("Foster kitten: Rosly, nine weeks old, doing well.", [], ("Rosly", "keep", "PERSON")),
        # initials with the capitals of other Latin alphabets (Polish, Romanian, Czech)
        ("Shift notes: ŻW and ȘTF swapped rotas again.", [], ("ŻW", "keep", "PERSON")),
        ("Shift notes: ŻW and ȘTF swapped rotas again.", [], ("ȘTF", "keep", "PERSON")),
        ("- ČPO came early, first time on site", [], ("ČPO", "keep", "PERSON")),
        # a name after a form of address of another language, though the name is an English word too
        ("Thanks so much chị Will for the lift home!", [], ("Will", "keep", "PERSON")),
        ("we waited for cô Hope at the bus stop", [], ("Hope", "keep", "PERSON")),
        # a name joined to a form of address of another language
        ('He always calls my mum "Bright-san" and she loves it.', [], ("Bright-san", "keep", "PERSON")),
        # a surname in lower case after a lower-case title, though it is a little common as a word
        ("for the new people, mrs hague has a parrot that swears", [], ("mrs hague", "keep", "PERSON")),
        # everyday words and a type word after a detected person and "from": where the person works
        ("i asked piotr from harbour point about it", [("piotr", "PERSON")], ("harbour point", "keep", "ORGANIZATION")),
    ],
)
def test_a_class_of_identifier_is_offered(text: str, spans: list, expected: tuple) -> None:
    items = review(doc("d", text, *spans))
    assert (expected[0], expected[1], expected[2]) in [(i[1], i[2], i[4]) for i in items]


def test_a_letter_the_document_writes_for_a_person_is_offered_wherever_it_stands_alone() -> None:
    text = "Then Q said she was fine. Later Q cross about the rota. Left a card for Q at the desk."
    assert [i[1] for i in review(doc("d", text))] == ["Q", "Q", "Q"]
    detected = Document("e", "Saw Q today.\nQ cross again.", [Span(4, 5, "PERSON", "Q", 0.9, "names")])
    assert [i[1] for i in review(detected)] == ["Q"]
    assert review(doc("f", "Plan B works fine. We chose B in the end.")) == []  # no letter acting as a person


def test_a_speaker_who_opens_two_turns_is_a_person_wherever_else_the_corpus_writes_the_word() -> None:
    transcript = doc("a", "Interviewer: How long?\nSenior: A decade.\nInterviewer: And now?\nSenior: Still here.")
    notes = doc("b", "Afterwards Senior waited by the door.")
    items = [(i[0], i[1]) for i in review(transcript, notes)]
    assert ("b", "Senior") in items and ("a", "Senior") in items
    once = doc("c", "Interviewer: How long?\nSenior: A decade.")
    assert review(once, doc("d", "Afterwards Senior waited by the door.")) == []  # one turn is no evidence


def test_a_typed_name_right_after_a_detected_one_is_offered() -> None:
    items = review(doc("d", "my gp is dr pellam at kestro drive now", ("dr pellam", "PERSON")))
    assert [(i[1], i[4]) for i in items] == [("kestro drive", "LOCATION")]


@pytest.mark.parametrize(
    ("texts", "spans"),
    [
        # everyday words of a language the document is partly written in
        (["Notes: danke, schlaf schön, ihr zwei, bis morgen. I booked a Termin today."], []),
        # the words of a term of several words (a greeting in te reo Māori)
        (["We began with a waiata. Then: Tēnā koe, and the meeting opened."], []),
        # a wrong span of everyday words makes none of them a name elsewhere
        (["Referrer: Housing Support Officer", "We waited and Support never came."], ["Housing Support Officer"]),
        # a reply's mark in an e-mail header, and a date written with its month's letters
        (["Subject: RE: the rota for the quiz night", "Date of birth: 11-Oct-1949, reference on file"], []),
        # a common word after a lower-case title that is also a verb
        (["i miss yoga and the walks"], []),
        # a kind of place after a person and "at": no group's name
        (["i met piotr at the lodge and then from the church we walked"], ["piotr"]),
    ],
)
def test_everyday_words_are_not_asked_about(texts: list[str], spans: list[str]) -> None:
    docs = [doc(f"d{n}", t, *[(s, "PERSON") for s in spans if s in t]) for n, t in enumerate(texts)]
    assert [i[1] for i in review(*docs)] == []


def test_a_name_of_another_language_alone_among_english_words_is_still_asked() -> None:
    assert [i[1] for i in review(doc("d", "We met Zoltra at the hall and she laughed."))] == ["Zoltra"]


def test_initials_the_document_lists_as_people_are_offered_wherever_they_act() -> None:
    # "DR" is also a title, so it was no initials on its own
    text = "On the boat: TQ (skipper), VW (cook), DR (deckhand, first trip).\nBy noon DR was seasick. DR rang home."
    found = doc("d", text, ("TQ", "PERSON"), ("VW", "PERSON"))
    assert [i[1] for i in review(found)] == ["DR", "DR", "DR"]


def test_a_chat_name_with_dots_makes_its_joined_parts_a_name_the_corpus_knows() -> None:
    chat = doc("a", "kel.vo.r: is anyone coming\nsam.q: yes\n")
    later = doc("b", "sam.q: kelvo u were so good at it\n")
    assert ("b", "kelvo") in [(i[0], i[1]) for i in review(chat, later)]


def test_a_month_the_corpus_knows_as_a_name_is_offered_where_it_was_left() -> None:
    text = "My aunt April came early. Later, April and I walked. We leave on April 12."
    items = review(doc("d", text, ("April", "PERSON")))
    assert [i[1] for i in items] == ["April"]  # the second one; not the date
    assert review(doc("e", "We met in April and again in May.")) == []  # known as no one's name


def test_initials_opening_an_action_of_a_list_are_people_in_a_text_that_writes_people_as_initials() -> None:
    text = "Present: HB, QT.\nTo do:\n- CV: print the leaflets\n- HB: book the hall"
    items = review(doc("d", text, ("HB", "PERSON"), ("QT", "PERSON")))
    assert ("CV", "keep") in [(i[1], i[2]) for i in items]
