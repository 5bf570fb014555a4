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
        ("We drove up Hwy 17 past the farms.", [], ("Hwy 17", "keep", "LOCATION")),
        ("stuck on the M62 again tonight", [], ("M62", "keep", "LOCATION")),
        ("nights on I-29 with the trucks", [], ("I-29", "keep", "LOCATION")),
        ("the farm is on concession 9 near the lake", [], ("concession 9", "keep", "LOCATION")),
        # a saint's name in lower case: a church, a school or a hospital
        ("can u come with me to st oswins for the scan", [], ("st oswins", "keep", "ORGANIZATION")),
        # a name spelled out letter by letter
        ('She spelled it for me, "T-A-V-I-T-A", slowly.', [], ("T-A-V-I-T-A", "keep", "PERSON")),
        # one capital with a full stop for a person, the sentence going on after it
        ("The manager says R. was upset at the meeting.", [], ("R.", "keep", "PERSON")),
        ("Household: wife, adult son (P., 23), a lodger", [], ("P.", "keep", "PERSON")),
        # capitals in brackets after the words they are the initials of
        ("Intake worker: Dorotea V. (DV) on shift", [("Dorotea V.", "PERSON")], ("DV", "keep", "PERSON")),
        # a heading of names in capitals, though the line is in capitals
        ("KADLEC / VOSKUIJLEN (hosts, east side)\n- fine", [], ("VOSKUIJLEN", "keep", "PERSON")),
        # a name with an ending that only looks like an English word's ("-ly" after a stem of "wise")
        ("Baby: Wisly, born in March, doing well.", [], ("Wisly", "keep", "PERSON")),
    ],
)
def test_a_class_of_identifier_is_offered(text: str, spans: list, expected: tuple) -> None:
    items = review(doc("d", text, *spans))
    assert (expected[0], expected[1], expected[2]) in [(i[1], i[2], i[4]) for i in items]


def test_a_letter_the_document_writes_for_a_person_is_offered_wherever_it_stands_alone() -> None:
    text = "Then Q said she was fine. Later Q unsure about the form. Two calls to Q from a withheld number."
    assert [i[1] for i in review(doc("d", text))] == ["Q", "Q", "Q"]
    detected = Document("e", "Saw Q today.\nQ unsure again.", [Span(4, 5, "PERSON", "Q", 0.9, "names")])
    assert [i[1] for i in review(detected)] == ["Q"]
    assert review(doc("f", "Plan B works fine. We chose B in the end.")) == []  # no letter acting as a person


def test_a_speaker_who_opens_two_turns_is_a_person_wherever_else_the_corpus_writes_the_word() -> None:
    transcript = doc("a", "Interviewer: How long?\nSenior: Ten years.\nInterviewer: And now?\nSenior: Still here.")
    notes = doc("b", "Afterwards Senior waited by the door.")
    items = [(i[0], i[1]) for i in review(transcript, notes)]
    assert ("b", "Senior") in items and ("a", "Senior") in items
    once = doc("c", "Interviewer: How long?\nSenior: Ten years.")
    assert review(once, doc("d", "Afterwards Senior waited by the door.")) == []  # one turn is no evidence


def test_a_typed_name_right_after_a_detected_one_is_offered() -> None:
    text = "her doctor is dr pellam at kestro drive medical now"
    items = review(doc("d", text, ("dr pellam", "PERSON")))
    assert [(i[1], i[4]) for i in items] == [("kestro drive", "LOCATION")]


@pytest.mark.parametrize(
    ("texts", "spans"),
    [
        # everyday words of a language the document is partly written in
        (["Memo: gute nacht, ihr lieben, bis morgen. Please put it in the Beschwerde log."], []),
        # the words of a term of several words (a greeting in te reo Māori)
        (["We opened with a karakia. Then: Kia ora, thanks for having us."], []),
        # days and everyday words joined by a hyphen
        (["Working days Mon-Thu only.", "A throwaway-ish account."], []),
        # a wrong span of everyday words makes none of them a name elsewhere
        (["Referrer: Carer Support Worker", "the consent form was signed, consent given"], ["Carer Support Worker"]),
    ],
)
def test_everyday_words_are_not_asked_about(texts: list[str], spans: list[str]) -> None:
    docs = [doc(f"d{n}", t, *[(s, "PERSON") for s in spans if s in t]) for n, t in enumerate(texts)]
    assert [i[1] for i in review(*docs)] == []


def test_a_name_of_another_language_alone_among_english_words_is_still_asked() -> None:
    assert [i[1] for i in review(doc("d", "We met Zoltra at the hall and she laughed."))] == ["Zoltra"]


def test_initials_the_document_lists_as_people_are_offered_wherever_they_act() -> None:
    text = "Crew: TQ (driver), VW (peer), MR (peer, back from leave).\nLater MR stayed on the bench. MR told her."
    found = doc("d", text, ("TQ", "PERSON"), ("VW", "PERSON"))
    assert [i[1] for i in review(found)] == ["MR", "MR", "MR"]


def test_a_chat_name_with_dots_makes_its_joined_parts_a_name_the_corpus_knows() -> None:
    chat = doc("a", "kel.vo.r: is anyone coming\nsam.q: yes\n")
    later = doc("b", "sam.q: kelvo u were so good at it\n")
    assert ("b", "kelvo") in [(i[0], i[1]) for i in review(chat, later)]


def test_a_day_or_a_month_the_corpus_knows_as_a_name_is_offered_where_it_was_left() -> None:
    text = "My aunt June came early. We sat, June and I, until late. See you on June 12."
    items = review(doc("d", text, ("June", "PERSON")))
    assert [i[1] for i in items] == ["June"]  # the second one; not the date
    assert review(doc("e", "We met in June and again in July.")) == []  # known as no one's name


def test_initials_opening_an_action_of_a_list_are_people_in_a_text_that_writes_people_as_initials() -> None:
    text = "Present: HB, QT.\nActions:\n- CV: check the consent form\n- HB: draft the plan"
    items = review(doc("d", text, ("HB", "PERSON"), ("QT", "PERSON")))
    assert ("CV", "keep") in [(i[1], i[2]) for i in items]
