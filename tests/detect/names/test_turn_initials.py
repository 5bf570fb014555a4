"""Initials that speak turn after turn in a transcript are a person's, even where the letters read as a
word ("DE", "AL"), beside another speaker by initials (detect/names/initials.py; issue 13, class c;
invented transcripts)."""

from __future__ import annotations


def people(detector, text: str) -> list[str]:
    return [s.text for s in detector.detect_text(text).spans if s.label == "PERSON"]


TRANSCRIPT = """\
Interview at the ferry office; DE asked the questions.

DE: How long have you worked the crossing?
TW: Nine winters now.
DE: And the timetable, who sets it?
TW: The council, mostly.
DE: Does that suit you?
"""


def test_initials_that_take_turns_beside_another_speaker_are_a_person(detector) -> None:
    found = people(detector, TRANSCRIPT)
    assert found.count("DE") == 4  # three turns and the line that introduces them
    assert found.count("TW") == 2


def test_one_speaker_roles_and_schedule_labels_stay_as_they_were(detector) -> None:
    alone = "DE: How long have you worked here?\nDE: And before that?\n"
    assert "DE" not in people(detector, alone)
    schedule = "AM: sort the post\nPM: clean the shed\nAM: market run\nPM: rest\n"
    assert people(detector, schedule) == []
    roles = "INT: How long?\nTW: Nine winters.\nINT: And then?\nTW: The council.\n"
    assert "INT" not in people(detector, roles)
