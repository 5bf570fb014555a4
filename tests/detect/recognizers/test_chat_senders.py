"""Chat senders the layout names, even when the name is also a field word or a weekday (issue 13, class e;
invented chats)."""

from __future__ import annotations

CHAT = """\
05/04/2024, 10:01 - Radek W: hi all, who is opening tonight
05/04/2024, 10:02 - Memo: me, see you at six
05/04/2024, 10:03 - Radek W: thanks Memo
05/04/2024, 10:04 - Memo: no problem
05/04/2024, 10:05 - Thu Lan (Sen Vang): I bring the tea
05/04/2024, 10:06 - Thu Lan (Sen Vang): ok
"""


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_a_sender_whose_name_is_a_field_word_is_a_name_wherever_it_stands(detector) -> None:
    assert people(detector, CHAT).count("Memo") == 3  # two turns and "thanks Memo"


def test_a_sender_with_a_group_in_brackets_is_named(detector) -> None:
    assert people(detector, CHAT).count("Thu Lan") == 2


def test_field_words_in_notes_without_a_chat_stay_fields(detector) -> None:
    notes = "Memo: send the rota by Friday.\nNote: the hall is booked.\nMemo: lock up after."
    assert people(detector, notes) == []


def test_a_chat_export_with_a_word_between_date_and_time_names_its_senders(detector) -> None:
    chat = (
        "4.5.2024 klo 9.02 - Veera K: who has the keys today?\n"
        "4.5.2024 klo 9.05 - tk: me. tram late so 9.30\n"
        "4.5.2024 klo 9.07 - Veera K: ok thanks\n"
        "4.5.2024 klo 9.10 - tk: door open soon\n"
    )
    found = people(detector, chat)
    assert found.count("Veera K") == 2
    assert found.count("tk") == 2  # a sender saved in lower case, who speaks twice


def test_a_sender_with_a_church_form_of_address_is_named(detector) -> None:
    chat = (
        "20/05/2024, 07:55 - Bro Tunde: morning all, choir at 6\n"
        "20/05/2024, 08:03 - Sis Nkechi: running late\n"
        "20/05/2024, 08:04 - Sis Nkechi: sorry!\n"
    )
    found = people(detector, chat)
    assert found.count("Sis Nkechi") == 2 and "Bro Tunde" in found


def test_lower_case_words_after_a_time_in_notes_are_no_senders(detector) -> None:
    notes = "Rota\n09:00 - note: hall opens\n10:00 - note: tea\n11:00 - note: close up"
    assert people(detector, notes) == []


def test_a_name_before_its_address_in_an_email_header_is_found_with_a_trailing_initial(detector) -> None:
    text = "see below\n\n-------- Forwarded Message --------\nFrom: Marta K. <marta_k_77@yahoo.ca>\nSent: Monday"
    assert "Marta K." in people(detector, text)  # the initial keeps its full stop


def test_a_handle_with_a_name_in_it_stays_one_handle(detector) -> None:
    text = "Postado por tiago.lopes.82 em 3 mai 2023\n\nOi gente. Meu insta é @tiago.sanfona se quiserem.\nTiago"
    contacts = [s.text for s in detector.detect_text(text).spans if s.label == "CONTACT"]
    assert contacts == ["tiago.lopes.82", "@tiago.sanfona"]


def test_role_labels_of_a_transcript_are_no_names(detector) -> None:
    text = (
        "Interviewer: Lena Marsh\nINTERP: [speaks Tamil] She says yes, we can begin.\nI: Thank you.\n"
        "INTERP: She says two years ago.\nI: Mm.\nINTERP (phone): Yes, the line is fine."
    )
    assert people(detector, text) == ["Lena Marsh"]


def test_a_sender_saved_as_a_word_and_an_initial_is_named(detector) -> None:
    chat = (
        "11/03/2025, 6:01 pm - Losa 🌸: who is bringing chairs\n"
        "11/03/2025, 6:02 pm - BIG K: me, bringing the van\n"
        "11/03/2025, 6:03 pm - Losa 🌸: ok cool\n"
        "11/03/2025, 6:04 pm - BIG K: see u at 7\n"
    )
    assert people(detector, chat).count("BIG K") == 2
    # once only, a word and an initial may be anything: a sender needs its turns
    assert "BIG K" not in people(detector, chat.replace("6:04 pm - BIG K:", "6:04 pm - Losa 🌸:"))


def test_a_sender_before_the_time_is_named_even_when_an_abbreviation(detector) -> None:
    chat = (
        "Chat with Aunty Wiremu\n"
        "MC 21:03: you still up\n"
        "Aunty Wiremu 21:05: yes, what is it\n"
        "MC 21:06: the coach rang me\n"
        "Aunty Wiremu 21:07: ok, tell me tomorrow\n"
        "MC 21:08: night\n"
    )
    assert people(detector, chat).count("MC") == 3


def test_an_abbreviation_before_times_in_minutes_is_no_sender(detector) -> None:
    minutes = "Minutes\nTV 10:00: on the wall by the door\nTV 10:30: fixed\nBreak 11:00: tea"
    assert people(detector, minutes) == []


def test_a_sender_saved_with_a_groups_acronym_keeps_a_name_that_is_a_word_of_the_chats_language(detector) -> None:
    chat = (
        "2025-02-14 08:02 - Negra KMTC: buenos dias equipo, la reunion es a las seis\n"
        "2025-02-14 08:03 - Rosa: ok, yo llevo las sillas para la fiesta\n"
        "2025-02-14 08:04 - Negra KMTC: gracias, nos vemos en la casa de todos\n"
        "2025-02-14 08:05 - Rosa: si claro, pero no tengo carro hoy\n"
        "2025-02-14 08:06 - +1 514-555-0100: salut, je peux aider pour les chaises ce soir\n"
        "2025-02-14 08:07 - Negra KMTC: merci, muy bien\n"
    )
    assert people(detector, chat).count("Negra KMTC") == 3


