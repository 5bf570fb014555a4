"""Chat senders saved with an abbreviated title ("Tr. Ka Paw Lwe, [08:02]") or with a lower-case note about them in
brackets ("Quintin (youth worker), 12:34: ..."), the phone's owner named by a pronoun ("Moi, 12:30:"), and a team's
list whose members' initials spell a function word ("AS – RA2"). Invented chats and notes (issue 13, round 28)."""

from __future__ import annotations

import pytest

from qualdeid.detect.recognizers.structure import SpeakerRecognizer
from qualdeid.detect.transcript_roles import TranscriptRoles
from qualdeid.labels import PERSON
from qualdeid.rules import Rules

TITLED = (
    "Tr. Lor Ker Moo, [08:02]\nGood morning teacher. the boy is sick today\n"
    "Bwe Htee, [08:05]\nok Tr. thank you, tell me when he better\n"
    "Tr. Lor Ker Moo, [08:17]\nyes he go to clinic\n"
    "Bwe Htee, [08:20]\nok\n"
)

NOTED = (
    "Quintin (youth worker), 11:48: Hello, this is Quintin from the drop-in.\n"
    "Moi, 12:30: ok I am at work till 3\n"
    "Quintin (youth worker), 12:34: No no not hurt.\n"
    "Moi, 12:36: thanks\n"
    "Quintin (youth worker), 17:10: Perfect, Friday then.\n"
)


@pytest.fixture(scope="module")
def speakers() -> SpeakerRecognizer:
    return SpeakerRecognizer(Rules())


def _people(recognizer: SpeakerRecognizer, text: str) -> list[str]:
    return [text[a:b] for a, b, label in recognizer.find(text) if label == PERSON]


def _found(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == PERSON]


def test_a_chat_header_with_an_abbreviated_title_names_the_whole_sender(speakers: SpeakerRecognizer) -> None:
    assert _people(speakers, TITLED).count("Tr. Lor Ker Moo") == 2


def test_a_titled_sender_of_everyday_words_needs_a_title_and_turns(speakers: SpeakerRecognizer) -> None:
    chat = "Tr. Say Paw Wah, [08:02]\nhello\nBwe Htee, [08:05]\nok\n" * 2
    assert _people(speakers, chat).count("Tr. Say Paw Wah") == 2
    assert "Say Paw Wah" not in _people(speakers, chat.replace("Tr. ", ""))
    assert _people(speakers, "Rota\nLunch Break, 12:30\nsoup\nLunch Break, 12:30\nbread\n") == []


def test_the_title_of_a_titled_sender_is_no_name_of_its_own(detector) -> None:
    found = _found(detector, TITLED)
    assert found.count("Tr. Lor Ker Moo") == 2
    assert "Tr" not in found and "Tr." not in found  # "ok Tr. thank you": the title alone


def test_a_senders_lower_case_note_in_brackets_is_part_of_the_saved_name(detector) -> None:
    found = _found(detector, NOTED)
    assert found.count("Quintin (youth worker)") == 3


def test_the_phones_owner_named_as_a_pronoun_is_no_person(detector) -> None:
    assert "Moi" not in _found(detector, NOTED)


def test_a_capitalised_note_stays_apart_from_the_sender(speakers: SpeakerRecognizer) -> None:
    chat = "Ilka (Sen Vang), 09:02: tea?\nRadek W, 09:03: yes\nIlka (Sen Vang), 09:05: ok\nRadek W, 09:06: ok"
    assert _people(speakers, chat).count("Ilka") == 2


def test_a_team_member_whose_initials_spell_a_word_is_a_member_among_others() -> None:
    roles = TranscriptRoles(Rules())
    team = "Team\nQB - PI, overall lead\nQJ - RA1, schools strand\nAS - RA2, community sites\nTK - RA3, interviews\n"
    members = roles.team_members(team)
    assert set(members) == {"QB", "QJ", "AS", "TK"}
    # a list of function words is still no team
    assert roles.team_members("Notes\nAS - above\nIN - inside\n") == {}


def test_a_chat_copied_without_times_under_its_heading_names_its_senders(speakers: SpeakerRecognizer) -> None:
    chat = (
        "group: sunday helpers\n"
        "quillan: who is on the urn\njorvik t: me\nsaffie p: i bring cups\n"
        "quillan: ok\njorvik t: done\nsaffie p: see u\n"
    )
    found = _people(speakers, chat)
    assert found.count("jorvik t") == 2 and found.count("saffie p") == 2
    assert "group" not in found
    # the heading's word taking turns again is a role of the chat: no chat of names
    assert "jorvik t" not in _people(speakers, chat + "group: thanks all\n")


def test_a_contact_saved_as_one_letter_who_writes_after_times_is_someone(speakers: SpeakerRecognizer) -> None:
    chat = (
        "Mon 22 Apr 09:12 QSS: Good morning, can you come Thursday?\n"
        "09:40 Y: hello. thursday I have work\n09:52 QSS: Ok, Tuesday then?\n09:55 Y: ok I ask my boss\n"
    )
    assert _people(speakers, chat).count("Y") == 2
    # a transcript's role letters stay roles; one sender writing alone is no conversation
    transcript = "[00:00:04] I: Shall we start?\n[00:00:09] P: Yes.\n[00:00:31] I: Who?\n[00:00:37] P: Me."
    assert _people(speakers, transcript) == []
    assert _people(speakers, "Plan\n09:00 B: doors open\n10:00 B: tea\n") == []


def test_initials_before_a_participants_code_in_brackets_are_a_person(detector) -> None:
    text = "Field notes, week 3.\nQJ (P3) came in around ten with a friend.\nShadowing TZ (HCA, P07) today."
    found = _found(detector, text)
    assert "QJ" in found and any(p.endswith("TZ") for p in found)


def test_a_form_field_with_a_note_in_brackets_keeps_no_note(speakers: SpeakerRecognizer) -> None:
    form = "Intake\nQuorvandel (to be filled in by staff): 2291\nDate: 9 May\nQuorvandel (office use): done\n"
    assert all("(" not in p for p in _people(speakers, form))
