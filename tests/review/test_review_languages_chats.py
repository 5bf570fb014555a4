"""Review items of the sixth round (issue 10): who wrote a chat's messages, bus routes and road codes,
numbers after another language's "n.º", names told by what they do or who they are to the writer; and
the everyday words of another language a document is partly written in, no longer asked about
(invented examples; each class, not one case)."""

from __future__ import annotations

import pytest
from test_review_uncertainty import doc, review

from qualdeid.review.uncertainty import UncertaintyFinder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who wrote a message of a chat export, in lower case and short
        ("3.5.2024 um 9.12 - mo: ok see you\n3.5.2024 um 9.15 - Ulli: fine\n", ("mo", "PERSON")),
        ("[8:02 PM] wq: running late\n[8:03 PM] Dee: np\n", ("wq", "PERSON")),
        # a writer saved with where they live or who they are, after the name
        ("12/04/2024, 18:02 - Ivy next door: can I pop in\n", ("Ivy next door", "PERSON")),
        # a forum's writer: a user name that is no word, or one with dots before a quote mark
        ("Reply: ola.p.derby » great work!!", ("ola.p.derby", "CONTACT")),
        ("Thread: a good week\n3 replies\nzqwen: nice one mate\n", ("zqwen", "PERSON")),
        # a bus or tram route by its number, and a road by its code
        ("Rain again, so I was on the 47 with the shopping.", ("the 47", "LOCATION")),
        ("I got the 12A into town and walked.", ("the 12A", "LOCATION")),
        ("It is an easy trip: take the 9 from the station.", ("the 9", "LOCATION")),
        ("The pileup closed US 30 for hours.", ("US 30", "LOCATION")),
        # a code of capitals with two digits only, a digit before a letter
        ("Dr Ana Ruiz\nMBChB\nreg 38PLMX", ("38PLMX", "ID")),
        # a number after another language's abbreviation of "number"
        ("Contrato n.º 38211 assinado ontem.", ("38211", "ID")),
        # initials before the name they stand for, in brackets
        ("Minutes taken by RB (Ruth), thanks.", ("RB", "PERSON")),
        # a word no list holds as a name, opening a sentence and doing what people do
        ("Rue came in at six.", ("Rue", "PERSON")),
        ("Zed brought the dog round.", ("Zed", "PERSON")),
        # a listed name followed by who the person is to the writer
        ("Robin, my neighbour, fixed the fence.", ("Robin", "PERSON")),
        # a capital mid-sentence in a passage of another language: a name, though the language's list
        # holds the word
        ("Mieszkam teraz w Poznaniu z bratem, jest dobrze, dziękuję bardzo.", ("Poznaniu", "PERSON")),
        # a surname also written in lower case, but only inside a user name
        ("Posted by rue.kovalik\nI think Kovalik was right about it.", ("Kovalik", "PERSON")),
        # numbers as transcripts write them: after a numbering word, spoken digits near a contact word
        ("Our caravan is on pitch sixty-two, by the gate.", ("sixty-two", "ID")),
        ("Call me on four-oh-seven-two, any time.", ("four-oh-seven-two", "CONTACT")),
        # a home's number after "in" at a clause's end
        ("Gran's in 6, two doors down.", ("6", "ID")),
        ("I live in 4B, top floor.", ("4B", "ID")),
        # a short number after a form's field in capitals
        ("Badge: 4471\nRN: 7\nWard: east", ("7", "ID")),
        # a plural with a capital after "the" mid-sentence: a team, a band, a family
        ("Our lot lost again, the Wolves are hopeless.", ("Wolves", "ORGANIZATION")),
    ],
)
def test_a_class_of_identifier_is_offered(text: str, expected: tuple[str, str]) -> None:
    assert (expected[0], "keep", expected[1]) in [(i[1], i[2], i[4]) for i in review(doc("d", text))]