def test_a_link_that_holds_a_name_stays_one_contact(detector) -> None:
    text = "Rangi Tane <rangi.tane@example.org> wrote:\nthe photos are on instagram.com/rangitane.spins now"
    spans = detector.detect_text(text).spans
    assert [s.text for s in spans if s.label == "CONTACT"] == [
        "rangi.tane@example.org",
        "instagram.com/rangitane.spins",
    ]


def test_initials_signing_a_note_or_a_message_are_a_person(detector) -> None:
    note = "Plan: review again in two weeks. Referred to the school nurse.\n\nRHW RN"
    mail = "Can someone bring the urn on Friday? Thanks all.\nK.T.\n>\n> ---------- Forwarded message ---------\n"
    greek = "Ο Πέτρος θα έρθει αύριο.\nΜ.Κ.\nEgnatia Ltd"
    assert "RHW" in people(detector, note)
    assert any(p.startswith("K.T") for p in people(detector, mail))
    assert any(p.startswith("Μ.Κ") for p in people(detector, greek))


def test_abbreviations_and_list_letters_alone_on_a_line_are_no_initials(detector) -> None:
    assert people(detector, "We will meet on Friday.\nOK\n") == []
    assert people(detector, "All done for today.\n\nTBC\n") == []
    assert people(detector, "The meeting closed at nine.\nAOB\nnone") == []
    assert people(detector, "Two options were discussed.\nA.\nkeep the hall") == []


def test_a_phone_number_sending_chat_lines_stays_one_contact(detector) -> None:
    chat = (
        "Rua T 09:14: who can take nana to the clinic\n"
        "+64 21 804 3317 09:16: i can come at 3\n"
        "Rua T 09:16: who is this number lol\n"
        "+64 21 804 3317 09:17: its hemi, new phone\n"
    )
    contacts = [s.text for s in detector.detect_text(chat).spans if s.label == "CONTACT"]
    assert contacts.count("+64 21 804 3317") == 2


def test_a_name_running_into_a_phone_number_keeps_the_name(detector) -> None:
    text = "Carer attends the Tuesday carers circle (contact R. Okonkwo 07700 900231) and finds it helps."
    assert any("Okonkwo" in p for p in people(detector, text))


def test_a_chat_export_with_the_time_in_brackets_under_each_sender_names_them(detector) -> None:
    chat = (
        "Sunday rota\n\n"
        "Quillon Brannock, [09:02]\nwho has the keys\n\n"
        "ysolde, [09:05]\nnot me\n\n"
        "Pepper 🌶️, [09:06]\ni do\n\n"
        "ysolde, [09:09]\nok ty\n"
    )
    found = people(detector, chat)
    assert found.count("Quillon Brannock") == 1
    assert found.count("ysolde") == 2  # a contact saved in lower case, who heads two messages
    assert "Pepper" in found


def test_a_line_of_a_name_and_a_time_once_is_no_chat(detector) -> None:
    assert people(detector, "Minutes\n\nhall, [09:02]\nkeys returned\n") == []


def test_senders_named_in_lower_case_in_the_messages_are_the_senders(detector) -> None:
    chat = (
        "12/03/24, 19:02 - Quillon Brannock: who is driving sat\n"
        "12/03/24, 19:03 - Ysolde Harlen: me. u talk too much quillon\n"
        "12/03/24, 19:04 - Quillon Brannock: ysolde nu vine azi\n"
        "12/03/24, 19:05 - Merry Cobb: its 7 pm ysolde\n"
    )
    found = people(detector, chat)
    assert found.count("quillon") == 1 and found.count("ysolde") == 2


def test_a_two_letter_sender_in_lower_case_is_no_transcript_label(detector) -> None:
    # "R:" is a respondent, "Speaker B:" a label; "sy:" typed by a phone's owner is a short name
    chat = "sy: u up?\nzandile: yes, kettle on\nsy: ok coming round\nzandile: bring the charger\nsy: will do\n"
    assert people(detector, chat).count("sy") == 3


def test_one_letter_labels_stay_labels(detector) -> None:
    transcript = "I: how long?\nR: an hour.\nI: and then?\nR: we left.\nP2: same for us.\n"
    assert people(detector, transcript) == []


PAIR = """\
gunhild kowarsky: Good morning, is Tuesday at 16:30 fine for you?
quorvi t: morning, tuesday not great, i have a late shift
gunhild kowarsky: Thursday at 17:00 then? Is your son home then?
quorvi t: yes he has practice until 4 but comes back
gunhild kowarsky: Great, see you then.
quorvi t: ok. he keeps geckos, just so you know
gunhild kowarsky: Not a problem at all!
quorvi t: thanks
"""


def test_two_senders_of_a_chat_without_times_one_saved_by_first_name_and_surname(detector) -> None:
    found = people(detector, PAIR)
    assert sum(s.startswith("quorvi") for s in found) == 4
    assert found.count("gunhild kowarsky") == 4


def test_two_labels_taking_turns_in_notes_are_no_senders(detector) -> None:
    notes = "note: called back at 3\naction: send the letter\nnote: no answer\naction: try again friday\n" * 2
    assert people(detector, notes) == []
