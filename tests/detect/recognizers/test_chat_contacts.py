"""Chat senders saved as two capitalised words that are no listed name ("Velvet Moon"), or as a name-like
word the lists lack beside a first name, who write again after a timestamp: contacts of the chat, people
(issue 13, class b; invented chats)."""

from __future__ import annotations

CHAT = """\
14/04/2024, 07:12 - Velvet Moon: gud am all, day off na
14/04/2024, 07:15 - Kulot Oyelaran: cge 12 na ko
14/04/2024, 07:16 - Velvet Moon: sino to?
14/04/2024, 07:18 - Kulot Oyelaran: ay sorry
14/04/2024, 07:19 - Velvet Moon: ok see u
"""


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


def test_a_two_word_contact_who_writes_again_is_a_person(detector) -> None:
    found = people(detector, CHAT)
    assert found.count("Velvet Moon") == 3
    assert found.count("Kulot Oyelaran") == 2


def test_two_word_headings_after_times_in_notes_are_no_senders(detector) -> None:
    notes = (
        "09:00 - Key Points: hall opens late\n10:00 - Key Points: tea urn broken\n"
        "11:00 - Next Steps: close up\n12:00 - Next Steps: lock the shed\n"
    )
    assert people(detector, notes) == []


def test_a_contact_saved_with_words_about_them_is_named_to_the_last_capitalised_word(detector) -> None:
    chat = (
        "08/09/2024, 19:05 - Bronek z Opatowa: foot like balloon\n"
        "08/09/2024, 19:06 - Bogna K: will u say this to the agency??\n"
        "08/09/2024, 19:09 - Bronek z Opatowa: i say to the drop-in desk\n"
        "08/09/2024, 19:10 - Blossom next door: is it alright if I pop in\n"
        "08/09/2024, 19:12 - Blossom next door: only the one word\n"
    )
    found = people(detector, chat)
    assert found.count("Bronek z Opatowa") == 2
    assert found.count("Blossom") == 2 and "Blossom next door" not in found


def test_headings_of_a_word_and_lower_case_words_after_times_are_no_contacts(detector) -> None:
    notes = (
        "09:00 - Brief description: hall opens late\n10:00 - Brief description: tea urn broken\n"
        "11:00 - Venue staff: close up\n12:00 - Venue staff: lock the shed\n13:00 - Bogna K: ok\n"
    )
    found = " ".join(people(detector, notes))
    assert "Brief" not in found and "Venue" not in found


def test_a_lower_case_sender_with_an_initial_and_an_emoji_who_writes_again_is_a_person(detector) -> None:
    chat = (
        "2026-01-16 22:41 Dace M: who can help w the tables tmrw\n"
        "2026-01-16 22:43 juno t 🌺: me. nana said we have to wear black\n"
        "2026-01-16 22:44 Dace M: ok\n"
        "2026-01-16 22:51 juno t 🌺: also who is bringing chairs\n"
    )
    assert people(detector, chat).count("juno t") == 2