@pytest.mark.parametrize(
    "text",
    [
        # a verb opening a sentence of a passage in another language
        "Choveu muito ontem à noite. Fiquei em casa com os meus filhos. Depois jantamos cedo.",
        # ... also after an emoji, which ends a sentence in a chat
        "Dzięki, jest dobrze 🙂 Potem poszłam do domu, dziękuję bardzo",
        # everyday words of that language in lower case
        "tak, jutro rano, jest dobrze, dziękuję bardzo",
        # a form's fields in that language
        "Turno: noite\nCidade: não sei quando, com certeza, obrigado pela ajuda",
        # a time written with "h"
        "Saio 17h45 amanhã, não sei quando, com certeza obrigado",
        # a closing beside its English, its second word in lower case
        "Thanks.\n\nSerdecznie pozdrawiam / Best wishes\n",
        # an English word with an ending after "to", and numbers that are no route
        "we went to tastings on weekends",
        "we took the 3 of them home on the 5th and on the 12 of May, then on the 2 kids' bikes",
        # a year or a time after "in", and number words that are no phone number
        "we were in 2019. It's in 5 minutes.",
        "GP: 2 visits this month, Start: 10:30",
        "one two three, here we go",
        # capitals with two digits that are no code
        "We drove the 4WD past the COVID19 clinic at 10AM with 24HR cover",
    ],
)
def test_everyday_words_are_not_asked_about(text: str) -> None:
    assert review(doc("d", text)) == []


def test_a_listed_name_among_words_of_its_language_is_still_asked() -> None:
    assert [i[1] for i in review(doc("d", "Καλημέρα σε όλους. Χθες ήρθε η Αγγελική στο σπίτι. Είναι καλά."))] == [
        "Αγγελική"
    ]
    vietnamese = "Hôm qua trời mưa nhiều quá, mình ở nhà.\nNgười liên hệ: Bùi Đặng Dương"
    assert "Bùi Đặng Dương" in [i[1] for i in review(doc("d", vietnamese))]


def test_an_everyday_word_detected_once_as_a_person_is_no_name_the_corpus_knows() -> None:
    items = review(doc("a", "Referrer: Family", ("Family", "PERSON")), doc("b", "We waited and Family never came."))
    assert [i[0] for i in items] == ["a"]  # the doubtful span itself, not the word elsewhere


def test_a_name_opening_a_chat_message_is_offered_where_the_corpus_knows_it() -> None:
    chat = "[9:20 AM] Ray Q: hi all\n[9:21 AM] Tam L: ray she is not coming\n"
    assert ("ray", "keep") in [(i[1], i[2]) for i in review(doc("d", chat, ("Ray Q", "PERSON")))]
    assert "ray" not in [i[1] for i in review(doc("d", "[9:21 AM] Tam L: ray she is not coming\n"))]


def test_a_writer_that_is_a_role_or_the_exporting_user_is_not_asked_about() -> None:
    assert review(doc("d", "[9:01 AM] Me: on my way\n[9:02 AM] Staff: ok\n[9:03 AM] Next steps: none\n")) == []


def test_names_left_side_by_side_are_one_item_that_one_decision_settles() -> None:
    items = review(doc("d", "Name            Age\nZorvan Quillet    41\nBùi Đặng Dương   59\n"))
    assert [(i[1], i[3]) for i in items] == [
        ("Bùi Đặng Dương", "name:bùi đặng dương"),
        ("Zorvan Quillet", "name:zorvan quillet"),
    ]
    # not across a comma or a line's end
    apart = review(doc("d", "Name\nZorvan\nQuillet, Teavey and co"))
    assert {i[1] for i in apart} >= {"Zorvan", "Quillet"}


def test_a_service_written_in_lower_case_is_not_called_capitalised() -> None:
    finder = UncertaintyFinder()
    d = doc("d1", "Then we walked over to the brenlow garden for lunch.")
    candidates = finder.candidates(d)
    finder.finish()
    [item] = [i for i in finder.items(d, candidates) if "brenlow" in i.text]
    assert item.action == "keep"
    assert "words before" in item.reason and not item.reason.startswith("a run of capitalised")
