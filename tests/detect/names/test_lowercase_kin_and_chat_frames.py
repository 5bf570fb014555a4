"""A chat's lower-case use of a name the same chat gives a person: after a title or a relative's word
("ok aunty bliss"), paired with the writer ("me + bliss."), as the subject of a plain negation or of
"has the" ("bliss dont have one", "bliss has the keys") — and a chat line's time that NER runs on over
the sender stays the time (issue 13, classes a and b; invented chats)."""

from __future__ import annotations


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


CHAT = """\
20:15 - Coach V: training moved. bliss has the keys. see u there
20:20 - Bliss N: and boys bring water
20:21 - Dace M: ok ok aunty bliss
20:22 - Bliss N: my nephew valour says hi
20:23 - Dace M: valour dont have boots lol
20:24 - Dace M: me + valour. we come early
20:25 - Valour T: true
20:26 - Valour T: pure bliss for us anyway
"""


def test_a_title_or_relative_before_a_name_of_the_chat_in_lower_case_is_the_person(detector) -> None:
    assert "aunty bliss" in people(detector, CHAT)


def test_a_name_of_the_chat_as_subject_or_paired_with_the_writer_is_the_person(detector) -> None:
    found = people(detector, CHAT)
    assert found.count("valour") == 3  # "my nephew valour", "valour dont", "me + valour."
    assert found.count("bliss") == 1  # "bliss has the keys"


def test_the_word_after_an_adjective_stays_a_word(detector) -> None:
    doc = detector.detect_text(CHAT)
    last_line = CHAT.rindex("pure bliss")
    assert not any(s.label == "PERSON" and s.start <= last_line + 5 < s.end for s in doc.spans)


def test_a_chat_time_ner_runs_on_over_the_sender_leaves_the_sender_a_person(detector) -> None:
    chat = (
        "27/02/26 8:20 pm - Bliss N: and boys dont go to the fence again\n"
        "27/02/26 8:21 pm - Dace M: ok ok\n"
        "27/02/26 8:22 pm - Bliss N: my nephew says hi\n"
    )
    doc = detector.detect_text(chat)
    assert [s.text for s in doc.spans if s.label == "PERSON"].count("Bliss N") == 2
    assert not any(s.label == "DATE_TIME" and "Bliss" in s.text for s in doc.spans)


def test_a_personal_article_of_another_language_before_a_name_of_the_chat_is_the_person(detector) -> None:
    chat = (
        "07:12 - Bliss Dalisay: gud am mga ate\n"
        "07:15 - Dace M: may problema si bliss. kinuha ang passport\n"
        "07:16 - Dace M: sabihin nya galing sa grupo ni bliss\n"
        "07:18 - Bliss Dalisay: salamat\n"
    )
    assert people(detector, chat).count("bliss") == 2
