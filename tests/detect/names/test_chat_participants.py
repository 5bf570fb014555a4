"""The people of a chat export (issue 13, classes a, b; invented chats): senders saved by their initials or
in lower case, the "Name, [time]" header of some exports, and a sender's first name written again in a
message, even where that word is a term of another language's kin or peoples."""

from __future__ import annotations


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


HEADERS = """\
Orsolya W, [6:02 PM]
who has the spare key for the hall?

jirvo, [6:10 PM]
me. i lock up after choir

Idunn 🌸, [6:12 PM]
perfect. so jirvo has it till sunday

jirvo, [6:15 PM]
done
"""


def test_senders_above_their_messages_with_the_time_in_brackets(detector) -> None:
    found = people(detector, HEADERS)
    assert "Orsolya W" in found
    assert "Idunn" in found
    assert found.count("jirvo") == 3  # twice as the sender, once in a message


def test_a_schedule_of_words_and_times_has_no_senders(detector) -> None:
    plan = "Plan for Saturday\nLunch, [12:30]\nsoup\nBreak, [15:00]\ntea\nLunch, [12:30]\nagain\n"
    assert people(detector, plan) == []


INITIALS = """\
05/03/26 7:40 am - Valour N: rain again, boots on
05/03/26 7:41 am - TZ: leaving now
05/03/26 7:52 am - Orsolya W: save me a seat
05/03/26 7:55 am - TZ: on the 8 bus
"""


def test_a_sender_saved_by_initials_who_writes_twice_is_a_person(detector) -> None:
    assert people(detector, INITIALS).count("TZ") == 2


def test_initials_that_write_once_or_a_role_stay_as_they_were(detector) -> None:
    once = "05/03/26 7:40 am - Valour N: ok\n05/03/26 7:41 am - TZ: leaving now\n05/03/26 7:42 am - Valour N: ok\n"
    assert "TZ" not in people(detector, once)
    interview = "[00:01:02] INT: so how long\n[00:01:09] Valour: years\n[00:01:30] INT: and then\n"
    assert "INT" not in people(detector, interview)


def test_a_sender_s_first_name_in_a_message_is_the_person_though_a_term_lists_the_word(detector) -> None:
    chat = (
        "02/06/26, 9:05 AM - Tarek B: does anyone have a ladder\n"
        "02/06/26, 9:11 AM - Zia Wenzel: in my shed\n"
        "02/06/26, 9:12 AM - Tarek B: can i come at 10\n"
        "02/06/26, 9:15 AM - Orsolya W: ask zia first, she lent it out\n"
    )
    assert "zia" in people(detector, chat)
    # with no sender of that name, the word stays the relative it is in Italian
    assert people(detector, "My zia in the village cooks every Sunday. Her sister, my other zia, sings.") == []


UNSTAMPED = """\
choir helpers

vesna orlic: morning all, reminder the boxes go out tomorrow after mass
tadeo: ok, i will bring the van from the yard
vesna orlic: thanks tadeo
ilkin b: how many boxes this month
vesna orlic: forty, plus two new families
ilkin b: ok ill tell the shop to add rice
tadeo: the little one got her glasses!!
"""


def test_senders_of_a_chat_copied_without_its_times(detector) -> None:
    found = people(detector, UNSTAMPED)
    assert found.count("vesna orlic") == 3
    assert found.count("tadeo") >= 2
    assert any(f.startswith("ilkin") for f in found)


def test_a_form_or_minutes_with_labels_is_no_chat(detector) -> None:
    minutes = "action: ring the council\nnote: boxes on friday\naction: book the hall\nnote: two new families\n"
    assert people(detector, minutes) == []
    form = "name: to follow\naddress: to follow\nphone: to follow\n"
    assert people(detector, form) == []


NAME_AND_ROLE = """\
Chat: group
rohini volunteer: good morning all, playgroup at 10 today
sabitha: gm!! cannot make it today, son got fever
rohini volunteer: aiyo take care. hope he better soon
kavitha akka: welcome!! which side from?
sabitha: you the one who sings right??
kavitha akka: ok ok dont scare her away
rohini volunteer: see you all at 10
"""


def test_a_sender_saved_with_a_job_title_is_the_name_before_it(detector) -> None:
    found = people(detector, NAME_AND_ROLE)
    assert found.count("rohini") == 3 and "rohini volunteer" not in found and "volunteer" not in found
